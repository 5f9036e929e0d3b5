package dev.ecsemulator.api.protocol;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.SerializationException;
import org.junit.jupiter.api.Test;

/** The model-driven request check, as a pure function of (operation, body). */
class RequestValidatorTest {

  static final ServiceModel MODEL = ServiceModel.load();
  final RequestValidator validator = new RequestValidator(MODEL);

  static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void theModelHasEveryOperation() {
    org.assertj.core.api.Assertions.assertThat(MODEL.operationNames()).hasSize(77).contains("RunTask", "CreateService");
  }

  @Test
  void missingRequiredMembersAreNamed() {
    assertThatThrownBy(() -> validator.validate("RunTask", json("{}")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("1 validation error detected: Value null at 'taskDefinition' failed to satisfy constraint: "
            + "Member must not be null");
  }

  @Test
  void nestedRequiredMembersAreFoundWithTheirPath() {
    assertThatThrownBy(() -> validator.validate("RegisterTaskDefinition",
        json("{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"a\",\"portMappings\":[{}],"
            + "\"healthCheck\":{}}]}")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("'containerDefinitions.1.member.healthCheck.command'");
  }

  @Test
  void enumValuesAreChecked() {
    assertThatThrownBy(() -> validator.validate("RunTask", json("{\"taskDefinition\":\"t\",\"launchType\":\"MOON\"}")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("Value 'MOON' at 'launchType' failed to satisfy constraint: Member must satisfy enum value set: [EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES]");
  }

  @Test
  void lengthsAndPatternsOfTagsAreChecked() {
    String longKey = "k".repeat(129);
    assertThatThrownBy(() -> validator.validate("TagResource",
        json("{\"resourceArn\":\"a\",\"tags\":[{\"key\":\"" + longKey + "\",\"value\":\"v\"}]}")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("1 validation error detected: Value '" + longKey + "' at 'tags.1.member.key' failed to satisfy "
            + "constraint: Member must have length less than or equal to 128");
  }

  @Test
  void wrongJsonTypesAreSerializationErrors() {
    assertThatThrownBy(() -> validator.validate("RunTask", json("{\"taskDefinition\":\"t\",\"count\":\"2\"}")))
        .isInstanceOf(SerializationException.class)
        .hasMessage("STRING_VALUE can not be converted to an Integer");
    assertThatThrownBy(() -> validator.validate("RunTask", json("{\"taskDefinition\":[\"t\"]}")))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Start of list found where not expected.");
    assertThatThrownBy(() -> validator.validate("RunTask", json("{\"taskDefinition\":\"t\",\"enableECSManagedTags\":1}")))
        .isInstanceOf(SerializationException.class)
        .hasMessage("NUMBER_VALUE can not be converted to a Boolean");
  }

  @Test
  void unknownMembersAndNullsAreIgnored() {
    assertThatCode(() -> validator.validate("RunTask",
        json("{\"taskDefinition\":\"t\",\"someFutureMember\":{\"x\":1},\"group\":null}")))
        .doesNotThrowAnyException();
  }

  static String reason(String what) {
    return "1 validation error detected: " + what;
  }

  static final String DEFINITION = "{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"a\",\"image\":\"i\",%s}]}";

  @Test
  void aNullElementOfAListOfScalarsFailsTheList() {
    assertThatThrownBy(() -> validator.validate("DescribeTasks", json("{\"tasks\":[null]}")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(reason("Value '[null]' at 'tasks' failed to satisfy constraint: Member must satisfy constraint: "
            + "[Member must not be null]"));
    assertThatThrownBy(() -> validator.validate("RegisterTaskDefinition",
        json(DEFINITION.formatted("\"command\":[\"sleep\",null]"))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(reason("Value '[sleep, null]' at 'containerDefinitions.1.member.command' failed to satisfy "
            + "constraint: Member must satisfy constraint: [Member must not be null]"));
  }

  @Test
  void aNullElementOfAListOfStructuresFailsTheList() {
    assertThatThrownBy(() -> validator.validate("TagResource", json("{\"resourceArn\":\"a\",\"tags\":[null]}")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(reason("Value '[null]' at 'tags' failed to satisfy constraint: Member must satisfy constraint: "
            + "[Member must not be null]"));
    assertThatThrownBy(() -> validator.validate("RegisterTaskDefinition",
        json(DEFINITION.formatted("\"mountPoints\":[{\"sourceVolume\":\"v\"},null]"))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(reason("Value '[{sourceVolume=v}, null]' at 'containerDefinitions.1.member.mountPoints' failed to "
            + "satisfy constraint: Member must satisfy constraint: [Member must not be null]"));
  }

  @Test
  void aSensitiveValueIsNotRepeated() {
    assertThatThrownBy(() -> validator.validate("RegisterTaskDefinition",
        json(DEFINITION.formatted("\"environment\":[{\"name\":\"SECRET\",\"value\":\"hunter2\"},null]"))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(reason("Value at 'containerDefinitions.1.member.environment' failed to satisfy constraint: "
            + "Member must satisfy constraint: [Member must not be null]"));
  }

  @Test
  void aNullValueOfAMapFailsTheMap() {
    assertThatThrownBy(() -> validator.validate("RegisterTaskDefinition",
        json(DEFINITION.formatted("\"dockerLabels\":{\"a\":\"b\",\"c\":null}"))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(reason("Value '{a=b, c=null}' at 'containerDefinitions.1.member.dockerLabels' failed to satisfy "
            + "constraint: Map value must satisfy constraint: [Member must not be null]"));
  }

  @Test
  void nullsDeepInsideOverridesAreFound() {
    assertThatThrownBy(() -> validator.validate("RunTask", json("{\"taskDefinition\":\"t\",\"overrides\":"
        + "{\"containerOverrides\":[{\"name\":\"a\",\"command\":[null]},null]}}")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith("2 validation errors detected: ")
        .hasMessageContaining("at 'overrides.containerOverrides.1.member.command' failed")
        .hasMessageContaining("at 'overrides.containerOverrides' failed");
  }

  @Test
  void theElementsOfAListOfScalarsAreCheckedTogetherNamingEveryConstraint() {
    assertThatThrownBy(() -> validator.validate("DescribeClusters", json("{\"include\":[\"TAGS\",\"MOON\"]}")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(reason("Value '[TAGS, MOON]' at 'include' failed to satisfy constraint: Member must satisfy "
            + "constraint: [Member must satisfy enum value set: [ATTACHMENTS, CONFIGURATIONS, SETTINGS, STATISTICS, "
            + "TAGS], Member must not be null]"));
    assertThatThrownBy(() -> validator.validate("UntagResource",
        json("{\"resourceArn\":\"a\",\"tagKeys\":[\"\"]}")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(reason("Value '[]' at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: "
            + "[Member must have length less than or equal to 128, Member must have length greater than or equal to 1, "
            + "Member must satisfy regular expression pattern: ([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*), Member must not be null]"));
  }

  @Test
  void aWrongTypeInsideAListIsStillASerializationError() {
    assertThatThrownBy(() -> validator.validate("DescribeTasks", json("{\"tasks\":[null,1]}")))
        .isInstanceOf(SerializationException.class)
        .hasMessage("NUMBER_VALUE can not be converted to a String");
  }

  @Test
  void aLongBeyondItsRangeIsASerializationError() {
    assertThatThrownBy(() -> validator.validate("RunTask",
        json("{\"taskDefinition\":\"t\",\"count\":99999999999}")))
        .isInstanceOf(SerializationException.class)
        .hasMessage("NUMBER_VALUE can not be converted to an Integer");
  }

  @Test
  void atMostTenViolationsAreReported() {
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      tags.append(i == 0 ? "" : ",").append("{\"key\":\"").append("k".repeat(129)).append("\"}");
    }
    assertThatThrownBy(() -> validator.validate("TagResource", json("{\"resourceArn\":\"a\",\"tags\":[" + tags + "]}")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith("10 validation errors detected: Value '" + "k".repeat(129) + "' at 'tags.1.member.key'")
        .hasMessageContaining("'tags.10.member.key'")
        .hasMessageNotContaining("'tags.11.member.key'");
  }
}
