package dev.ecsemulator.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** Several AWS services on one endpoint: each request reaches its service, and errors are worded as that service's. */
class ServiceRoutingTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();

  @Test
  void aTargetNamingNoServiceOnTheEndpointIsAnUnknownOperation() {
    HttpResponse<String> response = emulator.post("AWSCognitoIdentityProviderService.ListUserPools", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"__type\":\"UnknownOperationException\","
        + "\"message\":\"Unknown operation: AWSCognitoIdentityProviderService.ListUserPools.\"}");
  }

  @Test
  void anOperationOutsideTheSecondServicesModelIsAnUnknownOperation() {
    HttpResponse<String> response = emulator.post("secretsmanager.FlyToTheMoon", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"__type\":\"UnknownOperationException\"", "FlyToTheMoon");
  }

  /** RotateSecret needs Lambda, which the emulator does not have. */
  @Test
  void anUnimplementedOperationOfTheSecondServiceIsItsAwsShapedErrorThroughItsSdk() {
    try (SecretsManagerClient secrets = emulator.sdk(SecretsManagerClient.builder())) {
      assertThatThrownBy(() -> secrets.rotateSecret(b -> b.secretId("db-password")))
          .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                "ecs-emulator does not implement the Secrets Manager operation RotateSecret yet."
                    + " See the README for the supported operations.");
          });
    }
  }

  /** Secrets Manager's error shapes name their message member {@code Message}; ECS's {@code message}. */
  @Test
  void errorsUseTheMessageMemberAndContentTypeOfTheirService() throws Exception {
    HttpResponse<String> secrets = emulator.post("secretsmanager.RotateSecret", "{\"SecretId\":\"x\"}");
    HttpResponse<String> ecs = emulator.post("CreateDaemon", "{}");

    JsonNode secretsError = new ObjectMapper().readTree(secrets.body());
    assertThat(secretsError.path("__type").asText()).isEqualTo("InvalidAction");
    assertThat(secretsError.has("Message")).isTrue();
    assertThat(secretsError.has("message")).isFalse();
    assertThat(secrets.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/x-amz-json-1.1"));
    assertThat(secrets.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(new ObjectMapper().readTree(ecs.body()).has("message")).isTrue();
  }

  @Test
  void healthListsEachServiceWithItsOperations() throws Exception {
    JsonNode health = new ObjectMapper().readTree(emulator.get("/_emulator/health").body());

    JsonNode ecs = health.path("services").path("ecs");
    JsonNode secrets = health.path("services").path("secretsmanager");
    assertThat(ecs.path("targetPrefix").asText()).isEqualTo("AmazonEC2ContainerServiceV20141113");
    assertThat(ecs.path("implemented").asInt()).isEqualTo(health.path("operations").path("implemented").asInt());
    assertThat(ecs.path("inModel").asInt()).isEqualTo(77);
    assertThat(secrets.path("targetPrefix").asText()).isEqualTo("secretsmanager");
    assertThat(secrets.path("inModel").asInt()).isEqualTo(23);
    assertThat(secrets.path("implemented").asInt()).isBetween(0, 22);
  }
}
