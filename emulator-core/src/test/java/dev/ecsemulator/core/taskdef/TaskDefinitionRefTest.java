package dev.ecsemulator.core.taskdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.error.InvalidParameterException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskDefinitionRefTest {

  static final Scope SCOPE = new Scope("123456789012", "us-east-1");

  @Test
  void familyFamilyRevisionAndArn() {
    assertThat(TaskDefinitionRef.parse(SCOPE, "web")).contains(new TaskDefinitionRef("web", null));
    assertThat(TaskDefinitionRef.parse(SCOPE, "web:7")).contains(new TaskDefinitionRef("web", 7));
    assertThat(TaskDefinitionRef.parse(SCOPE, "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7"))
        .contains(new TaskDefinitionRef("web", 7));
    assertThat(TaskDefinitionRef.parse(SCOPE, "arn:aws:ecs:us-east-1:123456789012:task-definition/web"))
        .contains(new TaskDefinitionRef("web", null));
  }

  @Test
  void referencesOutsideTheScopeNameNothing() {
    assertThat(TaskDefinitionRef.parse(SCOPE, "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7")).isEmpty();
    assertThat(TaskDefinitionRef.parse(SCOPE, "arn:aws:ecs:us-east-1:210987654321:task-definition/web:7")).isEmpty();
    assertThat(TaskDefinitionRef.parse(SCOPE, "arn:aws:ecs:us-east-1:123456789012:cluster/web")).isEmpty();
    assertThat(TaskDefinitionRef.parse(SCOPE, "")).isEqualTo(Optional.empty());
    assertThat(TaskDefinitionRef.parse(SCOPE, "no such/family")).isEmpty();
  }

  @Test
  void aRevisionThatIsNotANumberIsRefused() {
    assertThatThrownBy(() -> TaskDefinitionRef.parse(SCOPE, "web:latest"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("Invalid revision number. Number: latest");
  }
}
