package dev.ecsemulator.api.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.support.AwsCli;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Secrets Manager from both AWS CLIs found on these machines ({@code aws} v1 from pip on the PATH, v2 from Debian as
 * {@code /usr/bin/aws}), errors included. A CLI that is not installed is skipped, saying so.
 */
class SecretsManagerCliIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();

  @TempDir
  Path work;
  AwsCli cli;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "/usr/bin/aws"})
  void aSecretIsCreatedReadRotatedAndDeleted(String name) throws Exception {
    cli = AwsCli.installed(name);

    JsonNode created = ok("secretsmanager", "create-secret", "--name", "cli/db-password",
        "--secret-string", "{\"user\":\"app\",\"password\":\"s3cr3t\"}", "--description", "from the CLI");
    assertThat(created.path("ARN").asText())
        .matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:cli/db-password-[A-Za-z0-9]{6}");
    assertThat(created.path("VersionId").asText()).as("the CLI sends a ClientRequestToken").hasSize(36);

    JsonNode value = ok("secretsmanager", "get-secret-value", "--secret-id", "cli/db-password");
    assertThat(value.path("SecretString").asText()).isEqualTo("{\"user\":\"app\",\"password\":\"s3cr3t\"}");
    assertThat(value.path("VersionStages").get(0).asText()).isEqualTo("AWSCURRENT");

    ok("secretsmanager", "put-secret-value", "--secret-id", created.path("ARN").asText(), "--secret-string", "next");
    assertThat(ok("secretsmanager", "get-secret-value", "--secret-id", "cli/db-password", "--version-stage",
        "AWSPREVIOUS").path("VersionId").asText()).isEqualTo(created.path("VersionId").asText());
    assertThat(ok("secretsmanager", "describe-secret", "--secret-id", "cli/db-password")
        .path("VersionIdsToStages").size()).isEqualTo(2);
    assertThat(ok("secretsmanager", "list-secrets").path("SecretList").get(0).path("Name").asText())
        .isEqualTo("cli/db-password");

    JsonNode deleted = ok("secretsmanager", "delete-secret", "--secret-id", "cli/db-password",
        "--force-delete-without-recovery");
    assertThat(deleted.path("Name").asText()).isEqualTo("cli/db-password");

    AwsCli.Result missing = cli.runJson(emulator.url(), work, "secretsmanager", "get-secret-value",
        "--secret-id", "cli/db-password");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.stderr()).contains("An error occurred (ResourceNotFoundException) when calling the "
        + "GetSecretValue operation: Secrets Manager can't find the specified secret.");
  }

  private JsonNode ok(String... args) throws Exception {
    AwsCli.Result result = cli.runJson(emulator.url(), work, args);
    assertThat(result.exitCode()).as(String.join(" ", args) + "\nstderr: " + result.stderr()).isZero();
    return JSON.readTree(result.stdout());
  }
}
