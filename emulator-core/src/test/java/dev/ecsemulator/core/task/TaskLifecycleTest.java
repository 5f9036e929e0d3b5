package dev.ecsemulator.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.AwsVpcConfiguration;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.NetworkBinding;
import dev.ecsemulator.core.model.NetworkConfiguration;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.task.ContainerObservation.State;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskLifecycleTest {

  static final Scope SCOPE = new Scope("000000000000", "us-east-1");
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static TaskDefinition definition(String networkMode, ContainerDefinition... containers) {
    return TaskDefinition.builder()
        .family("web")
        .revision(1)
        .taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/web:1")
        .networkMode(networkMode)
        .containerDefinitions(List.of(containers))
        .build();
  }

  static ContainerDefinition container(String name, Boolean essential) {
    return ContainerDefinition.builder().name(name).image("ecs-emulator/sample-web:1").essential(essential).memory(64).build();
  }

  static Task launch(TaskDefinition td) {
    return TaskFactory.create(new LaunchSpec(SCOPE, "default", td, "EC2", null, null, null, null, null, false, null,
        "awsvpc".equals(td.networkMode())
            ? NetworkConfiguration.builder().awsvpcConfiguration(AwsVpcConfiguration.builder().subnets(List.of("subnet-1")).build()).build()
            : null),
        Ids.seeded(1), T0);
  }

  static ContainerObservation running(String name) {
    return new ContainerObservation(name, "id-" + name, State.RUNNING, null, false, "UNKNOWN", T0, null,
        List.of(NetworkBinding.builder().bindIP("0.0.0.0").containerPort(8080).hostPort(32768).protocol("tcp").build()), null);
  }

  static ContainerObservation healthy(String name, String health) {
    return new ContainerObservation(name, "id-" + name, State.RUNNING, null, false, health, T0, null, List.of(), null);
  }

  static ContainerObservation exited(String name, int code, boolean oom) {
    return new ContainerObservation(name, "id-" + name, State.STOPPED, code, oom, "UNKNOWN", T0, T0, List.of(), null);
  }

  static Container containerNamed(Task task, String name) {
    return task.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aNewBridgeTaskIsPendingAndConnected() {
    Task task = launch(definition(null, container("app", null)));

    assertThat(task.lastStatus()).isEqualTo("PENDING");
    assertThat(task.desiredStatus()).isEqualTo("RUNNING");
    assertThat(task.version()).isEqualTo(1);
    assertThat(task.group()).isEqualTo("family:web");
    assertThat(task.taskArn()).matches("arn:aws:ecs:us-east-1:000000000000:task/default/[0-9a-f]{32}");
    assertThat(task.containers()).singleElement().satisfies(c -> {
      assertThat(c.lastStatus()).isEqualTo("PENDING");
      assertThat(c.containerArn()).startsWith("arn:aws:ecs:us-east-1:000000000000:container/default/");
      assertThat(c.cpu()).isEqualTo("0");
      assertThat(c.memory()).isEqualTo("64");
    });
    assertThat(task.overrides().containerOverrides()).extracting("name").containsExactly("app");
    assertThat(task.connectivity()).isEqualTo("CONNECTED");
  }

  @Test
  void runsOnceEveryContainerRuns() {
    TaskDefinition td = definition(null, container("app", null), container("sidecar", false));
    Task task = launch(td);

    Task half = TaskLifecycle.observe(task, td, List.of(running("app")), T0.plusSeconds(1));
    Task both = TaskLifecycle.observe(half, td, List.of(running("app"), running("sidecar")), T0.plusSeconds(2));

    assertThat(half.lastStatus()).isEqualTo("PENDING");
    assertThat(both.lastStatus()).isEqualTo("RUNNING");
    assertThat(both.startedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(both.version()).isEqualTo(3);
    assertThat(containerNamed(both, "app").runtimeId()).isEqualTo("id-app");
    assertThat(containerNamed(both, "app").networkBindings()).singleElement()
        .extracting(NetworkBinding::hostPort).isEqualTo(32768);
  }

  @Test
  void aStoppedContainerDoesNotHoldTheTaskBack() {
    TaskDefinition td = definition(null, container("init", false), container("app", null));
    Task task = launch(td);

    Task next = TaskLifecycle.observe(task, td, List.of(exited("init", 0, false), running("app")), T0.plusSeconds(1));

    assertThat(next.lastStatus()).isEqualTo("RUNNING");
    assertThat(next.desiredStatus()).isEqualTo("RUNNING");
    assertThat(containerNamed(next, "init").exitCode()).isZero();
  }

  @Test
  void anEssentialExitStopsTheTask() {
    TaskDefinition td = definition(null, container("app", null), container("sidecar", false));
    Task running = TaskLifecycle.observe(launch(td), td, List.of(running("app"), running("sidecar")), T0);

    Task exited = TaskLifecycle.observe(running, td, List.of(exited("app", 3, false), running("sidecar")), T0.plusSeconds(5));

    assertThat(exited.desiredStatus()).isEqualTo("STOPPED");
    assertThat(exited.lastStatus()).isEqualTo("STOPPING");
    assertThat(exited.stopCode()).isEqualTo("EssentialContainerExited");
    assertThat(exited.stoppedReason()).isEqualTo("Essential container in task exited");
    assertThat(exited.stoppingAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(containerNamed(exited, "app").exitCode()).isEqualTo(3);

    Task stopped = TaskLifecycle.observe(exited, td, List.of(exited("app", 3, false), exited("sidecar", 143, false)), T0.plusSeconds(6));
    assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
    assertThat(stopped.executionStoppedAt()).isEqualTo(T0.plusSeconds(6));
    assertThat(stopped.stoppedAt()).isEqualTo(T0.plusSeconds(6));
  }

  @Test
  void aNonEssentialExitChangesNothingButTheContainer() {
    TaskDefinition td = definition(null, container("app", null), container("sidecar", false));
    Task running = TaskLifecycle.observe(launch(td), td, List.of(running("app"), running("sidecar")), T0);

    Task next = TaskLifecycle.observe(running, td, List.of(running("app"), exited("sidecar", 1, false)), T0.plusSeconds(5));

    assertThat(next.desiredStatus()).isEqualTo("RUNNING");
    assertThat(next.lastStatus()).isEqualTo("RUNNING");
    assertThat(containerNamed(next, "sidecar").lastStatus()).isEqualTo("STOPPED");
  }

  @Test
  void anOomKillIsReportedAsAgentDoes() {
    TaskDefinition td = definition(null, container("app", null));
    Task running = TaskLifecycle.observe(launch(td), td, List.of(running("app")), T0);

    Task next = TaskLifecycle.observe(running, td, List.of(exited("app", 137, true)), T0.plusSeconds(1));

    assertThat(containerNamed(next, "app").reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
    assertThat(containerNamed(next, "app").exitCode()).isEqualTo(137);
    assertThat(next.stopCode()).isEqualTo("EssentialContainerExited");
  }

  @Test
  void anOomVerdictAfterTheExitStillGivesTheReason() {
    TaskDefinition td = definition(null, container("app", null), container("sidecar", false));
    Task running = TaskLifecycle.observe(launch(td), td, List.of(running("app"), running("sidecar")), T0);

    Task exited = TaskLifecycle.observe(running, td, List.of(exited("app", 137, false), running("sidecar")), T0.plusSeconds(1));
    assertThat(containerNamed(exited, "app").reason()).isNull();

    Task amended = TaskLifecycle.observe(exited, td, List.of(exited("app", 137, true), running("sidecar")), T0.plusSeconds(2));
    assertThat(containerNamed(amended, "app").reason()).isEqualTo(TaskLifecycle.OOM_REASON);

    Task stopped = TaskLifecycle.observe(exited, td, List.of(exited("app", 137, false), exited("sidecar", 143, false)), T0.plusSeconds(2));
    Task late = TaskLifecycle.amendOutOfMemory(stopped, "app");
    assertThat(containerNamed(late, "app").reason()).isEqualTo(TaskLifecycle.OOM_REASON);
    assertThat(late.version()).isEqualTo(stopped.version() + 1);
    assertThat(TaskLifecycle.amendOutOfMemory(late, "app")).isSameAs(late);
  }

  @Test
  void theFirstStopReasonWins() {
    TaskDefinition td = definition(null, container("app", null));
    Task running = TaskLifecycle.observe(launch(td), td, List.of(running("app")), T0);

    Task stopping = TaskLifecycle.requestStop(running, "UserInitiated", "Task stopped by user", T0.plusSeconds(1));
    Task exited = TaskLifecycle.observe(stopping, td, List.of(exited("app", 143, false)), T0.plusSeconds(2));

    assertThat(exited.stopCode()).isEqualTo("UserInitiated");
    assertThat(exited.stoppedReason()).isEqualTo("Task stopped by user");
    assertThat(exited.stoppingAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(exited.lastStatus()).isEqualTo("STOPPED");
    assertThat(TaskLifecycle.requestStop(exited, "UserInitiated", "again", T0.plusSeconds(3))).isSameAs(exited);
  }

  @Test
  void lastStatusNeverMovesBackward() {
    TaskDefinition td = definition(null, container("app", null));
    Task running = TaskLifecycle.observe(launch(td), td, List.of(running("app")), T0);

    Task stale = TaskLifecycle.observe(running, td, List.of(new ContainerObservation("app", "id-app", State.PENDING,
        null, false, "UNKNOWN", null, null, List.of(), null)), T0.plusSeconds(1));

    assertThat(stale.lastStatus()).isEqualTo("RUNNING");
    assertThat(containerNamed(stale, "app").lastStatus()).isEqualTo("RUNNING");
  }

  @Test
  void taskHealthCountsEssentialContainersOnly() {
    TaskDefinition td = definition(null, container("app", null), container("sidecar", false));
    Task task = launch(td);

    Task unknown = TaskLifecycle.observe(task, td, List.of(healthy("app", "UNKNOWN"), healthy("sidecar", "HEALTHY")), T0);
    Task healthy = TaskLifecycle.observe(unknown, td, List.of(healthy("app", "HEALTHY"), healthy("sidecar", "UNHEALTHY")), T0);
    Task unhealthy = TaskLifecycle.observe(healthy, td, List.of(healthy("app", "UNHEALTHY"), healthy("sidecar", "HEALTHY")), T0);

    assertThat(unknown.healthStatus()).isEqualTo("UNKNOWN");
    assertThat(healthy.healthStatus()).isEqualTo("HEALTHY");
    assertThat(unhealthy.healthStatus()).isEqualTo("UNHEALTHY");
    assertThat(unhealthy.desiredStatus()).as("a standalone task keeps running when unhealthy").isEqualTo("RUNNING");
  }

  @Test
  void anUnchangedObservationKeepsTheVersion() {
    TaskDefinition td = definition(null, container("app", null));
    Task running = TaskLifecycle.observe(launch(td), td, List.of(running("app")), T0);

    Task again = TaskLifecycle.observe(running, td, List.of(running("app")), T0.plusSeconds(30));

    assertThat(again).isSameAs(running);
  }

  @Test
  void awsvpcTasksProvisionAndDeprovision() {
    TaskDefinition td = definition("awsvpc", container("app", null));
    Task task = launch(td);
    assertThat(task.lastStatus()).isEqualTo("PROVISIONING");
    assertThat(task.attachments()).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo("ElasticNetworkInterface");
      assertThat(a.status()).isEqualTo("PRECREATED");
    });

    Task pending = TaskLifecycle.provisioned(task, "172.17.0.5", T0.plusSeconds(1));
    assertThat(pending.lastStatus()).isEqualTo("PENDING");
    assertThat(pending.attachments().get(0).status()).isEqualTo("ATTACHED");
    assertThat(pending.attachments().get(0).details())
        .anySatisfy(d -> assertThat(d.name() + "=" + d.value()).isEqualTo("privateIPv4Address=172.17.0.5"))
        .anySatisfy(d -> assertThat(d.name() + "=" + d.value()).isEqualTo("subnetId=subnet-1"))
        .anySatisfy(d -> assertThat(d.name() + "=" + d.value()).isEqualTo("privateDnsName=ip-172-17-0-5.ec2.internal"));
    assertThat(containerNamed(pending, "app").networkInterfaces()).singleElement()
        .satisfies(n -> assertThat(n.privateIpv4Address()).isEqualTo("172.17.0.5"));

    Task running = TaskLifecycle.observe(pending, td, List.of(running("app")), T0.plusSeconds(2));
    Task stopping = TaskLifecycle.requestStop(running, "UserInitiated", "Task stopped by user", T0.plusSeconds(3));
    Task deprovisioning = TaskLifecycle.observe(stopping, td, List.of(exited("app", 143, false)), T0.plusSeconds(4));
    assertThat(deprovisioning.lastStatus()).isEqualTo("DEPROVISIONING");

    Task stopped = TaskLifecycle.deprovisioned(deprovisioning, T0.plusSeconds(5));
    assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
    assertThat(stopped.stoppedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(stopped.attachments().get(0).status()).isEqualTo("DELETED");
  }

  @Test
  void aTaskThatFailsToStartStopsWithTaskFailedToStart() {
    TaskDefinition td = definition(null, container("app", null));
    Task task = launch(td);

    Task failed = TaskLifecycle.failedToStart(task, "CannotPullContainerError: pull access denied", T0.plusSeconds(1));
    Task stopped = TaskLifecycle.observe(failed, td, List.of(new ContainerObservation("app", null, State.STOPPED, null,
        false, "UNKNOWN", null, null, List.of(), "CannotPullContainerError: pull access denied")), T0.plusSeconds(2));

    assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
    assertThat(stopped.stopCode()).isEqualTo("TaskFailedToStart");
    assertThat(stopped.stoppedReason()).startsWith("CannotPullContainerError:");
    assertThat(containerNamed(stopped, "app").reason()).startsWith("CannotPullContainerError:");
    assertThat(stopped.startedAt()).isNull();
  }

  @Test
  void aTaskBehindALoadBalancerIsActivatingUntilRegisteredThenRunning() {
    TaskDefinition td = definition(null, container("app", null));
    Task started = TaskLifecycle.observe(launch(td), td, List.of(running("app")), T0, true);

    assertThat(started.lastStatus()).isEqualTo("ACTIVATING");
    assertThat(started.startedAt()).isNull();
    assertThat(TaskLifecycle.observe(started, td, List.of(running("app")), T0.plusSeconds(1), true).lastStatus())
        .as("observing again does not get past ACTIVATING").isEqualTo("ACTIVATING");
    Task activated = TaskLifecycle.activated(started, T0.plusSeconds(2));
    assertThat(activated.lastStatus()).isEqualTo("RUNNING");
    assertThat(activated.startedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(activated.version()).isEqualTo(started.version() + 1);
    assertThat(TaskLifecycle.activated(activated, T0.plusSeconds(3))).as("idempotent").isSameAs(activated);
  }

  @Test
  void aTaskBehindALoadBalancerIsDeactivatingUntilDrainedThenStopping() {
    TaskDefinition td = definition(null, container("app", null));
    Task running = TaskLifecycle.activated(
        TaskLifecycle.observe(launch(td), td, List.of(running("app")), T0, true), T0);

    Task asked = TaskLifecycle.requestStop(running, "ServiceSchedulerInitiated", "Scaling activity", T0, true);
    assertThat(asked.lastStatus()).isEqualTo("DEACTIVATING");
    assertThat(asked.desiredStatus()).isEqualTo("STOPPED");
    assertThat(TaskLifecycle.observe(asked, td, List.of(running("app")), T0.plusSeconds(1), true).lastStatus())
        .as("containers still run while the targets drain").isEqualTo("DEACTIVATING");
    Task drained = TaskLifecycle.deactivated(asked);
    assertThat(drained.lastStatus()).isEqualTo("STOPPING");
    assertThat(TaskLifecycle.observe(drained, td, List.of(exited("app", 143, false)), T0.plusSeconds(2), true)
        .lastStatus()).isEqualTo("STOPPED");
  }

  @Test
  void withoutALoadBalancerNothingChanges() {
    TaskDefinition td = definition(null, container("app", null));
    Task running = TaskLifecycle.observe(launch(td), td, List.of(running("app")), T0, false);

    assertThat(running.lastStatus()).isEqualTo("RUNNING");
    assertThat(TaskLifecycle.requestStop(running, "UserInitiated", "Task stopped by user", T0, false).lastStatus())
        .isEqualTo("STOPPING");
    assertThat(TaskLifecycle.deactivated(running)).isSameAs(running);
  }

  @Test
  void aDrainingTaskWhoseContainersAllExitIsStoppedAtOnce() {
    TaskDefinition td = definition(null, container("app", null));
    Task running = TaskLifecycle.activated(
        TaskLifecycle.observe(launch(td), td, List.of(running("app")), T0, true), T0);
    Task asked = TaskLifecycle.requestStop(running, "ServiceSchedulerInitiated", "Scaling activity", T0, true);

    assertThat(TaskLifecycle.observe(asked, td, List.of(exited("app", 1, false)), T0, true).lastStatus())
        .isEqualTo("STOPPED");
  }
}
