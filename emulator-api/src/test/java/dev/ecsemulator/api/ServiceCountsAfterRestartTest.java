package dev.ecsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.durable.DurableOptions;
import dev.ecsemulator.core.state.durable.DurableStateStore;
import dev.ecsemulator.core.task.LaunchSpec;
import dev.ecsemulator.core.task.TaskFactory;
import dev.ecsemulator.core.taskdef.TaskDefinitions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;

/**
 * After a restart, DescribeServices never shows counts saved by the previous process that the saved tasks
 * contradict: the state a graceful stop with {@code --stop-tasks-on-exit} leaves (a service saved with
 * runningCount 2 by the controller's last step, then both its tasks stopped) is seeded on disk, and the
 * very first answer of the next start counts 0. No Docker engine (so nothing is launched or placed), no
 * waiting. The recount runs before the routes are handed over, so this holds whatever the service
 * controller's first pass does meanwhile; without it, the answer would be stale only when it came before
 * that pass (the race this fixes), so the stale state itself is shown in {@code ServiceRecountTest}.
 */
class ServiceCountsAfterRestartTest {

  static final Scope SCOPE = new Scope(EmulatorConfig.DEFAULT_ACCOUNT_ID, EmulatorConfig.DEFAULT_REGION);

  @TempDir Path dataDir;
  final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  EmulatorConfig config() {
    return EmulatorConfig.forTests(0, dataDir).withEphemeral(false)
        .withDockerHost("unix://" + dataDir.resolve("no-docker.sock"));
  }

  EcsClient client(Emulator emulator) {
    EcsClient client = EcsClient.builder()
        .endpointOverride(URI.create(emulator.url()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
    open.add(client);
    return client;
  }

  @Test
  void theFirstDescribeServicesAfterARestartCountsTheSavedTasks() {
    Emulator first = Emulator.start(config());
    open.add(first);
    EcsClient ecs = client(first);
    ecs.createCluster(b -> b.clusterName("default"));
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(
        ContainerDefinition.builder().name("web").image("web:1").memory(32).build()));
    ecs.createService(b -> b.serviceName("web").taskDefinition("web").desiredCount(2));
    first.close();
    seedTwoStoppedTasksAndCountsThatSayTheyRun();

    Emulator second = Emulator.start(config());
    open.add(second);
    EcsClient after = client(second);
    software.amazon.awssdk.services.ecs.model.Service shown =
        after.describeServices(b -> b.services("web")).services().get(0);

    assertThat(List.of(shown.runningCount(), shown.pendingCount())).containsExactly(0, 0);
    assertThat(shown.deployments()).singleElement()
        .satisfies(d -> assertThat(List.of(d.runningCount(), d.pendingCount())).containsExactly(0, 0));
    assertThat(shown.currentServiceRevisions()).singleElement()
        .satisfies(r -> assertThat(r.runningTaskCount()).isZero());
    assertThat(after.listTasks(b -> b.desiredStatus(DesiredStatus.STOPPED)).taskArns()).hasSize(2);
  }

  /**
   * What the stop leaves on disk, written as the emulator writes it: the service as the controller's last
   * step saved it (2 running), and its two tasks STOPPED by the stop.
   */
  void seedTwoStoppedTasksAndCountsThatSayTheyRun() {
    try (DurableStateStore store = DurableStateStore.open(dataDir.resolve("state"), Emulator.kinds(),
        DurableOptions.defaults())) {
      store.write(SCOPE, txn -> {
        String key = EcsKinds.serviceKey("default", "web");
        Service service = txn.get(EcsKinds.SERVICE, key).orElseThrow();
        Deployment primary = service.deployments().get(0);
        TaskDefinition definition = TaskDefinitions.find(txn, SCOPE, "web").orElseThrow();
        Ids ids = Ids.seeded(11);
        Instant now = Instant.now();
        for (int i = 0; i < 2; i++) {
          dev.ecsemulator.core.model.Task task = TaskFactory.create(new LaunchSpec(SCOPE, "default", definition, "EC2",
              null, null, null, "service:web", primary.id(), false, null, null), ids, now);
          String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
          txn.put(EcsKinds.TASK, EcsKinds.taskKey("default", id),
              task.toBuilder().lastStatus("STOPPED").desiredStatus("STOPPED").startedAt(now).stoppedAt(now)
                  .stopCode("UserInitiated").stoppedReason(Emulator.STOPPED_ON_EXIT).build());
        }
        txn.put(EcsKinds.SERVICE, key, service.toBuilder().runningCount(2).pendingCount(0)
            .deployments(List.of(primary.toBuilder().runningCount(2).pendingCount(0).build())).build());
        return null;
      });
    }
  }
}
