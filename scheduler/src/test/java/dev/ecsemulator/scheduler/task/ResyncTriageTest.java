package dev.ecsemulator.scheduler.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.scheduler.runtime.ListedContainer;
import dev.ecsemulator.scheduler.runtime.ObservedContainer.Health;
import dev.ecsemulator.scheduler.runtime.ObservedContainer.State;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResyncTriageTest {

  static final ListedContainer APP = new ListedContainer("id-app", State.RUNNING, Health.Status.NONE);
  static final ListedContainer SIDE = new ListedContainer("id-side", State.RUNNING, Health.Status.HEALTHY);

  /** A RUNNING task with two running containers, "app" without a health check and "side" healthy. */
  static Task running() {
    Task task = StoredTasks.task("t1", StoredTasks.definition(1));
    return task.toBuilder().lastStatus("RUNNING").containers(List.of(
        container("app", "id-app", "RUNNING", "UNKNOWN"), container("side", "id-side", "RUNNING", "HEALTHY"))).build();
  }

  static Container container(String name, String id, String status, String health) {
    return Container.builder().name(name).runtimeId(id).lastStatus(status).healthStatus(health).build();
  }

  static Map<String, ListedContainer> listed(ListedContainer... containers) {
    return Arrays.stream(containers).collect(Collectors.toMap(ListedContainer::id, c -> c));
  }

  @Test
  void aRunningTaskDockerListsAsRecordedNeedsNoPass() {
    assertThat(ResyncTriage.current(running(), listed(APP, SIDE))).isTrue();
  }

  @Test
  void aContainerThatExitedOrWasRemovedWithoutAnEventGetsThePass() {
    assertThat(ResyncTriage.current(running(), listed(APP, new ListedContainer("id-side", State.EXITED,
        Health.Status.NONE)))).isFalse();
    assertThat(ResyncTriage.current(running(), listed(APP))).isFalse();
    assertThat(ResyncTriage.current(running(), Map.of())).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"UNHEALTHY, false", "STARTING, false", "NONE, false", "HEALTHY, true"})
  void aHealthThatChangedGetsThePass(Health.Status listedHealth, boolean current) {
    assertThat(ResyncTriage.current(running(), listed(APP, new ListedContainer("id-side", State.RUNNING,
        listedHealth)))).isEqualTo(current);
  }

  @Test
  void aStartingHealthCheckIsUnknownAsRecorded() {
    Task task = running().toBuilder().containers(List.of(container("app", "id-app", "RUNNING", "UNKNOWN"))).build();
    assertThat(ResyncTriage.current(task, listed(new ListedContainer("id-app", State.RUNNING,
        Health.Status.STARTING)))).isTrue();
  }

  @Test
  void aNonEssentialContainerRecordedStoppedThatDockerListsExitedIsCurrent() {
    Task task = running().toBuilder().containers(List.of(container("app", "id-app", "RUNNING", "UNKNOWN"),
        container("side", "id-side", "STOPPED", "UNKNOWN"))).build();
    assertThat(ResyncTriage.current(task, listed(APP, new ListedContainer("id-side", State.EXITED,
        Health.Status.NONE)))).isTrue();
    assertThat(ResyncTriage.current(task, listed(APP, new ListedContainer("id-side", State.RUNNING,
        Health.Status.NONE)))).as("restarted behind our back").isFalse();
  }

  @ParameterizedTest
  @CsvSource({"PROVISIONING, RUNNING", "PENDING, RUNNING", "ACTIVATING, RUNNING", "RUNNING, STOPPED",
      "DEACTIVATING, STOPPED", "STOPPING, STOPPED", "DEPROVISIONING, STOPPED"})
  void aTaskOnItsWaySomewhereAlwaysGetsThePass(String lastStatus, String desiredStatus) {
    Task task = running().toBuilder().lastStatus(lastStatus).desiredStatus(desiredStatus).build();
    assertThat(ResyncTriage.current(task, listed(APP, SIDE))).isFalse();
  }

  @Test
  void aContainerNotYetCreatedOrATaskWithoutContainersGetsThePass() {
    Task uncreated = running().toBuilder().containers(List.of(container("app", "id-app", "RUNNING", "UNKNOWN"),
        container("side", null, "PENDING", "UNKNOWN"))).build();
    assertThat(ResyncTriage.current(uncreated, listed(APP, SIDE))).isFalse();
    assertThat(ResyncTriage.current(running().toBuilder().containers(List.of()).build(), listed(APP))).isFalse();
    assertThat(ResyncTriage.current(running().toBuilder().containers(null).build(), listed(APP))).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Up 4 seconds (healthy)|HEALTHY", "Up 2 minutes (unhealthy)|UNHEALTHY",
      "Up Less than a second (health: starting)|STARTING", "Up 5 minutes|NONE", "Up 5 minutes (Paused)|NONE",
      "Exited (137) 3 seconds ago|NONE", "Created|NONE", "''|NONE"})
  void theHealthIsReadFromDockersStatusText(String status, Health.Status health) {
    assertThat(ListedContainer.healthOf(status)).isEqualTo(health);
    assertThat(ListedContainer.healthOf(null)).isEqualTo(Health.Status.NONE);
  }
}
