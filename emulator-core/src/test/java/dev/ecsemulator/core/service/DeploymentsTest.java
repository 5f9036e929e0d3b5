package dev.ecsemulator.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.model.Deployment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Starting deployments on CreateService and UpdateService (reference §4). */
class DeploymentsTest {

  static final Instant T1 = Instant.parse("2024-05-01T12:00:00Z");
  static final Instant T2 = Instant.parse("2024-05-01T13:00:00Z");
  static final String TD1 = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1";
  static final String TD2 = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:2";

  @Test
  void aNewServiceHasOnePrimaryDeploymentInProgress() {
    List<Deployment> list = Deployments.initial(spec(TD1), Ids.sequential(), T1);
    assertThat(list).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("ecs-svc/1000000000000000001");
      assertThat(d.status()).isEqualTo("PRIMARY");
      assertThat(d.taskDefinition()).isEqualTo(TD1);
      assertThat(d.launchType()).isEqualTo("EC2");
      assertThat(d.desiredCount()).isZero();
      assertThat(d.runningCount()).isZero();
      assertThat(d.pendingCount()).isZero();
      assertThat(d.failedTasks()).isZero();
      assertThat(d.rolloutState()).isEqualTo("IN_PROGRESS");
      assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment ecs-svc/1000000000000000001 in progress.");
      assertThat(d.createdAt()).isEqualTo(T1);
      assertThat(d.updatedAt()).isEqualTo(T1);
    });
  }

  @Test
  void aRollbackReturnsToTheCompletedDeploymentUnderItsOwnIdAndCreatedAt() {
    Deployment completed = Deployments.initial(spec(TD1), Ids.sequential(), T1).get(0).toBuilder()
        .status("ACTIVE").rolloutState("COMPLETED").rolloutStateReason("ECS deployment ecs-svc/1000000000000000001 completed.")
        .runningCount(2).failedTasks(1).build();
    Deployment back = Deployments.rollingBack(completed, T2);
    assertThat(back.id()).isEqualTo(completed.id());
    assertThat(back.createdAt()).isEqualTo(T1);
    assertThat(back.updatedAt()).isEqualTo(T2);
    assertThat(back.taskDefinition()).isEqualTo(TD1);
    assertThat(back.status()).isEqualTo("PRIMARY");
    assertThat(back.rolloutState()).isEqualTo("IN_PROGRESS");
    assertThat(back.rolloutStateReason())
        .isEqualTo("ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1000000000000000001.");
    assertThat(back.failedTasks()).isZero();
    assertThat(back.runningCount()).isEqualTo(2);
    assertThat(Deployments.isRollback(back)).isTrue();
  }

  @Test
  void anUpdatePutsANewPrimaryFirstAndTheOldOneKeepsItsRolloutState() {
    Ids ids = Ids.sequential();
    Deployment completed = Deployments.initial(spec(TD1), ids, T1).get(0).toBuilder()
        .desiredCount(2).runningCount(2)
        .rolloutState("COMPLETED").rolloutStateReason("ECS deployment ecs-svc/1000000000000000001 completed.")
        .build();
    List<Deployment> list = Deployments.withNewPrimary(List.of(completed), spec(TD2), ids, T2);
    assertThat(list).extracting(Deployment::status).containsExactly("PRIMARY", "ACTIVE");
    assertThat(list.get(0).id()).isEqualTo("ecs-svc/1000000000000000002");
    assertThat(list.get(0).taskDefinition()).isEqualTo(TD2);
    assertThat(list.get(0).desiredCount()).isZero();
    assertThat(list.get(1).rolloutState()).isEqualTo("COMPLETED");
    assertThat(list.get(1).rolloutStateReason()).isEqualTo("ECS deployment ecs-svc/1000000000000000001 completed.");
    assertThat(list.get(1).desiredCount()).isEqualTo(2);
    assertThat(list.get(1).updatedAt()).isEqualTo(T2);
    assertThat(Deployments.primary(list)).isSameAs(list.get(0));
  }

  @Test
  void randomIdsHaveEcsShapes() {
    Ids ids = Ids.random();
    for (int i = 0; i < 1000; i++) {
      assertThat(ids.deploymentId()).matches("ecs-svc/[1-9][0-9]{18}");
      assertThat(ids.taskId()).matches("[0-9a-f]{32}");
    }
  }

  @Test
  void limitsRoundMaximumDownAndMinimumUp() {
    DeploymentLimits limits = new DeploymentLimits(3, 50, 150);
    assertThat(limits.maxTasks()).isEqualTo(4);
    assertThat(limits.minHealthy()).isEqualTo(2);
    assertThat(new DeploymentLimits(2, 75, 100).minHealthy()).isEqualTo(2);
    assertThat(new DeploymentLimits(3, 100, 125).maxTasks()).isEqualTo(3);
  }

  static Deployment spec(String taskDefinition) {
    return Deployment.builder().taskDefinition(taskDefinition).launchType("EC2").build();
  }
}
