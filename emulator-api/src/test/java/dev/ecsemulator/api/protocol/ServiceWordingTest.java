package dev.ecsemulator.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.secretsmanager.SecretsManagerService;
import dev.ecsemulator.core.error.SerializationException;
import dev.ecsemulator.core.secretsmanager.error.ValidationException;
import org.junit.jupiter.api.Test;

/** A second service's model and wording, as pure functions: names, message members, validation. */
class ServiceWordingTest {

  static final ServiceModel SECRETS = ServiceModel.load(SecretsManagerService.MODEL);
  final RequestValidator validator = new RequestValidator(SECRETS,
      SecretsManagerService.ERRORS);

  @Test
  void theModelNamesTheService() {
    assertThat(SECRETS.targetPrefix()).isEqualTo("secretsmanager");
    assertThat(SECRETS.signingName()).isEqualTo("secretsmanager");
    assertThat(SECRETS.protocol()).isEqualTo("json");
    assertThat(SECRETS.jsonContentType()).isEqualTo("application/x-amz-json-1.1");
    assertThat(SECRETS.operationNames()).hasSize(23).contains("GetSecretValue", "BatchGetSecretValue");
  }

  @Test
  void messageMembersAreAsEachModelSpellsThem() {
    assertThat(SECRETS.messageMember("ResourceNotFoundException")).isEqualTo("Message");
    assertThat(SECRETS.messageMember("SerializationException")).as("not in the model: as most of its errors")
        .isEqualTo("Message");
    assertThat(ServiceModel.load().messageMember("ClusterNotFoundException")).isEqualTo("message");
    assertThat(ServiceModel.load().messageMember("SerializationException")).isEqualTo("message");
  }

  @Test
  void validationFailuresAreTheServicesErrorWithLowerCamelMemberNames() {
    assertThatThrownBy(() -> validator.validate("GetSecretValue", json("{}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 validation error detected: Value null at 'secretId' failed to satisfy constraint: "
            + "Member must not be null");
    assertThatThrownBy(() -> validator.validate("ListSecrets", json("{\"Filters\":[{\"Key\":\"colour\"}]}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set");
  }

  @Test
  void blobsAreBase64AndTheirLengthIsCountedInBytes() throws Exception {
    assertThatThrownBy(() -> validator.validate("CreateSecret", json("{\"Name\":\"n\",\"SecretBinary\":\"\"}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 validation error detected: Value at 'secretBinary' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 1");
    assertThatThrownBy(() -> validator.validate("CreateSecret", json("{\"Name\":\"n\",\"SecretBinary\":7}")))
        .isInstanceOf(SerializationException.class)
        .hasMessage("NUMBER_VALUE can not be converted to a Blob");
    assertThatThrownBy(() -> validator.validate("CreateSecret", json("{\"Name\":\"n\",\"SecretBinary\":\"*\"}")))
        .isInstanceOf(SerializationException.class);
    validator.validate("CreateSecret", json("{\"Name\":\"n\",\"SecretBinary\":\"AAEC\"}"));
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }
}
