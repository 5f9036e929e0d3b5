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
        .hasMessageContaining("'containerDefinitions.1.healthCheck.command'");
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
        .hasMessageContaining("'tags.1.key' failed to satisfy constraint: Member must have length less than or equal to 128");
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
}
