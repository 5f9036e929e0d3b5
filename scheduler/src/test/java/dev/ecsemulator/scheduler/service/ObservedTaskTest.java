package dev.ecsemulator.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.HealthCheck;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filling {@link ObservedTask} from the stored shapes. */
class ObservedTaskTest {

  static final HealthCheck CHECK = HealthCheck.builder().command(List.of("CMD-SHELL", "exit 0")).build();

  @Test
  void projectsAStoredTask() {
    Instant created = Instant.parse("2024-05-01T12:00:00Z");
    Task task = Task.builder()
        .taskArn("arn:aws:ecs:us-east-1:000000000000:task/default/0123456789abcdef0123456789abcdef")
        .startedBy("ecs-svc/1234567890123456789")
        .lastStatus("RUNNING")
        .desiredStatus("RUNNING")
        .healthStatus("HEALTHY")
        .createdAt(created)
        .startedAt(created.plusSeconds(1))
        .containerInstanceArn("arn:aws:ecs:us-east-1:000000000000:container-instance/default/i1")
        .build();
    ObservedTask facts = ObservedTask.of(task, true);
    assertThat(facts.taskId()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(facts.startedBy()).isEqualTo("ecs-svc/1234567890123456789");
    assertThat(facts.healthStatus()).isEqualTo("HEALTHY");
    assertThat(facts.hasHealthChecks()).isTrue();
    assertThat(facts.everRunning()).isTrue();
    assertThat(facts.containerInstanceArn()).endsWith("/i1");
  }

  @Test
  void aStoredTaskThatLacksMembersIsSeenOnItsWayDown() {
    ObservedTask bare = ObservedTask.ofStored("t1", Task.builder().group("service:web").build(), false);
    assertThat(bare.taskId()).isEqualTo("t1");
    assertThat(bare.lastStatus()).isEqualTo("STOPPING");
    assertThat(bare.desiredStatus()).isEqualTo("STOPPED");
    assertThat(bare.createdAt()).isEqualTo(Instant.EPOCH);
    assertThat(ClassifiedTask.classify(bare, java.time.Duration.ZERO, Instant.EPOCH).phase).isEqualTo(ClassifiedTask.Phase.STOPPING);

    // RUNNING as recorded, but without containers: the engine will stop it, it is never counted live.
    ObservedTask noContainers = ObservedTask.ofStored("t2", Task.builder().taskArn("arn:aws:ecs:us-east-1:0:task/c/t2")
        .taskDefinitionArn("arn:aws:ecs:us-east-1:0:task-definition/web:1")
        .lastStatus("RUNNING").desiredStatus("RUNNING").build(), false);
    assertThat(noContainers.lastStatus()).isEqualTo("RUNNING");
    assertThat(noContainers.desiredStatus()).isEqualTo("STOPPED");
  }

  @Test
  void aStoppedTaskThatLacksMembersIsSeenStopped() {
    ObservedTask stopped = ObservedTask.ofStored("t3", Task.builder().lastStatus("STOPPED").build(), false);
    assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
    assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
    assertThat(stopped.stopCode()).isNull();
  }

  @Test
  void aCompleteStoredTaskIsProjectedAsItIs() {
    Task task = Task.builder()
        .taskArn("arn:aws:ecs:us-east-1:000000000000:task/default/t4")
        .taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/web:1")
        .lastStatus("PENDING").desiredStatus("RUNNING").createdAt(Instant.parse("2024-05-01T12:00:00Z"))
        .containers(List.of(dev.ecsemulator.core.model.Container.builder().name("app").lastStatus("PENDING").build()))
        .build();
    assertThat(ObservedTask.ofStored("t4", task, true)).isEqualTo(ObservedTask.of(task, true));
  }

  @Test
  void onlyEssentialContainersHealthChecksCount() {
    ContainerDefinition essentialWithCheck = ContainerDefinition.builder().name("a").healthCheck(CHECK).build();
    ContainerDefinition sidecarWithCheck = ContainerDefinition.builder().name("b").essential(false).healthCheck(CHECK).build();
    ContainerDefinition plain = ContainerDefinition.builder().name("c").essential(true).build();
    assertThat(ObservedTask.hasHealthChecks(TaskDefinition.builder().containerDefinitions(List.of(plain, essentialWithCheck)).build())).isTrue();
    assertThat(ObservedTask.hasHealthChecks(TaskDefinition.builder().containerDefinitions(List.of(plain, sidecarWithCheck)).build())).isFalse();
    assertThat(ObservedTask.hasHealthChecks(TaskDefinition.builder().build())).isFalse();
  }
}
