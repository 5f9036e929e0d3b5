package dev.ecsemulator.scheduler.service;

import static dev.ecsemulator.scheduler.service.ServiceSim.T0;
import static dev.ecsemulator.scheduler.service.ServiceSim.TD1;
import static dev.ecsemulator.scheduler.service.ServiceSim.TD2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.service.RolloutState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TaskCounts}: the counting rule, and {@link TaskCounts#recount} of a stored service from its tasks,
 * which must agree with what the reconciler's steps store.
 */
class TaskCountsTest {

  static final Instant LATER = T0.plus(Duration.ofMinutes(5));

  static ObservedTask task(String id, String deploymentId, String lastStatus, String desiredStatus) {
    return new ObservedTask(id, deploymentId, lastStatus, desiredStatus, "UNKNOWN", false, T0, null, null, null, null,
        null);
  }

  @Test
  void runningCountsLastStatusRunningEvenWhileStoppingAndPendingCountsWhatIsBeforeRunning() {
    List<ObservedTask> tasks = List.of(
        task("a", "d", "PROVISIONING", "RUNNING"),
        task("b", "d", "PENDING", "RUNNING"),
        task("c", "d", "ACTIVATING", "RUNNING"),
        task("e", "d", "RUNNING", "RUNNING"),
        task("f", "d", "RUNNING", "STOPPED"),
        task("g", "d", "DEACTIVATING", "STOPPED"),
        task("h", "d", "STOPPING", "STOPPED"),
        task("i", "d", "DEPROVISIONING", "STOPPED"),
        task("j", "d", "STOPPED", "STOPPED"),
        task("k", "d", "DELETED", "STOPPED"));

    assertThat(TaskCounts.of(tasks)).isEqualTo(new TaskCounts(2, 3));
  }

  /** Saved after a step of an update from TD1 to TD2; then tasks changed and no step followed. */
  @Test
  void aRecountChangesTheServiceAndDeploymentCountsAndNothingElse() {
    ServiceSim sim = ServiceSim.replica(2, 100, 200).steady();
    sim.update(TD2);
    sim.tick();
    Service saved = sim.service;
    String primary = saved.deployments().get(0).id();
    String older = saved.deployments().get(1).id();
    assertThat(saved.runningCount()).isEqualTo(2);
    assertThat(saved.pendingCount()).isEqualTo(2);

    List<String> olderTasks = sim.liveOf(older);
    List<String> newTasks = sim.liveOf(primary);
    sim.exit(olderTasks.get(0));
    sim.run(newTasks.get(0));
    Service recounted = TaskCounts.recount(saved, List.copyOf(sim.tasks.values()), LATER);

    assertThat(recounted.runningCount()).isEqualTo(2);
    assertThat(recounted.pendingCount()).isEqualTo(1);
    Deployment newer = recounted.deployments().get(0);
    assertThat(List.of(newer.runningCount(), newer.pendingCount(), newer.updatedAt()))
        .containsExactly(1, 1, LATER);
    Deployment old = recounted.deployments().get(1);
    assertThat(List.of(old.runningCount(), old.pendingCount(), old.updatedAt())).containsExactly(1, 0, LATER);
    assertThat(recounted.toBuilder().runningCount(2).pendingCount(2)
        .deployments(List.of(
            newer.toBuilder().runningCount(0).pendingCount(2).updatedAt(saved.deployments().get(0).updatedAt()).build(),
            old.toBuilder().runningCount(2).updatedAt(saved.deployments().get(1).updatedAt()).build()))
        .build())
        .as("only the counts (and the changed deployments' updatedAt) differ").isEqualTo(saved);
  }

  @Test
  void everyTaskStoppedCountsNothing() {
    ServiceSim sim = ServiceSim.replica(2, 100, 200).steady();
    Service saved = sim.service;
    assertThat(saved.runningCount()).isEqualTo(2);
    sim.ids(t -> true).forEach(sim::exit);

    Service recounted = TaskCounts.recount(saved, List.copyOf(sim.tasks.values()), LATER);

    assertThat(List.of(recounted.runningCount(), recounted.pendingCount())).containsExactly(0, 0);
    assertThat(recounted.deployments()).singleElement().satisfies(d -> {
      assertThat(List.of(d.runningCount(), d.pendingCount())).containsExactly(0, 0);
      assertThat(d.desiredCount()).as("a target, not an observation: the scheduler's to change").isEqualTo(2);
      assertThat(d.rolloutState()).isEqualTo(RolloutState.COMPLETED.name());
    });
  }

  @Test
  void aServiceWhoseCountsAgreeIsReturnedItself() {
    ServiceSim sim = ServiceSim.replica(3, 100, 200).steady();

    assertThat(TaskCounts.recount(sim.service, List.copyOf(sim.tasks.values()), LATER)).isSameAs(sim.service);
  }

  static LongStream seeds() {
    return LongStream.range(0, 100);
  }

  /**
   * Random walks (as in {@link ServiceReconcilerPropertyTest}): right after each step, a recount of its
   * tasks finds exactly the counts the step stored; after the tasks changed, the next step stores the
   * recount's counts plus the tasks it launches. So the recount and the steps apply one rule.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aRecountAgreesWithTheSteps(long seed) {
    Random random = new Random(seed);
    int[][] configs = ServiceReconcilerPropertyTest.PROGRESSING;
    int[] config = configs[random.nextInt(configs.length)];
    ServiceSim sim = ServiceReconcilerPropertyTest.configure(
        ServiceSim.replica(random.nextInt(6), config[0], config[1]), random);
    ServiceReconcilerPropertyTest.Walk walk = new ServiceReconcilerPropertyTest.Walk(sim, random, "seed " + seed);
    for (int step = 0; step < 60; step++) {
      String where = "seed " + seed + " step " + step;
      Service beforeStep = TaskCounts.recount(sim.service, List.copyOf(sim.tasks.values()), sim.now);
      ServicePlan plan = walk.checkedReconcile();
      assertThat(plan.runningCount()).as(where).isEqualTo(beforeStep.runningCount());
      assertThat(plan.pendingCount()).as(where).isEqualTo(beforeStep.pendingCount() + plan.launches().size());

      sim.apply(plan, Set.of());
      assertThat(TaskCounts.recount(sim.service, List.copyOf(sim.tasks.values()), sim.now)).as(where)
          .isSameAs(sim.service);

      walk.disturb();
      sim.advance(Duration.ofSeconds(random.nextInt(21)));
    }
  }
}
