package dev.ecsemulator.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.Emulator;
import dev.ecsemulator.api.ui.Explanations.Topic;
import dev.ecsemulator.core.task.TaskCommands;
import dev.ecsemulator.core.task.TaskLifecycle;
import dev.ecsemulator.core.service.Deployments;
import dev.ecsemulator.scheduler.service.ServiceEvents;
import dev.ecsemulator.scheduler.service.TaskStop;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The dashboard's explanations match what the emulator says, each with the right text. */
class ExplanationsTest {

  static final String TASK = "0123456789abcdef0123456789abcdef";

  @Test
  void everyServiceEventTheSchedulerEmitsIsExplained() {
    assertThat(explainEvent(ServiceEvents.steadyState("web"))).contains("Nothing left to do");
    assertThat(explainEvent(ServiceEvents.started("web", List.of(TASK)))).contains("launched tasks");
    assertThat(explainEvent(ServiceEvents.started("web", List.of(TASK, TASK)))).contains("launched tasks");
    assertThat(explainEvent(ServiceEvents.stopped("web", List.of(TASK)))).contains("stopped tasks");
    assertThat(explainEvent(ServiceEvents.failedHealthChecks("web", TASK))).contains("health check command failed");
    assertThat(explainEvent(ServiceEvents.deploymentCompleted("web", "ecs-svc/123"))).contains("rollout is over");
    assertThat(explainEvent(ServiceEvents.unableToStartConsistently("web"))).contains("15 minutes");
    assertThat(explainEvent(ServiceEvents.deploymentConfigurationDeadlock("web"))).contains("maximumPercent");
    assertThat(explainEvent(ServiceEvents.unableToPlace("web"))).contains("Docker engine");
    assertThat(explainEvent(ServiceEvents.stoppedPending("web", 2))).contains("not reached RUNNING");
    assertThat(explainEvent(ServiceEvents.deploymentFailed("web", "ecs-svc/123"))).contains("gave up");
    assertThat(explainEvent(ServiceEvents.rollingBack("web", "ecs-svc/123"))).contains("under its own ID");
  }

  @Test
  void aMessageOnlyMatchesWhole() {
    assertThat(Explanations.explain(Topic.EVENT, "x" + ServiceEvents.steadyState("web"))).isEmpty();
    assertThat(Explanations.explain(Topic.EVENT, ServiceEvents.steadyState("web") + " and more")).isEmpty();
    assertThat(Explanations.explain(Topic.EVENT, "(service web) did something new.")).isEmpty();
    assertThat(Explanations.explain(Topic.STOP_CODE, null)).isEmpty();
  }

  @Test
  void everyStopCodeOfTheModelIsExplained() throws Exception {
    List<String> codes = new ArrayList<>();
    ecsModel().path("shapes").path("TaskStopCode").path("enum").forEach(code -> codes.add(code.asText()));
    assertThat(codes).contains("EssentialContainerExited", "TaskFailedToStart", "UserInitiated");
    for (String code : codes) {
      assertThat(Explanations.explain(Topic.STOP_CODE, code)).as(code).isPresent();
    }
    assertThat(Explanations.explain(Topic.STOP_CODE, "EssentialContainerExited")).get().asString()
        .contains("essential").contains("stopped the whole task");
  }

  @Test
  void theStoppedReasonsTheEmulatorGivesAreExplained() {
    for (String reason : List.of(TaskLifecycle.ESSENTIAL_EXITED, TaskCommands.STOPPED_BY_USER,
        TaskStop.FAILED_HEALTH_CHECKS_REASON, TaskStop.scalingActivity(TASK, "ecs-svc/42").stoppedReason(),
        Emulator.STOPPED_ON_EXIT)) {
      assertThat(Explanations.explain(Topic.STOPPED_REASON, reason)).as(reason).isPresent();
    }
  }

  @Test
  void anOutOfMemoryKillIsExplainedAsTheLimitDockerEnforces() {
    assertThat(Explanations.explain(Topic.CONTAINER_REASON, TaskLifecycle.OOM_REASON)).get().asString()
        .contains("hard limit").contains("137").contains("Docker");
    assertThat(Explanations.explain(Topic.CONTAINER_REASON, "CannotPullContainerError: pull access denied"))
        .get().asString().contains("could not be pulled");
  }

  @Test
  void exitCodesAreReadAsSignals() {
    assertThat(Explanations.explain(Topic.EXIT_CODE, "143")).get().asString().contains("SIGTERM");
    assertThat(Explanations.explain(Topic.EXIT_CODE, "137")).get().asString().contains("SIGKILL");
    assertThat(Explanations.explain(Topic.EXIT_CODE, "130")).get().asString().contains("signal");
    assertThat(Explanations.explain(Topic.EXIT_CODE, "3")).get().asString().contains("error status");
  }

  @Test
  void rolloutReasonsAreExplained() {
    assertThat(Explanations.explain(Topic.ROLLOUT_REASON, Deployments.CIRCUIT_BREAKER_FAILED)).get().asString()
        .contains("threshold");
    assertThat(Explanations.explain(Topic.ROLLOUT_REASON, Deployments.rollingBackReason("ecs-svc/1"))).get()
        .asString().contains("rollback is on");
    assertThat(Explanations.explain(Topic.ROLLOUT_REASON, Deployments.inProgressReason("ecs-svc/2"))).get().asString()
        .contains("being started");
    assertThat(Explanations.explain(Topic.ROLLOUT_REASON, Deployments.completedReason("ecs-svc/2"))).get().asString()
        .contains("reached its desired count");
  }

  @Test
  void everyTaskStatusAndDeploymentStatusIsExplained() {
    for (String status : List.of("PROVISIONING", "PENDING", "ACTIVATING", "RUNNING", "DEACTIVATING", "STOPPING",
        "DEPROVISIONING", "STOPPED")) {
      assertThat(Explanations.explain(Topic.TASK_STATUS, status)).as(status).isPresent();
    }
    for (String status : List.of("PRIMARY", "ACTIVE", "INACTIVE")) {
      assertThat(Explanations.explain(Topic.DEPLOYMENT_STATUS, status)).as(status).isPresent();
    }
  }

  /** The browser compiles the patterns with new RegExp: they keep to syntax both read alike. */
  @Test
  void patternsKeepToWhatJavaScriptReadsAlike() {
    Pattern javaOnly = Pattern.compile("\\\\[AZzQEhHvVRXGpP]|\\(\\?[<!=>]|\\(\\?[a-z]|[*+?}]\\+");
    for (Explanations.Entry entry : Explanations.catalogue()) {
      assertThat(javaOnly.matcher(entry.pattern()).find()).as(entry.pattern()).isFalse();
      assertThat(entry.text()).as(entry.pattern()).isNotBlank().doesNotContain("<").doesNotContain(">");
    }
  }

  private static String explainEvent(String message) {
    return Explanations.explain(Topic.EVENT, message).orElseThrow(() -> new AssertionError("unexplained: " + message));
  }

  private static JsonNode ecsModel() throws Exception {
    try (InputStream in = new GZIPInputStream(ExplanationsTest.class.getResourceAsStream(
        "/aws/ecs-2014-11-13.service.json.gz"))) {
      return new ObjectMapper().readTree(in);
    }
  }
}
