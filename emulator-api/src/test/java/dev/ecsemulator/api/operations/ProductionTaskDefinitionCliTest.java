package dev.ecsemulator.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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
 * The README's production task definition, registered with {@code aws ecs register-task-definition
 * --cli-input-json file://...} by both AWS CLIs found on these machines (v1 from pip as {@code aws} on the PATH,
 * v2 from Debian's awscli package as {@code /usr/bin/aws}); DescribeTaskDefinition must return every field as
 * registered. A CLI that is not installed is skipped, saying so.
 */
class ProductionTaskDefinitionCliTest {

  static final String SAMPLE = "samples/task-definitions/production-fargate.json";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();

  @TempDir
  Path work;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "/usr/bin/aws"})
  void describeReturnsEveryFieldAsRegistered(String cli) throws Exception {
    Optional<Path> binary = locate(cli);
    assumeTrue(binary.isPresent(), cli + " is not installed: this AWS CLI is skipped (bin/test installs Debian's "
        + "awscli for /usr/bin/aws; pip's awscli provides aws)");
    Path sample = sample();
    JsonNode input = JSON.readTree(sample.toFile());

    JsonNode registered = run(binary.get(), "ecs", "register-task-definition",
        "--cli-input-json", "file://" + sample.toAbsolutePath());
    JsonNode described = run(binary.get(), "ecs", "describe-task-definition",
        "--task-definition", "web-production", "--include", "TAGS");

    JsonNode td = described.path("taskDefinition");
    ObjectNode definitionInput = input.deepCopy();
    definitionInput.remove("tags");
    assertContains(definitionInput, td, "taskDefinition");
    assertThat(described.path("tags")).isEqualTo(input.path("tags"));
    assertThat(registered.path("tags")).isEqualTo(input.path("tags"));
    assertThat(registered.path("taskDefinition").path("taskDefinitionArn")).isEqualTo(td.path("taskDefinitionArn"));

    assertThat(td.path("taskDefinitionArn").asText())
        .isEqualTo("arn:aws:ecs:us-east-1:000000000000:task-definition/web-production:1");
    assertThat(td.path("revision").asInt()).isEqualTo(1);
    assertThat(td.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(td.path("registeredBy").asText()).isEqualTo("arn:aws:iam::000000000000:root");
    assertThat(td.path("registeredAt").isMissingNode()).isFalse();
    assertThat(texts(td.path("compatibilities"))).containsExactly("EC2", "FARGATE", "MANAGED_INSTANCES");
    assertThat(td.path("requiresAttributes").findValuesAsText("name")).contains(
        "com.amazonaws.ecs.capability.logging-driver.awslogs", "ecs.capability.execution-role-awslogs",
        "com.amazonaws.ecs.capability.task-iam-role", "ecs.capability.container-health-check",
        "ecs.capability.secrets.asm.environment-variables", "ecs.capability.secrets.ssm.environment-variables",
        "ecs.capability.task-eni");
    JsonNode web = td.path("containerDefinitions").path(0);
    assertThat(web.path("portMappings").path(0).path("hostPort").asInt()).as("awsvpc host port").isEqualTo(8080);
    assertThat(web.path("cpu").asInt()).isZero();
  }

  /** Every member of {@code expected} is in {@code actual} with the same value; actual may have more. */
  static void assertContains(JsonNode expected, JsonNode actual, String path) {
    if (expected.isObject()) {
      assertThat(actual.isObject()).as(path + " is an object").isTrue();
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        assertThat(actual.has(field.getKey())).as(path + "." + field.getKey() + " is returned").isTrue();
        assertContains(field.getValue(), actual.get(field.getKey()), path + "." + field.getKey());
      }
    } else if (expected.isArray()) {
      assertThat(actual.isArray()).as(path + " is a list").isTrue();
      assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertContains(expected.get(i), actual.get(i), path + "[" + i + "]");
      }
    } else {
      assertThat(actual).as(path).isEqualTo(expected);
    }
  }

  private JsonNode run(Path binary, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--endpoint-url", emulator.url(),
        "--output", "json"));
    command.addAll(List.of(args));
    File out = work.resolve("stdout").toFile();
    File err = work.resolve("stderr").toFile();
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
    Map<String, String> env = builder.environment();
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_PAGER", "");
    // Keep the machine's own AWS configuration out of the test.
    env.put("AWS_CONFIG_FILE", work.resolve("no-config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
    env.remove("AWS_PROFILE");
    env.remove("AWS_SESSION_TOKEN");
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within 120 s");
    }
    String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
    String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(String.join(" ", command) + "\nstderr: " + stderr).isZero();
    return JSON.readTree(stdout);
  }

  private static Optional<Path> locate(String cli) {
    if (cli.contains("/")) {
      Path path = Path.of(cli);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    String pathVariable = System.getenv().getOrDefault("PATH", "");
    return Stream.of(pathVariable.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, cli))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** The sample lives in the repository's samples module; tests run from a module directory. */
  private static Path sample() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(SAMPLE);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(SAMPLE + " not found above " + Path.of("").toAbsolutePath());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
