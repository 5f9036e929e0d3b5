package dev.ecsemulator.scheduler.service.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.DeploymentCircuitBreaker;
import dev.ecsemulator.core.model.DeploymentConfiguration;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.ServiceDeployment;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.service.ServiceHistory;
import dev.ecsemulator.core.tag.ResourceTagging;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's replacement, circuit breaker, draining, tagging, placement and DAEMON behaviour. */
class ServiceEngineTest {

  final EngineHarness h = new EngineHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void aTaskThatStopsIsReplaced() {
    h.register("web", "ecs-emulator/sample-web:1", true);
    h.create(b -> b.taskDefinition("web").desiredCount(2));
    h.runPending();
    String victim = h.ids(t -> true).get(0);

    h.exit(victim, 137);

    List<Task> live = h.tasks(t -> "RUNNING".equals(t.desiredStatus()));
    assertThat(live).hasSize(2).noneMatch(t -> EngineHarness.id(t).equals(victim));
    String replacement = EngineHarness.id(live.stream().filter(t -> "PENDING".equals(t.lastStatus())).findFirst()
        .orElseThrow());
    List<String> events = h.eventsOldestFirst();
    assertThat(events.get(events.size() - 1)).isEqualTo("(service web) has started 1 tasks: (task " + replacement + ").");
    Task stopped = h.tasks(t -> EngineHarness.id(t).equals(victim)).get(0);
    assertThat(stopped.stopCode()).isEqualTo("EssentialContainerExited");

    h.runPending();
    assertThat(h.eventsOldestFirst()).last().isEqualTo("(service web) has reached a steady state.");
    assertThat(h.service().runningCount()).isEqualTo(2);
  }

  @Test
  void anUnhealthyTaskIsReplacedStartFirstThenStopped() {
    h.register("web", "ecs-emulator/sample-web:1", true);
    h.create(b -> b.taskDefinition("web").desiredCount(2));
    h.runPending();
    String sick = h.ids(t -> true).get(0);

    h.health(sick, "UNHEALTHY");

    assertThat(h.eventsOldestFirst()).contains("(service web) (task " + sick + ") failed container health checks.");
    assertThat(h.active()).hasSize(3);
    h.runPending();
    Task stopped = h.tasks(t -> EngineHarness.id(t).equals(sick)).get(0);
    assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
    assertThat(stopped.stoppedReason()).isEqualTo("Task failed container health checks");
    assertThat(stopped.stopCode()).isEqualTo("ServiceSchedulerInitiated");
  }

  @Test
  void theCircuitBreakerFailsADeploymentWhoseTasksCannotStartAndRollsBack() {
    String td1 = h.register("web", "ecs-emulator/sample-web:1", true);
    h.create(b -> b.taskDefinition("web").desiredCount(3).deploymentConfiguration(DeploymentConfiguration.builder()
        .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build()).build()));
    h.runPending();
    String first = h.service().deployments().get(0).id();
    String firstServiceDeployment = h.service().currentServiceDeployment();
    List<String> kept = h.ids(t -> td1.equals(t.taskDefinitionArn()));
    String td2 = h.register("web", "ecs-emulator/missing:1", true);
    Service updated = h.update(b -> b.taskDefinition("web"));
    String failing = updated.deployments().get(0).id();
    String failingServiceDeployment = updated.currentServiceDeployment();

    for (int i = 0; i < 10 && h.service().deployments().get(0).id().equals(failing); i++) {
      h.ids(t -> td2.equals(t.taskDefinitionArn()) && "PENDING".equals(t.lastStatus())).forEach(h::failToStart);
    }

    Service rolledBack = h.service();
    assertThat(rolledBack.deployments()).hasSize(2);
    assertThat(rolledBack.deployments().get(0)).satisfies(d -> {
      assertThat(d.id()).isEqualTo(first);
      assertThat(d.status()).isEqualTo("PRIMARY");
      assertThat(d.rolloutState()).isEqualTo("IN_PROGRESS");
      assertThat(d.taskDefinition()).isEqualTo(td1);
      assertThat(d.rolloutStateReason())
          .isEqualTo("ECS deployment circuit breaker: rolling back to deploymentId " + first + ".");
    });
    assertThat(rolledBack.deployments().get(1)).satisfies(d -> {
      assertThat(d.id()).isEqualTo(failing);
      assertThat(d.rolloutState()).isEqualTo("FAILED");
      assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
      assertThat(d.failedTasks()).isEqualTo(3);
    });
    assertThat(rolledBack.taskDefinition()).isEqualTo(td1);
    assertThat(serviceDeployment(failingServiceDeployment).status()).isEqualTo("ROLLBACK_IN_PROGRESS");

    for (int i = 0; i < 5 && h.service().deployments().size() > 1; i++) {
      h.runPending();
      h.finishStops();
    }

    assertThat(h.service().deployments()).singleElement().satisfies(d -> {
      assertThat(d.taskDefinition()).isEqualTo(td1);
      assertThat(d.rolloutState()).isEqualTo("COMPLETED");
    });
    assertThat(h.service().deployments().get(0).id()).isEqualTo(first);
    assertThat(h.active()).hasSize(3).allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(td1));
    assertThat(h.ids(t -> td1.equals(t.taskDefinitionArn()))).as("the healthy tasks were kept")
        .containsExactlyInAnyOrderElementsOf(kept);
    assertThat(h.eventsOldestFirst()).containsSubsequence(
        "(service web) (deployment " + failing + ") deployment failed: tasks failed to start.",
        "(service web) rolling back to deployment " + first + ".",
        "(service web) (deployment " + first + ") deployment completed.");
    assertThat(serviceDeployment(firstServiceDeployment).status()).isEqualTo("SUCCESSFUL");
    ServiceDeployment sd = serviceDeployment(failingServiceDeployment);
    assertThat(sd.status()).isEqualTo("ROLLBACK_SUCCESSFUL");
    assertThat(sd.statusReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
    assertThat(sd.rollback().serviceRevisionArn()).isEqualTo(ServiceHistory.revisionArn(h.service(), first));
    assertThat(sd.deploymentCircuitBreaker().status()).isEqualTo("TRIGGERED");
    assertThat(sd.deploymentCircuitBreaker().failureCount()).isEqualTo(3);
  }

  @Test
  void deleteServiceDrainsItsTasksAndBecomesInactive() {
    h.register("web", "ecs-emulator/sample-web:1", true);
    h.create(b -> b.taskDefinition("web").desiredCount(2));
    h.runPending();
    String deployment = h.service().deployments().get(0).id();

    assertThat(h.delete(true).status()).isEqualTo("DRAINING");

    assertThat(h.tasks(t -> true)).hasSize(2).allSatisfy(t -> {
      assertThat(t.desiredStatus()).isEqualTo("STOPPED");
      assertThat(t.lastStatus()).isEqualTo("STOPPING");
      assertThat(t.stopCode()).isEqualTo("ServiceSchedulerInitiated");
    });
    assertThat(h.service().status()).isEqualTo("INACTIVE");
    h.finishStops();
    // The containers exited on SIGTERM meanwhile: the scheduler's reason stays.
    assertThat(h.tasks(t -> true)).allSatisfy(t -> {
      assertThat(t.lastStatus()).isEqualTo("STOPPED");
      assertThat(t.stopCode()).isEqualTo("ServiceSchedulerInitiated");
      assertThat(t.stoppedReason()).isEqualTo("Scaling activity initiated by (deployment " + deployment + ")");
    });
    assertThat(h.service().runningCount()).isZero();
    assertThat(h.eventsOldestFirst()).last().asString().startsWith("(service web) has stopped 2 running tasks: ");
  }

  @Test
  void propagatedAndManagedTagsAreCopiedToTheTasks() {
    h.register("web", "ecs-emulator/sample-web:1", false);
    h.create(b -> b.taskDefinition("web").desiredCount(1).propagateTags("SERVICE").enableECSManagedTags(true)
        .tags(List.of(new Tag("team", "web"))));

    Task task = h.tasks(t -> true).get(0);
    List<Tag> tags = h.store.read(EngineHarness.SCOPE, v -> ResourceTagging.get(v, task.taskArn()));
    assertThat(tags).containsExactly(new Tag("team", "web"), new Tag("aws:ecs:serviceName", "web"),
        new Tag("aws:ecs:clusterName", "apps"));
  }

  @Test
  void aLaunchThatCannotBePlacedIsRetriedAndReported() {
    h.register("web", "ecs-emulator/sample-web:1", false);
    h.engineConnected = false;
    h.create(b -> b.taskDefinition("web").desiredCount(1));

    assertThat(h.tasks(t -> true)).isEmpty();
    assertThat(h.service().pendingCount()).isZero();
    assertThat(h.timer.next()).contains(h.clock.instant().plusSeconds(5));

    h.advance(Duration.ofSeconds(5));
    assertThat(h.eventsOldestFirst()).contains(
        "(service web) was unable to place a task because no container instance met all of its requirements.");
    h.engineConnected = true;
    h.advance(Duration.ofSeconds(5));
    assertThat(h.tasks(t -> true)).hasSize(1);
  }

  /**
   * Wake-ups live in memory and die with the process; the first reconcile of an engine started on the
   * saved state (as at every emulator start) works them out again from the service, its tasks and the
   * clock.
   */
  @Test
  void anEngineStartedOnTheSavedStateRecoversTheWakeUpItsPredecessorHadScheduled() {
    h.register("web", "ecs-emulator/sample-web:1", false); // healthy 40 s after RUNNING: a timer, not an event
    h.create(b -> b.taskDefinition("web").desiredCount(1));
    h.runPending();
    assertThat(h.timer.next()).contains(EngineHarness.T0.plusSeconds(40));
    h.close(); // the emulator stops: this timer never fires

    ManualWakeTimer timer = new ManualWakeTimer();
    ServiceEngine restarted = new ServiceEngine(h.store, h.clock, h.ids,
        () -> new dev.ecsemulator.core.instance.HostResources(true, 4096, 8192, "20.10.24", "x86_64"), "emu1",
        Runnable::run, timer, new ServiceEngine.Settings(Duration.ofSeconds(30), Duration.ofSeconds(5)));
    restarted.subscribe();
    restarted.reconcileAll();

    assertThat(timer.next()).contains(EngineHarness.T0.plusSeconds(40));
    h.clock.advance(Duration.ofSeconds(40));
    timer.fireDue(h.clock.instant());
    assertThat(h.service().deployments()).singleElement()
        .satisfies(d -> assertThat(d.rolloutState()).isEqualTo("COMPLETED"));
    assertThat(h.tasks(t -> true)).as("nothing launched twice").hasSize(1);
    restarted.close();
  }

  @Test
  void launchesThatWaitedForTheEngineAreNotThrottledOnceItIsBack() {
    h.register("web", "ecs-emulator/sample-web:1", false);
    h.engineConnected = false;
    h.create(b -> b.taskDefinition("web").desiredCount(1));
    for (int i = 0; i < 6; i++) {
      h.advance(Duration.ofSeconds(5));
    }
    assertThat(h.tasks(t -> true)).isEmpty();
    assertThat(h.eventsOldestFirst()).contains(
        "(service web) was unable to place a task because no container instance met all of its requirements.")
        .noneMatch(e -> e.contains("unable to consistently start tasks"));

    h.engineConnected = true;
    h.advance(Duration.ofSeconds(5));

    // Regression: each attempt counted as a task that failed to start, so the restart throttle held the
    // launch back for minutes after the engine returned.
    assertThat(h.tasks(t -> true)).hasSize(1);
  }

  @Test
  void aFargateServiceDoesNotLaunchTasksDoomedByAnAbsentEngine() {
    h.taskDefinitions.register(EngineHarness.SCOPE, dev.ecsemulator.core.model.RegisterTaskDefinitionRequest.builder()
        .family("fg").networkMode("awsvpc").requiresCompatibilities(List.of("FARGATE")).cpu("256").memory("512")
        .containerDefinitions(List.of(dev.ecsemulator.core.model.ContainerDefinition.builder()
            .name("web").image("ecs-emulator/sample-web:1").build()))
        .build());
    h.engineConnected = false;
    h.create(b -> b.taskDefinition("fg").desiredCount(2).launchType("FARGATE")
        .networkConfiguration(dev.ecsemulator.core.model.NetworkConfiguration.builder()
            .awsvpcConfiguration(dev.ecsemulator.core.model.AwsVpcConfiguration.builder()
                .subnets(List.of("subnet-1")).build()).build()));
    h.advance(Duration.ofSeconds(5));

    assertThat(h.tasks(t -> true)).as("no task recorded only to fail with ResourceInitializationError").isEmpty();
    assertThat(h.service().deployments().get(0).failedTasks()).isZero();
    h.engineConnected = true;
    h.advance(Duration.ofSeconds(5));
    assertThat(h.tasks(t -> true)).hasSize(2);
  }

  @Test
  void aDaemonServiceRunsOneTaskOnTheLocalInstance() {
    h.register("agent", "ecs-emulator/sample-web:1", false);
    h.commands.create(EngineHarness.SCOPE, dev.ecsemulator.core.model.CreateServiceRequest.builder()
        .cluster(EngineHarness.CLUSTER).serviceName("web").taskDefinition("agent").schedulingStrategy("DAEMON")
        .build());

    List<Task> tasks = h.tasks(t -> true);
    assertThat(tasks).singleElement().satisfies(t ->
        assertThat(t.containerInstanceArn()).contains(":container-instance/apps/"));
    assertThat(h.service().deployments().get(0).desiredCount()).isEqualTo(1);
  }

  @Test
  void eventsAreNewestFirstAndAtMostOneHundred() {
    h.register("web", "ecs-emulator/sample-web:1", true);
    h.create(b -> b.taskDefinition("web").desiredCount(1));
    for (int i = 0; i < 60; i++) {
      h.runPending();
      h.exit(h.ids(t -> "RUNNING".equals(t.lastStatus())).get(0), 1);
    }
    List<dev.ecsemulator.core.model.ServiceEvent> events = h.service().events();
    assertThat(events).hasSize(100);
    assertThat(events.get(0).message()).startsWith("(service web) has started 1 tasks: ");
    assertThat(events).isSortedAccordingTo((a, b) -> b.createdAt().compareTo(a.createdAt()));
  }

  private ServiceDeployment serviceDeployment(String arn) {
    return h.store.read(EngineHarness.SCOPE, v ->
        v.get(dev.ecsemulator.core.service.ServiceKinds.SERVICE_DEPLOYMENT, arn).orElseThrow());
  }
}
