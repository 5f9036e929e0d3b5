package dev.ecsemulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;

/**
 * The emulator image in a container (built by bin/build-image): the SDK reaches it at {@link
 * EcsEmulatorContainer#getEndpoint()}, its tasks run on the host's engine with ports the test reaches, and stopping it
 * (or the reaper, after a JVM that never stopped it) removes every task container.
 */
class EcsEmulatorContainerDockerIT {

  private final DockerClient docker = DockerClientFactory.instance().client();
  private EcsEmulatorContainer emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      String instance = emulator.getInstanceId();
      emulator.stop();
      if (instance != null) {
        containersOf(instance).forEach(id -> docker.removeContainerCmd(id).withForce(true).exec());
      }
    }
  }

  @Test
  void runsATaskWhosePortTheTestReachesAndRemovesItWhenStopped() throws Exception {
    emulator = new EcsEmulatorContainer().withAccountId("123456789012");
    emulator.start();

    try (EcsClient ecs = client(emulator)) {
      assertThat(ecs.createCluster(b -> b.clusterName("default")).cluster().clusterArn())
          .isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/default");
      ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(c -> c.name("app")
          .image("ecs-emulator/sample-web:1").memory(64).portMappings(p -> p.containerPort(8080))));
      String task = ecs.runTask(b -> b.taskDefinition("web")).tasks().get(0).taskArn();
      await().atMost(Duration.ofMinutes(1)).until(() ->
          "RUNNING".equals(ecs.describeTasks(b -> b.tasks(task)).tasks().get(0).lastStatus()));
      NetworkBinding binding = ecs.describeTasks(b -> b.tasks(task)).tasks().get(0).containers().get(0)
          .networkBindings().get(0);

      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://" + emulator.getTaskHost() + ":" + binding.hostPort() + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.body()).contains("\"app\":\"sample-web\"");
    }
    String instance = emulator.getInstanceId();
    assertThat(containersOf(instance)).hasSize(1);

    emulator.stop();

    assertThat(containersOf(instance)).isEmpty();
    // Its task metadata endpoint network too (made when its first task launched, unless another emulator's was there).
    assertThat(docker.listNetworksCmd().withFilter("label", List.of("ecs-emulator.instance=" + instance)).exec())
        .isEmpty();
  }

  @Test
  void theReaperRemovesWhatTheContainerOfADeadTestJvmLeft() throws Exception {
    emulator = new EcsEmulatorContainer();
    emulator.start();
    try (EcsClient ecs = client(emulator)) {
      ecs.createCluster(b -> b.clusterName("default"));
      ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(c -> c.name("app")
          .image("ecs-emulator/sample-web:1").memory(64)));
      ecs.runTask(b -> b.taskDefinition("web"));
    }
    String instance = emulator.getInstanceId();
    String emulatorContainer = emulator.getContainerId();
    await().atMost(Duration.ofMinutes(1)).until(() -> !containersOf(instance).isEmpty());
    // The JVM that started it "died": its record names a process that has exited.
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path record = Reaper.dir().resolve(instance + ".properties");
    Properties owner = new Properties();
    try (var in = Files.newInputStream(record)) {
      owner.load(in);
    }
    owner.setProperty("pid", Long.toString(gone.pid()));
    try (var out = Files.newOutputStream(record)) {
      owner.store(out, null);
    }

    Reaper.reap();

    assertThat(containersOf(instance)).isEmpty();
    assertThat(docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(emulatorContainer)).exec()).isEmpty();
    assertThat(record).doesNotExist();
    emulator = null; // nothing left to stop
  }

  private List<String> containersOf(String instance) {
    return docker.listContainersCmd().withShowAll(true)
        .withLabelFilter(List.of("ecs-emulator.instance=" + instance)).exec().stream().map(c -> c.getId()).toList();
  }

  private static EcsClient client(EcsEmulatorContainer emulator) {
    return EcsClient.builder()
        .endpointOverride(emulator.getEndpoint())
        .region(Region.of(emulator.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
