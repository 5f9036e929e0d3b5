package dev.ecsemulator.scheduler.service.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.DeploymentConfiguration;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.Task;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rolling updates driven end to end through the engine and the store, the task engine played by hand. */
class RollingUpdateEngineTest {

  final EngineHarness h = new EngineHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void rollingUpdateAt100And200StartsTheNewTasksFirstAndKeepsEveryOldOneUntilReplaced() {
    String td1 = h.register("web", "ecs-emulator/sample-web:1", true);
    BoundsWatcher bounds = new BoundsWatcher(h, 3, 100, 200, t -> "HEALTHY".equals(t.healthStatus()));
    Service created = h.create(b -> b.taskDefinition("web").desiredCount(3));
    String first = created.deployments().get(0).id();

    // The engine reacted to the new service at once: three tasks, one event.
    List<String> started = h.ids(t -> true);
    assertThat(started).hasSize(3);
    assertThat(h.tasks(t -> true)).allSatisfy(t -> {
      assertThat(t.group()).isEqualTo("service:web");
      assertThat(t.startedBy()).isEqualTo(first);
      assertThat(t.taskDefinitionArn()).isEqualTo(td1);
    });
    assertThat(h.service().pendingCount()).isEqualTo(3);
    h.runPending();
    bounds.arm();
    assertThat(h.service().runningCount()).isEqualTo(3);
    assertThat(h.service().deployments()).singleElement()
        .satisfies(d -> assertThat(d.rolloutState()).isEqualTo("COMPLETED"));

    String td2 = h.register("web", "ecs-emulator/sample-web:2", true);
    String second = h.update(b -> b.taskDefinition("web")).deployments().get(0).id();

    // 200%: all three new tasks start at once, beside the three old ones.
    assertThat(h.active()).hasSize(6);
    Service mid = h.service();
    assertThat(mid.deployments()).extracting(Deployment::id).containsExactly(second, first);
    assertThat(mid.deployments().get(0).desiredCount()).isEqualTo(3);
    assertThat(mid.deployments().get(0).pendingCount()).isEqualTo(3);
    assertThat(mid.deployments().get(1).status()).isEqualTo("ACTIVE");
    assertThat(mid.deployments().get(1).runningCount()).isEqualTo(3);

    h.runPending();
    // Each new task turning healthy let one old task go, with ECS's reason.
    List<Task> stopping = h.tasks(t -> "STOPPED".equals(t.desiredStatus()));
    assertThat(stopping).hasSize(3).allSatisfy(t -> {
      assertThat(t.startedBy()).isEqualTo(first);
      assertThat(t.stopCode()).isEqualTo("ServiceSchedulerInitiated");
      assertThat(t.stoppedReason()).isEqualTo("Scaling activity initiated by (deployment " + second + ")");
    });
    h.finishStops();

    Service done = h.service();
    assertThat(done.deployments()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo(second);
      assertThat(d.rolloutState()).isEqualTo("COMPLETED");
      assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment " + second + " completed.");
      assertThat(d.runningCount()).isEqualTo(3);
    });
    assertThat(h.active()).hasSize(3).allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(td2));
    assertThat(done.taskDefinition()).isEqualTo(td2);
    bounds.assertHeld();
    assertThat(bounds.maxSeen).isEqualTo(6);

    List<String> events = h.eventsOldestFirst();
    assertThat(events.get(0)).isEqualTo("(service web) has started 3 tasks: " + tasks(started) + ".");
    assertThat(events.subList(1, 3)).containsExactly(
        "(service web) (deployment " + first + ") deployment completed.",
        "(service web) has reached a steady state.");
    assertThat(events.get(3)).startsWith("(service web) has started 3 tasks: ");
    assertThat(events.subList(4, events.size() - 2)).allMatch(e -> e.startsWith("(service web) has stopped 1 running tasks: "));
    assertThat(events.subList(events.size() - 2, events.size())).containsExactly(
        "(service web) (deployment " + second + ") deployment completed.",
        "(service web) has reached a steady state.");
    assertThat(h.service().events()).allSatisfy(e -> assertThat(e.id()).matches("[0-9a-f-]{36}"));
  }

  @Test
  void rollingUpdateAt50And100StopsHalfFirstAndCountsTasksWithoutHealthChecksHealthyAfter40Seconds() {
    h.register("web", "ecs-emulator/sample-web:1", false);
    BoundsWatcher bounds = new BoundsWatcher(h, 4, 50, 100, t ->
        !t.startedAt().plus(Duration.ofSeconds(40)).isAfter(h.clock.instant()));
    h.create(b -> b.taskDefinition("web").desiredCount(4)
        .deploymentConfiguration(DeploymentConfiguration.builder().minimumHealthyPercent(50).maximumPercent(100).build()));
    h.runPending();
    assertThat(h.service().deployments().get(0).rolloutState()).isEqualTo("IN_PROGRESS");
    assertThat(h.timer.next()).contains(h.clock.instant().plusSeconds(40));
    h.advance(Duration.ofSeconds(40));
    assertThat(h.service().deployments().get(0).rolloutState()).isEqualTo("COMPLETED");
    bounds.arm();

    String td2 = h.register("web", "ecs-emulator/sample-web:2", false);
    h.update(b -> b.taskDefinition("web"));
    // 100% leaves no room to start first: two old tasks go, the floor (2) stays.
    assertThat(h.tasks(t -> "STOPPED".equals(t.desiredStatus()))).hasSize(2);
    assertThat(h.tasks(t -> td2.equals(t.taskDefinitionArn()))).isEmpty();

    for (int round = 0; round < 4 && h.service().deployments().size() > 1; round++) {
      h.finishStops();
      h.runPending();
      h.advance(Duration.ofSeconds(40));
    }
    h.finishStops();

    assertThat(h.service().deployments()).singleElement()
        .satisfies(d -> assertThat(d.rolloutState()).isEqualTo("COMPLETED"));
    assertThat(h.active()).hasSize(4).allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(td2));
    bounds.assertHeld();
    assertThat(bounds.maxSeen).isEqualTo(4);
    assertThat(bounds.minHealthySeen).isEqualTo(2);
  }

  private static String tasks(List<String> ids) {
    return String.join(" ", ids.stream().map(id -> "(task " + id + ")").toList());
  }
}
