package dev.ecsemulator.junit;

import java.net.URI;

/**
 * The emulator a test class runs against, with the region and account its clients use. Inject it as a parameter or a
 * {@link FromEmulator} field for what the injected clients do not cover: the endpoint for a client of your own making,
 * a reset in the middle of a test, the Docker label of its containers.
 */
public final class EcsEmulator {

  /** The secret key of the static credentials; the emulator checks no signature. */
  public static final String SECRET_ACCESS_KEY = "test";

  private final RunningEmulator running;
  private final String region;
  private final String accountId;

  EcsEmulator(RunningEmulator running, String region, String accountId) {
    this.running = running;
    this.region = region;
    this.accountId = accountId;
  }

  /** The endpoint, e.g. {@code http://127.0.0.1:41234}, for {@code endpointOverride} or {@code AWS_ENDPOINT_URL}. */
  public URI endpoint() {
    return running.endpoint();
  }

  /** The region clients sign for (state is kept per region), e.g. {@code us-east-1}. */
  public String region() {
    return region;
  }

  /** The account in ARNs: the emulator takes it from the access key when that is a 12-digit number. */
  public String accountId() {
    return accountId;
  }

  /** The access key clients use: the account ID, so that ARNs name {@link #accountId()}. */
  public String accessKeyId() {
    return accountId;
  }

  public String secretAccessKey() {
    return SECRET_ACCESS_KEY;
  }

  /** The value of the {@code ecs-emulator.instance} label on every container, network and volume it creates. */
  public String instanceId() {
    return running.instanceId();
  }

  /**
   * Forgets every resource of every account and region and removes every task container (what happens after each
   * test unless the class says otherwise); returns when done.
   */
  public void reset() {
    running.reset();
  }

  /**
   * A new AWS SDK v2 client of a service on the endpoint ({@code EcsClient}, {@code EcsAsyncClient},
   * {@code SecretsManagerClient}, {@code SsmClient}, {@code CloudWatchLogsClient},
   * {@code ElasticLoadBalancingV2Client}, or their async forms), built from the test's own SDK with the SDK's default
   * HTTP client. The caller closes it.
   */
  public <C> C client(Class<C> type) {
    return SdkClients.build(type, target());
  }

  /**
   * Points an SDK client builder at the emulator (endpoint, region, static credentials) and returns it, for a client
   * with settings of your own: {@code emulator.configure(EcsClient.builder()).httpClient(...).build()}.
   */
  public <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, ?>> B configure(B builder) {
    return SdkClients.configure(builder, target());
  }

  SdkClients.Target target() {
    return target(endpoint(), region, accountId);
  }

  /** What the clients of a class with this region and account are built with; the access key is the account. */
  static SdkClients.Target target(URI endpoint, String region, String accountId) {
    return new SdkClients.Target(endpoint, region, accountId, SECRET_ACCESS_KEY);
  }

  @Override
  public String toString() {
    return "EcsEmulator[" + endpoint() + ", " + region + ", account " + accountId + ", instance " + instanceId() + "]";
  }
}
