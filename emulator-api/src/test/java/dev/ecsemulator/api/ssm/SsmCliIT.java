package dev.ecsemulator.api.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parameter Store through both AWS CLIs found on these machines (v1 from pip as {@code aws} on the PATH, v2 from
 * Debian's awscli as {@code /usr/bin/aws}), as docs/secrets-and-parameters.md shows it.
 * A CLI that is not installed is skipped, saying so.
 */
class SsmCliIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final SsmExtension SSM = new SsmExtension();

  @TempDir
  Path work;

  /** What the CLI printed and its exit code (0; 255 for an AWS error from v1, 254 from v2). */
  record Run(int exitCode, String stdout, String stderr) {

    JsonNode json() throws IOException {
      assertThat(exitCode).as("exit code; stderr: " + stderr).isZero();
      return JSON.readTree(stdout);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "/usr/bin/aws"})
  void putGetAndGetByPathAsTheReadmeShowsThem(String cli) throws Exception {
    Path binary = installed(cli);

    JsonNode put = run(binary, "ssm", "put-parameter", "--name", "/app/prod/db-host", "--value", "db.internal",
        "--type", "String").json();
    run(binary, "ssm", "put-parameter", "--name", "/app/prod/db-password", "--value", "hunter2",
        "--type", "SecureString").json();
    run(binary, "ssm", "put-parameter", "--name", "/app/prod/db-host", "--value", "db2.internal",
        "--overwrite").json();
    JsonNode host = run(binary, "ssm", "get-parameter", "--name", "/app/prod/db-host").json();
    JsonNode password = run(binary, "ssm", "get-parameter", "--name", "/app/prod/db-password",
        "--with-decryption").json();
    JsonNode byPath = run(binary, "ssm", "get-parameters-by-path", "--path", "/app", "--recursive",
        "--with-decryption").json();

    assertThat(put.path("Version").asInt()).isEqualTo(1);
    assertThat(put.path("Tier").asText()).isEqualTo("Standard");
    assertThat(host.path("Parameter").path("Value").asText()).isEqualTo("db2.internal");
    assertThat(host.path("Parameter").path("Version").asInt()).isEqualTo(2);
    assertThat(host.path("Parameter").path("ARN").asText())
        .isEqualTo("arn:aws:ssm:us-east-1:000000000000:parameter/app/prod/db-host");
    assertThat(password.path("Parameter").path("Value").asText()).isEqualTo("hunter2");
    assertThat(byPath.path("Parameters").findValuesAsText("Name"))
        .containsExactly("/app/prod/db-host", "/app/prod/db-password");
    assertThat(byPath.path("Parameters").findValuesAsText("Value")).containsExactly("db2.internal", "hunter2");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "/usr/bin/aws"})
  void anAwsErrorIsReportedByTheCliWithItsCode(String cli) throws Exception {
    Path binary = installed(cli);

    Run missing = run(binary, "ssm", "get-parameter", "--name", "/does/not/exist");
    Run taken = run(binary, "ssm", "put-parameter", "--name", "/app/x", "--value", "1", "--type", "String");
    Run again = run(binary, "ssm", "put-parameter", "--name", "/app/x", "--value", "2", "--type", "String");

    assertThat(missing.exitCode()).isIn(254, 255);
    assertThat(missing.stderr()).contains("An error occurred (ParameterNotFound) when calling the GetParameter"
        + " operation");
    assertThat(taken.exitCode()).isZero();
    assertThat(again.exitCode()).isIn(254, 255);
    assertThat(again.stderr()).contains("(ParameterAlreadyExists)", "The parameter already exists. To overwrite this"
        + " value, set the overwrite option in the request to true.");
  }

  static Path installed(String cli) {
    Optional<Path> binary = cli.contains("/")
        ? Optional.of(Path.of(cli)).filter(Files::isExecutable)
        : Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, cli)).filter(Files::isExecutable).findFirst();
    assumeTrue(binary.isPresent(), cli + " is not installed: this AWS CLI is skipped (bin/test installs Debian's "
        + "awscli for /usr/bin/aws; pip's awscli provides aws)");
    return binary.get();
  }

  /** Runs the CLI against the emulator with credentials and region of its own, the machine's configuration kept out. */
  Run run(Path binary, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--endpoint-url", SSM.emulator().url(),
        "--output", "json"));
    command.addAll(List.of(args));
    Path out = work.resolve("out");
    Path err = work.resolve("err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
    builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
        "AWS_DEFAULT_REGION", "us-east-1", "AWS_PAGER", "", "AWS_CONFIG_FILE", work.resolve("none").toString(),
        "AWS_SHARED_CREDENTIALS_FILE", work.resolve("none").toString()));
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
