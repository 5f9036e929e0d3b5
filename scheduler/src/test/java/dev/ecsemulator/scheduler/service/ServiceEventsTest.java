package dev.ecsemulator.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ECS's exact wording (reference §4; guide service-event-messages.md). */
class ServiceEventsTest {

  static final String A = "32hex0000000000000000000000000aa";
  static final String B = "32hex0000000000000000000000000bb";

  @Test
  void wording() {
    assertThat(ServiceEvents.started("web", List.of(A))).isEqualTo("(service web) has started 1 tasks: (task " + A + ").");
    assertThat(ServiceEvents.started("web", List.of(A, B)))
        .isEqualTo("(service web) has started 2 tasks: (task " + A + ") (task " + B + ").");
    assertThat(ServiceEvents.stopped("web", List.of(A))).isEqualTo("(service web) has stopped 1 running tasks: (task " + A + ").");
    // Public captures of DescribeServices (see ServiceEvents' Javadoc): no "has", no task list.
    assertThat(ServiceEvents.stoppedPending("web", 2)).isEqualTo("(service web) stopped 2 pending tasks.");
    assertThat(ServiceEvents.deploymentFailed("web", "ecs-svc/2905821670595576283"))
        .isEqualTo("(service web) (deployment ecs-svc/2905821670595576283) deployment failed: tasks failed to start.");
    assertThat(ServiceEvents.rollingBack("web", "ecs-svc/5482803233485152419"))
        .isEqualTo("(service web) rolling back to deployment ecs-svc/5482803233485152419.");
    assertThat(ServiceEvents.failedHealthChecks("web", A)).isEqualTo("(service web) (task " + A + ") failed container health checks.");
    assertThat(ServiceEvents.deploymentCompleted("web", "ecs-svc/6239594548179359778"))
        .isEqualTo("(service web) (deployment ecs-svc/6239594548179359778) deployment completed.");
    assertThat(ServiceEvents.steadyState("web")).isEqualTo("(service web) has reached a steady state.");
    assertThat(ServiceEvents.unableToStartConsistently("web"))
        .isEqualTo("(service web) is unable to consistently start tasks successfully.");
    assertThat(ServiceEvents.unableToPlace("web"))
        .isEqualTo("(service web) was unable to place a task because no container instance met all of its requirements.");
    assertThat(ServiceEvents.deploymentConfigurationDeadlock("web")).isEqualTo(
        "(service web) was unable to stop or start tasks during a deployment because of the service deployment"
            + " configuration. Update the minimumHealthyPercent or maximumPercent value and try again.");
  }

  @Test
  void stopReasons() {
    assertThat(TaskStop.scalingActivity(A, "ecs-svc/1234567890123456789"))
        .isEqualTo(new TaskStop(A, "Scaling activity initiated by (deployment ecs-svc/1234567890123456789)", "ServiceSchedulerInitiated"));
    assertThat(TaskStop.failedHealthChecks(A))
        .isEqualTo(new TaskStop(A, "Task failed container health checks", "ServiceSchedulerInitiated"));
  }
}
