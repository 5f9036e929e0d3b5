package dev.ecsemulator.api.operations;

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
 * What a person reads from both AWS CLIs found on these machines ({@code aws} v1 from pip on the PATH, v2 from Debian
 * as {@code /usr/bin/aws}) after the answers issue 16 fixed: a deleted cluster still listed and shown INACTIVE, a
 * missing service's failure ARN, the empty container instance list's error, and the agent's poll endpoints. A CLI
 * that is not installed is skipped, saying so.
 */
class AnswersCliIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ARN = "arn:aws:ecs:us-east-1:000000000000:";

  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.withoutDocker();
  static final TestEmulator emulator = EMULATOR.emulator();

  @TempDir
  Path work;
  AwsCli cli;

  @EachAwsCli
  void aDeletedClusterIsListedAndDescribedInactive(String name) {
    cli = AwsCli.installed(name);
    ok("ecs", "create-cluster", "--cluster-name", "gone");
    ok("ecs", "delete-cluster", "--cluster", "gone");

    assertThat(ok("ecs", "list-clusters").path("clusterArns").get(0).asText()).isEqualTo(ARN + "cluster/gone");
    assertThat(ok("ecs", "describe-clusters", "--clusters", "gone").path("clusters").get(0).path("status").asText())
        .isEqualTo("INACTIVE");
  }

  @EachAwsCli
  void aMissingServiceIsReportedAsEcsReportsIt(String name) {
    cli = AwsCli.installed(name);
    ok("ecs", "create-cluster", "--cluster-name", "apps");

    JsonNode failure = ok("ecs", "describe-services", "--cluster", "apps", "--services", "ghost")
        .path("failures").get(0);

    assertThat(failure.path("arn").asText()).isEqualTo(ARN + "service/ghost");
    assertThat(failure.path("reason").asText()).isEqualTo("MISSING");
  }

  @EachAwsCli
  void anEmptyContainerInstanceListIsAnError(String name) {
    cli = AwsCli.installed(name);
    ok("ecs", "create-cluster", "--cluster-name", "apps");

    AwsCli.Result result = cli.runJson(emulator.url(), work, "ecs", "describe-container-instances",
        "--cli-input-json", "{\"cluster\": \"apps\", \"containerInstances\": []}");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("An error occurred (InvalidParameterException) when calling the "
        + "DescribeContainerInstances operation: Container instance cannot be empty.");
  }

  @EachAwsCli
  void discoverPollEndpointAnswersTheRegionsEndpoints(String name) {
    cli = AwsCli.installed(name);

    JsonNode answer = ok("ecs", "discover-poll-endpoint", "--cluster", "default");

    assertThat(answer.path("endpoint").asText()).isEqualTo("https://ecs-a-1.us-east-1.amazonaws.com/");
    assertThat(answer.path("telemetryEndpoint").asText()).isEqualTo("https://ecs-t-1.us-east-1.amazonaws.com/");
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
