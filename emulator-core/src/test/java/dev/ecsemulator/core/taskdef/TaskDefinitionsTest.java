package dev.ecsemulator.core.taskdef;

import static dev.ecsemulator.core.taskdef.Requests.withContainers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.error.ClientException;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.InMemoryStateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service against the in-memory store with a fixed clock. */
class TaskDefinitionsTest {

  static final Scope SCOPE = new Scope("123456789012", "us-east-1");
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123Z");

  final InMemoryStateStore store = new InMemoryStateStore();
  final TaskDefinitions taskDefinitions = new TaskDefinitions(store, Clock.fixed(NOW, ZoneOffset.UTC));

  TaskDefinition register(String family) {
    return taskDefinitions.register(SCOPE, Requests.request(
        "{'family':'" + family + "','containerDefinitions':[{'name':'web','image':'busybox','memory':64}]}"))
        .taskDefinition();
  }

  @Test
  void registrationFillsTheComputedMembers() {
    TaskDefinition td = register("web");

    assertThat(td.taskDefinitionArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");
    assertThat(td.revision()).isEqualTo(1);
    assertThat(td.status()).isEqualTo("ACTIVE");
    assertThat(td.registeredAt()).isEqualTo(NOW);
    assertThat(td.registeredBy()).isEqualTo("arn:aws:iam::123456789012:root");
    assertThat(td.deregisteredAt()).isNull();
  }

  @Test
  void aRevisionHoldsItsPredecessorsEqualContainersNotCopiesOfThem() {
    TaskDefinition first = register("web");
    TaskDefinition same = register("web");
    TaskDefinition changed = taskDefinitions.register(SCOPE, Requests.request(
        "{'family':'web','containerDefinitions':[{'name':'web','image':'busybox:2','memory':64}]}"))
        .taskDefinition();

    assertThat(same.containerDefinitions().get(0)).isSameAs(first.containerDefinitions().get(0));
    assertThat(same.requiresAttributes()).isEqualTo(first.requiresAttributes());
    assertThat(changed.containerDefinitions().get(0)).isNotEqualTo(same.containerDefinitions().get(0));
    assertThat(changed.containerDefinitions().get(0).image()).isEqualTo("busybox:2");
    assertThat(same.toBuilder().revision(1).taskDefinitionArn(first.taskDefinitionArn()).build()).isEqualTo(first);
  }

  @Test
  void revisionsCountPerFamilyAndAreNeverReused() {
    register("web");
    register("web");
    register("api");
    taskDefinitions.deregister(SCOPE, "web:2");
    taskDefinitions.delete(SCOPE, List.of("web:2"));

    assertThat(register("web").revision()).isEqualTo(3);
    assertThat(register("api").revision()).isEqualTo(2);
  }

  @Test
  void resolveForLaunchTakesTheLatestActiveRevision() {
    register("web");
    register("web");
    register("web");
    taskDefinitions.deregister(SCOPE, "web:3");

    TaskDefinition td = store.read(SCOPE, view -> TaskDefinitions.resolveForLaunch(view, SCOPE, "web"));

    assertThat(td.revision()).isEqualTo(2);
  }

  @Test
  void aFamilyNamesItsLatestActiveRevisionWhateverElseIsRegistered() {
    for (int i = 0; i < 50; i++) {
      register("other");
    }
    register("web");
    register("web");
    register("web");
    register("web");
    taskDefinitions.deregister(SCOPE, "web:4");
    taskDefinitions.deregister(SCOPE, "web:3");
    taskDefinitions.delete(SCOPE, List.of("web:3"));

    assertThat(taskDefinitions.describe(SCOPE, "web", false).taskDefinition().revision()).isEqualTo(2);
    assertThat(taskDefinitions.describe(SCOPE, "other", false).taskDefinition().revision()).isEqualTo(50);
    assertThat(taskDefinitions.describe(SCOPE, "web:4", false).taskDefinition().status()).isEqualTo("INACTIVE");

    taskDefinitions.deregister(SCOPE, "web:2");
    taskDefinitions.deregister(SCOPE, "web:1");
    assertThatThrownBy(() -> taskDefinitions.describe(SCOPE, "web", false))
        .isInstanceOf(ClientException.class).hasMessage("Unable to describe task definition.");
    assertThatThrownBy(() -> taskDefinitions.describe(SCOPE, "nothing", false))
        .isInstanceOf(ClientException.class);
  }

  @Test
  void resolveForLaunchRefusesAnInactiveOrMissingDefinition() {
    register("web");
    taskDefinitions.deregister(SCOPE, "web:1");

    assertThatThrownBy(() -> store.read(SCOPE, view -> TaskDefinitions.resolveForLaunch(view, SCOPE, "web:1")))
        .isInstanceOf(InvalidParameterException.class).hasMessage("TaskDefinition is inactive");
    assertThatThrownBy(() -> store.read(SCOPE, view -> TaskDefinitions.resolveForLaunch(view, SCOPE,
        "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1")))
        .isInstanceOf(InvalidParameterException.class).hasMessage("TaskDefinition is inactive");
    assertThatThrownBy(() -> store.read(SCOPE, view -> TaskDefinitions.resolveForLaunch(view, SCOPE, "web")))
        .isInstanceOf(ClientException.class).hasMessage("TaskDefinition not found.");
    assertThatThrownBy(() -> store.read(SCOPE, view -> TaskDefinitions.resolveForLaunch(view, SCOPE, "web:9")))
        .isInstanceOf(ClientException.class).hasMessage("TaskDefinition not found.");
  }

  @Test
  void resolveForLaunchIsScoped() {
    register("web");
    Scope elsewhere = new Scope("123456789012", "eu-west-1");

    assertThatThrownBy(() -> store.read(elsewhere, view -> TaskDefinitions.resolveForLaunch(view, elsewhere, "web:1")))
        .isInstanceOf(ClientException.class).hasMessage("TaskDefinition not found.");
  }

  @Test
  void deregisteringTwiceKeepsTheFirstDeregistrationTime() {
    register("web");
    TaskDefinition first = taskDefinitions.deregister(SCOPE, "web:1");

    assertThat(taskDefinitions.deregister(SCOPE, "web:1")).isEqualTo(first);
    assertThat(first.deregisteredAt()).isEqualTo(NOW);
  }

  @Test
  void aFailedRegistrationStoresNothing() {
    assertThatThrownBy(() -> taskDefinitions.register(SCOPE, withContainers("{'name':'web','image':'busybox'}")))
        .isInstanceOf(ClientException.class);

    assertThat(register("web").revision()).isEqualTo(1);
  }
}
