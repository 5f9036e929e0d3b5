package dev.ecsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.state.durable.DataDirLockedException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The emulator in this JVM, restarted on the same data directory: durable unless told ephemeral. */
class DurableEmulatorTest {

  @TempDir Path dataDir;
  final List<Emulator> running = new ArrayList<>();

  @AfterEach
  void stop() {
    running.forEach(Emulator::close);
  }

  Emulator start(EmulatorConfig config) {
    Emulator emulator = Emulator.start(config);
    running.add(emulator);
    return emulator;
  }

  Emulator durable() {
    return start(EmulatorConfig.forTests(0, dataDir).withEphemeral(false));
  }

  static EcsClient client(Emulator emulator, Region region, String accessKey) {
    return EcsClient.builder()
        .endpointOverride(URI.create(emulator.url()))
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  @Test
  void clustersAndTheirTagsSurviveARestartInEveryScope() {
    Emulator first = durable();
    try (EcsClient east = client(first, Region.US_EAST_1, "test");
        EcsClient other = client(first, Region.EU_WEST_1, "123456789012")) {
      east.createCluster(b -> b.clusterName("prod").tags(tag("env", "prod"), tag("owner", "team-a")));
      east.createCluster(b -> b.clusterName("dev"));
      other.createCluster(b -> b.clusterName("eu"));
    }
    first.close();

    Emulator second = durable();
    try (EcsClient east = client(second, Region.US_EAST_1, "test");
        EcsClient other = client(second, Region.EU_WEST_1, "123456789012")) {
      assertThat(east.listClusters().clusterArns()).containsExactly(
          "arn:aws:ecs:us-east-1:000000000000:cluster/dev", "arn:aws:ecs:us-east-1:000000000000:cluster/prod");
      assertThat(other.listClusters().clusterArns()).containsExactly("arn:aws:ecs:eu-west-1:123456789012:cluster/eu");
      // CreateCluster of an existing cluster returns it as stored: its tags came back from disk.
      assertThat(east.createCluster(b -> b.clusterName("prod")).cluster().tags())
          .containsExactly(tag("env", "prod"), tag("owner", "team-a"));
    }
  }

  @Test
  void aSecondEmulatorOnTheSameDataDirectoryIsRefused() {
    durable();

    assertThatThrownBy(this::durable).isInstanceOf(DataDirLockedException.class)
        .hasMessageContaining(dataDir.toString());
    assertThatThrownBy(() -> start(EmulatorConfig.forTests(0, dataDir)))
        .as("ephemeral too: the data directory also names the instance whose containers it owns")
        .isInstanceOf(DataDirLockedException.class);
  }

  @Test
  void aRefusedStartLeavesTheDirectoryFreeForTheNext() throws Exception {
    Emulator blocker = durable();
    int taken = blocker.port();
    Path other = Files.createDirectory(dataDir.resolve("other"));

    assertThatThrownBy(() -> start(EmulatorConfig.forTests(taken, other).withEphemeral(false)))
        .as("the port is in use");

    start(EmulatorConfig.forTests(0, other).withEphemeral(false));
  }

  @Test
  void resetThroughTheApiIsDurable() throws Exception {
    Emulator first = durable();
    try (EcsClient ecs = client(first, Region.US_EAST_1, "test")) {
      ecs.createCluster(b -> b.clusterName("gone"));
    }
    HttpResponse<String> reset = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(first.url() + "/_emulator/reset")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(reset.statusCode()).isEqualTo(200);
    first.close();

    Emulator second = durable();
    try (EcsClient ecs = client(second, Region.US_EAST_1, "test")) {
      assertThat(ecs.listClusters().clusterArns()).isEmpty();
    }
  }

  @Test
  void anEphemeralEmulatorWritesNoStateAndForgetsEverything() {
    Emulator first = start(EmulatorConfig.forTests(0, dataDir));
    try (EcsClient ecs = client(first, Region.US_EAST_1, "test")) {
      ecs.createCluster(b -> b.clusterName("fleeting"));
    }
    first.close();

    assertThat(dataDir.resolve("state")).doesNotExist();
    Emulator second = start(EmulatorConfig.forTests(0, dataDir));
    try (EcsClient ecs = client(second, Region.US_EAST_1, "test")) {
      assertThat(ecs.listClusters().clusterArns()).isEmpty();
    }
  }

  @Test
  void resetStateStartsEmptyAndKeepsTheOldStateAside() throws Exception {
    Emulator first = durable();
    try (EcsClient ecs = client(first, Region.US_EAST_1, "test")) {
      ecs.createCluster(b -> b.clusterName("old"));
    }
    first.close();

    Emulator second = start(EmulatorConfig.forTests(0, dataDir).withEphemeral(false).withResetState(true));

    try (EcsClient ecs = client(second, Region.US_EAST_1, "test")) {
      assertThat(ecs.listClusters().clusterArns()).isEmpty();
    }
    try (var aside = Files.list(dataDir)) {
      assertThat(aside.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("state.reset-"));
    }
  }

  @Test
  void taskSetsAndTheirTagsSurviveARestart() {
    Emulator first = durable();
    String id;
    try (EcsClient ecs = client(first, Region.US_EAST_1, "test")) {
      ecs.createCluster(b -> b.clusterName("apps"));
      ecs.registerTaskDefinition(b -> b.family("web")
          .containerDefinitions(c -> c.name("web").image("ecs-emulator/sample-web:1").memory(32)));
      ecs.createService(b -> b.cluster("apps").serviceName("web").desiredCount(4)
          .deploymentController(c -> c.type("EXTERNAL")));
      id = ecs.createTaskSet(b -> b.cluster("apps").service("web").taskDefinition("web").externalId("blue")
          .scale(s -> s.value(25.0).unit("PERCENT")).tags(tag("colour", "blue"))).taskSet().id();
      ecs.updateServicePrimaryTaskSet(b -> b.cluster("apps").service("web").primaryTaskSet(id));
    }
    first.close();

    Emulator second = durable();
    try (EcsClient ecs = client(second, Region.US_EAST_1, "test")) {
      var set = ecs.describeTaskSets(b -> b.cluster("apps").service("web").include(
          software.amazon.awssdk.services.ecs.model.TaskSetField.TAGS)).taskSets();
      assertThat(set).singleElement().satisfies(t -> {
        assertThat(t.id()).isEqualTo(id);
        assertThat(t.status()).isEqualTo("PRIMARY");
        assertThat(t.externalId()).isEqualTo("blue");
        assertThat(t.computedDesiredCount()).isEqualTo(1);
        assertThat(t.tags()).containsExactly(tag("colour", "blue"));
      });
      assertThat(ecs.describeServices(b -> b.cluster("apps").services("web")).services().get(0)
          .deploymentController().typeAsString()).isEqualTo("EXTERNAL");
    }
  }

  @Test
  void secretsTheirVersionsAndAScheduledDeletionSurviveARestart() {
    Emulator first = durable();
    String arn;
    try (SecretsManagerClient secrets = secretsClient(first)) {
      arn = secrets.createSecret(b -> b.name("db/password").secretString("one")
          .tags(software.amazon.awssdk.services.secretsmanager.model.Tag.builder().key("env").value("prod").build()))
          .arn();
      secrets.putSecretValue(b -> b.secretId("db/password").secretBinary(SdkBytes.fromUtf8String("two")));
      secrets.createSecret(b -> b.name("doomed").secretString("x"));
      secrets.deleteSecret(b -> b.secretId("doomed").recoveryWindowInDays(7L));
    }
    first.close();

    Emulator second = durable();
    try (SecretsManagerClient secrets = secretsClient(second)) {
      assertThat(secrets.getSecretValue(b -> b.secretId(arn)).secretBinary().asUtf8String()).isEqualTo("two");
      assertThat(secrets.getSecretValue(b -> b.secretId("db/password").versionStage("AWSPREVIOUS")).secretString())
          .isEqualTo("one");
      assertThat(secrets.describeSecret(b -> b.secretId("db/password")).tags()).hasSize(1);
      assertThat(secrets.describeSecret(b -> b.secretId("doomed")).deletedDate()).isNotNull();
      assertThat(secrets.restoreSecret(b -> b.secretId("doomed")).name()).isEqualTo("doomed");
    }
  }

  static SecretsManagerClient secretsClient(Emulator emulator) {
    return SecretsManagerClient.builder()
        .endpointOverride(URI.create(emulator.url()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
