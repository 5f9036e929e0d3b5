package dev.ecsemulator.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * ecs-emulator in a container: the image {@code ecs-emulator/ecs-emulator} (built by {@code bin/build-image}) serving
 * the ECS API (and Secrets Manager, SSM, CloudWatch Logs, ELBv2) on port 4566, and running tasks as containers on the
 * host's Docker engine through its mounted socket, as LocalStack does.
 *
 * <pre>{@code
 * @Container
 * static EcsEmulatorContainer emulator = new EcsEmulatorContainer();
 *
 * EcsClient ecs = EcsClient.builder()
 *     .endpointOverride(emulator.getEndpoint())
 *     .region(Region.of(emulator.getRegion()))
 *     .credentialsProvider(StaticCredentialsProvider.create(
 *         AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
 *     .build();
 * }</pre>
 *
 * <p>A task's published ports ({@code networkBindings[].hostPort}) are ports of the Docker host, bound on every
 * interface of it (the emulator's {@code --bind 0.0.0.0}): reach them at {@link #getTaskHost()}.
 *
 * <p>Each container is an emulator instance of its own (a data directory of its own, so its own Docker labels): state
 * is kept in memory only, and stopping the container removes every task container, network and volume it created
 * (a reset first, then the emulator's own {@code --stop-tasks-on-exit}). Should the test JVM die without stopping it
 * (with or without Ryuk), the next container this module starts on the same machine removes what it left.
 */
public class EcsEmulatorContainer extends GenericContainer<EcsEmulatorContainer> {

  /** The image this module was built with: {@code ecs-emulator/ecs-emulator:<version>}. */
  public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("ecs-emulator/ecs-emulator")
      .withTag(moduleVersion());
  public static final int PORT = 4566;
  /** The secret key of the static credentials; the emulator checks no signature. */
  public static final String SECRET_KEY = "test";
  /** Marks the emulator containers this module starts. */
  static final String CONTAINER_LABEL = "dev.ecsemulator.testcontainers";

  private static final Pattern INSTANCE_ID = Pattern.compile("\"instanceId\"\\s*:\\s*\"([0-9a-f]+)\"");

  private String region = "us-east-1";
  private String accountId = "000000000000";
  private volatile String instanceId;

  public EcsEmulatorContainer() {
    this(DEFAULT_IMAGE);
  }

  public EcsEmulatorContainer(DockerImageName image) {
    super(image);
    image.assertCompatibleWith(DEFAULT_IMAGE.withTag(image.getVersionPart()));
    withExposedPorts(PORT);
    // A data directory of its own: the instance ID, and so the labels of its containers, are this container's alone.
    withEnv("ECS_EMULATOR_DATA_DIR", "/var/lib/ecs-emulator/" + UUID.randomUUID());
    withEnv("ECS_EMULATOR_EPHEMERAL", "true");
    withEnv("ECS_EMULATOR_STOP_TASKS_ON_EXIT", "true");
    withEnv("ECS_EMULATOR_BIND", "0.0.0.0");
    withLabel(CONTAINER_LABEL, "true");
    waitingFor(Wait.forHttp("/_emulator/health").forPort(PORT).forStatusCode(200)
        .withStartupTimeout(Duration.ofMinutes(2)));
  }

  /** The region of requests signed without one (clients normally sign for {@link #getRegion()}). */
  public EcsEmulatorContainer withRegion(String region) {
    this.region = region;
    return withEnv("ECS_EMULATOR_REGION", region);
  }

  /** The account in ARNs (12 digits); {@link #getAccessKey()} returns it, as the emulator reads it from the key. */
  public EcsEmulatorContainer withAccountId(String accountId) {
    if (!accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("an account ID is 12 digits, got '" + accountId + "'");
    }
    this.accountId = accountId;
    return withEnv("ECS_EMULATOR_ACCOUNT_ID", accountId);
  }

  @Override
  protected void configure() {
    Reaper.reapOnce();
    // The engine's socket, bound directly: withFileSystemBind would first test file mounts with a pulled image.
    String socket = DockerClientFactory.instance().getRemoteDockerUnixSocketPath();
    withCreateContainerCmdModifier(create -> {
      HostConfig host = create.getHostConfig() == null ? new HostConfig() : create.getHostConfig();
      List<Bind> binds = new ArrayList<>(host.getBinds() == null ? List.of() : List.of(host.getBinds()));
      binds.add(new Bind(socket, new Volume("/var/run/docker.sock")));
      create.withHostConfig(host.withBinds(binds));
    });
    // Clients that call the emulator by a name (the Docker host's, a network alias) need that name allowed; an IP
    // address and localhost always are (README, Security).
    Set<String> names = new LinkedHashSet<>();
    names.add(getHost());
    names.addAll(getNetworkAliases());
    names.removeIf(name -> name.equals("localhost") || name.matches("[0-9.]+") || name.contains(":"));
    if (!names.isEmpty()) {
      withEnv("ECS_EMULATOR_ALLOWED_HOSTS", String.join(",", names));
    }
  }

  @Override
  protected void containerIsStarted(InspectContainerResponse info) {
    Matcher id = INSTANCE_ID.matcher(request("GET", "/_emulator/health"));
    if (!id.find()) {
      throw new IllegalStateException("the emulator's health answer names no instance ID");
    }
    instanceId = id.group(1);
    Reaper.record(instanceId, info.getId());
  }

  /**
   * Removes every task container, network and volume of this emulator before Testcontainers stops it, then its task
   * metadata endpoint network: Testcontainers kills the container, so the emulator never gets to remove that network
   * itself, and an emulator on the host cannot judge a container's data directory gone (it is not on the host).
   */
  @Override
  protected void containerIsStopping(InspectContainerResponse info) {
    try {
      request("POST", "/_emulator/reset");
      Reaper.removeNetworks(getDockerClient(), instanceId);
      Reaper.forget(instanceId);
    } catch (RuntimeException e) {
      // Left to the emulator's --stop-tasks-on-exit, and to the next start's reaper.
    }
  }

  /** The endpoint for {@code endpointOverride} or {@code AWS_ENDPOINT_URL}, e.g. {@code http://localhost:32771}. */
  public URI getEndpoint() {
    String host = getHost();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + getMappedPort(PORT));
  }

  public String getRegion() {
    return region;
  }

  /** The access key clients use: the account ID, so that ARNs name {@link #getAccountId()}. */
  public String getAccessKey() {
    return accountId;
  }

  public String getSecretKey() {
    return SECRET_KEY;
  }

  public String getAccountId() {
    return accountId;
  }

  /** Where a task's published ports ({@code networkBindings[].hostPort}) are reached: the Docker host. */
  public String getTaskHost() {
    return getHost();
  }

  /** The value of the {@code ecs-emulator.instance} label on every container, network and volume it creates. */
  public String getInstanceId() {
    return instanceId;
  }

  /** {@code POST /_emulator/reset}: forgets every resource and removes every task container; returns when done. */
  public void reset() {
    request("POST", "/_emulator/reset");
  }

  private String request(String method, String path) {
    try {
      HttpURLConnection connection = (HttpURLConnection) getEndpoint().resolve(path).toURL().openConnection();
      connection.setRequestMethod(method);
      connection.setConnectTimeout(10_000);
      connection.setReadTimeout(120_000);
      if (method.equals("POST")) {
        connection.setRequestProperty("Content-Type", "application/json"); // the reset refuses anything else
        connection.setDoOutput(true);
        connection.getOutputStream().close();
      }
      int status = connection.getResponseCode();
      InputStream body = status == 200 ? connection.getInputStream() : connection.getErrorStream();
      String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
      if (status != 200) {
        throw new IllegalStateException(method + " " + path + " answered HTTP " + status + ": " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
    }
  }

  private static String moduleVersion() {
    Properties properties = new Properties();
    try (InputStream in = EcsEmulatorContainer.class.getResourceAsStream("image.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // the fallback below
    }
    return properties.getProperty("version", "latest");
  }
}
