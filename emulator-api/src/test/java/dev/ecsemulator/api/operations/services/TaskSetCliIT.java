package dev.ecsemulator.api.operations.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.support.AwsCli;
import dev.ecsemulator.api.support.EachAwsCli;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person reads from the AWS CLIs about task sets: the set create-task-set answers, the table
 * docs/services-and-deployments.md suggests instead of {@code wait services-stable}, and ECS's error for a service
 * that is not EXTERNAL. No Docker: the set's tasks are not placed. A CLI that is not installed is skipped.
 */
class TaskSetCliIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.withoutDocker();
  static final TestEmulator emulator = EMULATOR.emulator();

  @TempDir
  Path work;
  AwsCli cli;

  @EachAwsCli
  void aTaskSetAsThePersonReadsIt(String name) {
    cli = AwsCli.installed(name);
    ok("ecs", "create-cluster", "--cluster-name", "default");
    ok("ecs", "register-task-definition", "--family", "web", "--container-definitions",
        "[{\"name\": \"web\", \"image\": \"ecs-emulator/sample-web:1\", \"memory\": 32}]");
    JsonNode service = ok("ecs", "create-service", "--service-name", "web", "--desired-count", "4",
        "--deployment-controller", "type=EXTERNAL").path("service");
    assertThat(service.path("deployments").size()).isZero();

    JsonNode set = ok("ecs", "create-task-set", "--service", "web", "--cluster", "default", "--task-definition", "web",
        "--scale", "value=50,unit=PERCENT", "--external-id", "blue").path("taskSet");
    assertThat(set.path("id").asText()).matches("ecs-svc/\\d{19}");
    assertThat(set.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(set.path("computedDesiredCount").asInt()).isEqualTo(2);
    assertThat(set.path("scale").path("value").asDouble()).isEqualTo(50.0);
    assertThat(set.path("stabilityStatus").asText()).isEqualTo("STABILIZING");

    AwsCli.Result table = cli.run(emulator.url(), work, "ecs", "describe-task-sets", "--cluster", "default",
        "--service", "web", "--query", "taskSets[].[id,status,computedDesiredCount,stabilityStatus]",
        "--output", "text");
    assertThat(table.exitCode()).as(table.stderr()).isZero();
    assertThat(table.stdout().trim()).matches("ecs-svc/\\d{19}\\s+ACTIVE\\s+2\\s+STA\\w+");

    ok("ecs", "create-service", "--service-name", "rolling", "--task-definition", "web", "--desired-count", "0");
    AwsCli.Result refused = cli.runJson(emulator.url(), work, "ecs", "describe-task-sets", "--cluster", "default",
        "--service", "rolling");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.stderr()).contains("An error occurred (InvalidParameterException) when calling the "
        + "DescribeTaskSets operation: Amazon ECS only supports task set management on services configured to use "
        + "external deployment controllers.");
  }

  private JsonNode ok(String... args) {
    AwsCli.Result result = cli.runJson(emulator.url(), work, args);
    assertThat(result.exitCode()).as(String.join(" ", args) + "\nstderr: " + result.stderr()).isZero();
    try {
      return JSON.readTree(result.stdout());
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + result.stdout(), e);
    }
  }
}
