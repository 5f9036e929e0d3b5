package dev.ecsemulator.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.api.support.AwsCli;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.Samples;
import dev.ecsemulator.api.support.TestEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production task definition of docs/task-definitions-and-tasks.md, registered with
 * {@code aws ecs register-task-definition --cli-input-json file://...} by both AWS CLIs found on these machines
 * (v1 from pip as {@code aws} on the PATH, v2 from Debian's awscli package as {@code /usr/bin/aws});
 * DescribeTaskDefinition must return every field as registered. A CLI that is not installed is skipped, saying so.
 */
class ProductionTaskDefinitionCliIT {

  static final String SAMPLE = Samples.PRODUCTION_FARGATE;
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();

  @TempDir
  Path work;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "/usr/bin/aws"})
  void describeReturnsEveryFieldAsRegistered(String cli) throws Exception {
    AwsCli binary = AwsCli.installed(cli);
    Path sample = sample();
    JsonNode input = JSON.readTree(sample.toFile());

    JsonNode registered = run(binary, "ecs", "register-task-definition",
        "--cli-input-json", "file://" + sample.toAbsolutePath());
    JsonNode described = run(binary, "ecs", "describe-task-definition",
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

  private JsonNode run(AwsCli cli, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("--output", "json"));
    command.addAll(List.of(args));
    AwsCli.Result result = cli.run(emulator.url(), work, command.toArray(String[]::new));
    assertThat(result.exitCode()).as(String.join(" ", command) + "\nstderr: " + result.stderr()).isZero();
    return JSON.readTree(result.stdout());
  }

  /** The sample lives in the repository's samples module; tests run from a module directory. */
  private static Path sample() {
    return Samples.find(SAMPLE);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
