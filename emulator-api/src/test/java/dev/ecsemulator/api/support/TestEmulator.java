package dev.ecsemulator.api.support;

import dev.ecsemulator.api.Emulator;
import dev.ecsemulator.api.EmulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * A real emulator on a free port with its own data directory (so its own instance ID and labels), and
 * real AWS SDK v2 clients pointed at it. {@link #close} removes every container the emulator created,
 * stops it and deletes its directory, so a test class leaves nothing behind, pass or fail.
 */
public final class TestEmulator implements AutoCloseable {

  public static final String PROTOCOL_TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";

  private final Path dataDir;
  private final Emulator emulator;
  private final EcsClient client;
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

  private final HttpClient http = HttpClient.newHttpClient();

  private TestEmulator(Path dataDir, Emulator emulator) {
    this.dataDir = dataDir;
    this.emulator = emulator;
    this.client = client(Region.US_EAST_1, "test");
  }

  public static TestEmulator start() {
    return start(config -> config);
  }

  /** With a changed configuration, e.g. another Docker host or scheduler options. */
  public static TestEmulator start(java.util.function.UnaryOperator<EmulatorConfig> configure) {
    try {
      Path dir = Files.createTempDirectory("ecs-emulator-test");
      return new TestEmulator(dir, Emulator.start(configure.apply(EmulatorConfig.forTests(0, dir))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Emulator emulator() {
    return emulator;
  }

  public String url() {
    return emulator.url();
  }

  /** The default client: us-east-1, access key {@code test} (so the default account). */
  public EcsClient client() {
    return client;
  }

  /** A client for another region, or another account when the access key is a 12-digit account ID. */
  public EcsClient client(Region region, String accessKeyId) {
    return sdk(EcsClient.builder(), region, accessKeyId);
  }

  /**
   * A client of any service on the endpoint, e.g. {@code sdk(SecretsManagerClient.builder())}: us-east-1, access key
   * {@code test} (so the default account). The caller closes it.
   */
  public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C sdk(B builder) {
    return sdk(builder, Region.US_EAST_1, "test");
  }

  /** As {@link #sdk(AwsClientBuilder)}, for another region, or another account when the key is a 12-digit ID. */
  public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C sdk(
      B builder, Region region, String accessKeyId) {
    return builder
        .endpointOverride(URI.create(url()))
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** A raw AWS JSON 1.1 call, for what an SDK would never send. */
  public HttpResponse<String> post(String target, String body) {
    return post(target, HttpRequest.BodyPublishers.ofString(body));
  }

  /** A raw call with a body of any kind: a publisher without a length is sent chunked. */
  public HttpResponse<String> post(String target, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/"))
        .header("Content-Type", "application/x-amz-json-1.1")
        .POST(body);
    if (target != null) {
      request.header("X-Amz-Target", target.contains(".") ? target : PROTOCOL_TARGET_PREFIX + target);
    }
    return send(request.build());
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url() + path)).GET().build());
  }

  /** A POST to one of the emulator's own endpoints, as JSON (reset refuses other content types). */
  public HttpResponse<String> postEmulator(String path) {
    return send(HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      // A server that never answers fails the test instead of hanging the build.
      return http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(REQUEST_TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Wipes state and this emulator's containers: what {@code POST /_emulator/reset} does. */
  public void reset() {
    HttpResponse<String> response = postEmulator("/_emulator/reset");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("reset failed: " + response.statusCode() + " " + response.body());
    }
  }

  @Override
  public void close() {
    try {
      reset();
    } finally {
      client.close();
      emulator.close();
      deleteRecursively(dataDir);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
