package dev.ecsemulator.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.model.DeploymentController;
import dev.ecsemulator.core.model.Scale;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.TaskSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EXTERNAL service's decision: each task set at its computedDesiredCount, with its counts and stability. */
class TaskSetReconcilerTest {

  static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  static final String BLUE = "ecs-svc/1000000000000000001";
  static final String GREEN = "ecs-svc/1000000000000000002";

  final TaskSetReconciler reconciler = new TaskSetReconciler(Ids.sequential());
  final List<ObservedTask> tasks = new ArrayList<>();
  Instant now = T0;

  @Test
  void eachSetLaunchesItsComputedDesiredCountStartedByItsId() {
    Service service = service(3, set(BLUE, 100, "PRIMARY"), set(GREEN, 50, "ACTIVE"));
    TaskSetPlan plan = reconciler.reconcile(service, tasks, now);
    assertThat(plan.launches()).extracting(TaskLaunch::deploymentId).containsExactly(BLUE, BLUE, BLUE, GREEN, GREEN);
    assertThat(plan.launches()).extracting(TaskLaunch::taskDefinition)
        .containsExactly("td:1", "td:1", "td:1", "td:1", "td:1");
    assertThat(plan.taskSets()).extracting(TaskSet::computedDesiredCount).containsExactly(3, 2);
    assertThat(plan.taskSets()).extracting(TaskSet::pendingCount).containsExactly(3, 2);
    assertThat(plan.taskSets()).extracting(TaskSet::stabilityStatus).containsOnly("STABILIZING");
    assertThat(plan.pendingCount()).isEqualTo(5);
    assertThat(plan.events()).singleElement().asString().startsWith("(service web) has started 5 tasks: (task ");
  }

  @Test
  void runningTasksWithoutHealthChecksMakeTheSetSteadyAtOnce() {
    Service service = service(2, set(BLUE, 100, "PRIMARY"));
    running(BLUE, false, "UNKNOWN");
    running(BLUE, false, "UNKNOWN");
    now = T0.plusSeconds(5);
    TaskSetPlan plan = reconciler.reconcile(service, tasks, now);
    assertThat(plan.launchesAndStops()).isEmpty();
    TaskSet set = plan.taskSets().get(0);
    assertThat(set.runningCount()).isEqualTo(2);
    assertThat(set.pendingCount()).isZero();
    assertThat(set.stabilityStatus()).isEqualTo("STEADY_STATE");
    assertThat(set.stabilityStatusAt()).isEqualTo(now);
    assertThat(set.updatedAt()).isEqualTo(now);
    assertThat(plan.runningCount()).isEqualTo(2);

    // Nothing changed: the same set, stabilityStatusAt and updatedAt kept.
    TaskSetPlan again = reconciler.reconcile(plan.applyTo(service), tasks, now.plusSeconds(30));
    assertThat(again.taskSets()).containsExactly(set);
  }

  @Test
  void withHealthChecksTheSetIsSteadyOnlyOnceItsTasksAreHealthy() {
    Service service = service(1, set(BLUE, 100, "PRIMARY"));
    ObservedTask task = running(BLUE, true, "UNKNOWN");
    assertThat(reconciler.reconcile(service, tasks, now).taskSets().get(0).stabilityStatus()).isEqualTo("STABILIZING");
    replace(task, withHealth(task, "HEALTHY"));
    assertThat(reconciler.reconcile(service, tasks, now).taskSets().get(0).stabilityStatus()).isEqualTo("STEADY_STATE");
  }

  @Test
  void anUnhealthyTaskPastTheGracePeriodIsStoppedAndReplaced() {
    Service service = service(1, set(BLUE, 100, "PRIMARY")).toBuilder().healthCheckGracePeriodSeconds(60).build();
    ObservedTask task = running(BLUE, true, "UNHEALTHY");
    TaskSetPlan inGrace = reconciler.reconcile(service, tasks, now.plusSeconds(10));
    assertThat(inGrace.launchesAndStops()).isEmpty();
    assertThat(inGrace.wakeAt()).contains(T0.plusSeconds(60));

    TaskSetPlan plan = reconciler.reconcile(service, tasks, T0.plusSeconds(61));
    assertThat(plan.stops()).singleElement().satisfies(s -> {
      assertThat(s.taskId()).isEqualTo(task.taskId());
      assertThat(s.stoppedReason()).isEqualTo("Task failed container health checks");
    });
    assertThat(plan.launches()).singleElement().satisfies(l -> assertThat(l.deploymentId()).isEqualTo(BLUE));
  }

  @Test
  void aStoppedTaskIsReplaced() {
    Service service = service(2, set(BLUE, 100, "PRIMARY"));
    running(BLUE, false, "UNKNOWN");
    ObservedTask exited = running(BLUE, false, "UNKNOWN");
    replace(exited, stopped(exited));
    TaskSetPlan plan = reconciler.reconcile(service, tasks, now);
    assertThat(plan.launches()).singleElement().satisfies(l -> assertThat(l.deploymentId()).isEqualTo(BLUE));
    assertThat(plan.taskSets().get(0).stabilityStatus()).isEqualTo("STABILIZING");
    assertThat(plan.taskSets().get(0).runningCount()).isEqualTo(1);
  }

  @Test
  void scalingASetDownStopsItsNewestTasksFirst() {
    running(BLUE, false, "UNKNOWN");
    now = now.plusSeconds(1);
    ObservedTask newer = running(BLUE, false, "UNKNOWN");
    Service service = service(2, set(BLUE, 50, "PRIMARY"));
    TaskSetPlan plan = reconciler.reconcile(service, tasks, now);
    assertThat(plan.launches()).isEmpty();
    assertThat(plan.stops()).singleElement().satisfies(s -> {
      assertThat(s.taskId()).isEqualTo(newer.taskId());
      assertThat(s.stoppedReason()).isEqualTo("Scaling activity initiated by (deployment " + BLUE + ")");
      assertThat(s.stopCode()).isEqualTo("ServiceSchedulerInitiated");
    });
    assertThat(plan.taskSets().get(0).computedDesiredCount()).isEqualTo(1);
  }

  @Test
  void aDrainingSetStopsItsTasksThenLeavesTheService() {
    ObservedTask blue = running(BLUE, false, "UNKNOWN");
    running(GREEN, false, "UNKNOWN");
    Service service = service(1, set(BLUE, 100, "DRAINING"), set(GREEN, 100, "PRIMARY"));
    TaskSetPlan plan = reconciler.reconcile(service, tasks, now);
    assertThat(plan.stops()).extracting(TaskStop::taskId).containsExactly(blue.taskId());
    assertThat(plan.taskSets()).extracting(TaskSet::id).containsExactly(BLUE, GREEN);
    assertThat(plan.taskSets().get(0).computedDesiredCount()).isZero();
    assertThat(plan.removedTaskSetArns()).isEmpty();

    replace(blue, stopped(blue));
    plan = reconciler.reconcile(plan.applyTo(service), tasks, now);
    assertThat(plan.taskSets()).extracting(TaskSet::id).containsExactly(GREEN);
    assertThat(plan.removedTaskSetArns()).containsExactly(arn(BLUE));
  }

  @Test
  void aTaskOfNoSetOfTheServiceIsStopped() {
    ObservedTask orphan = running("ecs-svc/1000000000000000009", false, "UNKNOWN");
    TaskSetPlan plan = reconciler.reconcile(service(0), tasks, now);
    assertThat(plan.stops()).extracting(TaskStop::taskId).containsExactly(orphan.taskId());
  }

  @Test
  void aDrainingServiceWantsNoTaskInAnySet() {
    running(BLUE, false, "UNKNOWN");
    Service service = service(1, set(BLUE, 100, "PRIMARY")).toBuilder().status("DRAINING").build();
    TaskSetPlan plan = reconciler.reconcile(service, tasks, now);
    assertThat(plan.stops()).hasSize(1);
    assertThat(plan.taskSets().get(0).computedDesiredCount()).isZero();
  }

  @Test
  void theSameInputsGiveTheSamePlan() {
    Service service = service(4, set(BLUE, 100, "PRIMARY"), set(GREEN, 25, "ACTIVE"));
    running(BLUE, false, "UNKNOWN");
    TaskSetPlan a = new TaskSetReconciler(Ids.sequential()).reconcile(service, tasks, now);
    TaskSetPlan b = new TaskSetReconciler(Ids.sequential()).reconcile(service, tasks, now);
    assertThat(a).isEqualTo(b);
    assertThat(a.launches()).hasSize(4);
  }

  private static Service service(int desired, TaskSet... sets) {
    return Service.builder()
        .serviceName("web")
        .serviceArn("arn:aws:ecs:us-east-1:000000000000:service/c/web")
        .status("ACTIVE")
        .desiredCount(desired)
        .deployments(List.of())
        .deploymentController(DeploymentController.builder().type("EXTERNAL").build())
        .taskSets(List.of(sets))
        .build();
  }

  private static TaskSet set(String id, double percent, String status) {
    return TaskSet.builder()
        .id(id)
        .taskSetArn(arn(id))
        .status(status)
        .taskDefinition("td:1")
        .scale(Scale.builder().unit("PERCENT").value(percent).build())
        .stabilityStatus("STABILIZING")
        .stabilityStatusAt(T0)
        .createdAt(T0)
        .updatedAt(T0)
        .build();
  }

  private static String arn(String id) {
    return "arn:aws:ecs:us-east-1:000000000000:task-set/c/web/" + id;
  }

  private ObservedTask running(String setId, boolean healthChecks, String health) {
    ObservedTask task = new ObservedTask(String.format("%032x", tasks.size() + 1), setId, "RUNNING", "RUNNING", health,
        healthChecks, now, now, null, null, null, null);
    tasks.add(task);
    return task;
  }

  private void replace(ObservedTask old, ObservedTask updated) {
    tasks.set(tasks.indexOf(old), updated);
  }

  private ObservedTask withHealth(ObservedTask t, String health) {
    return new ObservedTask(t.taskId(), t.startedBy(), t.lastStatus(), t.desiredStatus(), health, t.hasHealthChecks(),
        t.createdAt(), t.startedAt(), null, null, null, null);
  }

  private ObservedTask stopped(ObservedTask t) {
    return new ObservedTask(t.taskId(), t.startedBy(), "STOPPED", "STOPPED", t.healthStatus(), t.hasHealthChecks(),
        t.createdAt(), t.startedAt(), now.plus(Duration.ofSeconds(1)), "EssentialContainerExited", "exited", null);
  }
}
