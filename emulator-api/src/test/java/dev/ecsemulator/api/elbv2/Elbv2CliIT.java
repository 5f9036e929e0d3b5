package dev.ecsemulator.api.elbv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.support.AwsCli;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The load balancer walk-through of docs/load-balancing.md through both AWS CLIs on these machines (v1 from pip,
 * v2 from Debian's awscli), with a real target: a CLI that is not installed is skipped, saying so.
 */
class Elbv2CliIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();

  @TempDir
  Path work;

  JsonNode json(AwsCli cli, String... args) {
    AwsCli.Result result = cli.runJson(emulator.url(), work, args);
    assertThat(result.exitCode()).as("exit code; stderr: " + result.stderr()).isZero();
    try {
      return JSON.readTree(result.stdout());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "/usr/bin/aws"})
  void theReadmeWalkThrough(String binary) {
    AwsCli cli = AwsCli.installed(binary);
    try (TestTarget app = new TestTarget("app")) {
      String lb = json(cli, "elbv2", "create-load-balancer", "--name", "web", "--subnets", "subnet-a", "subnet-b")
          .at("/LoadBalancers/0/LoadBalancerArn").asText();
      String group = json(cli, "elbv2", "create-target-group", "--name", "web-tg", "--protocol", "HTTP", "--port",
          "80", "--vpc-id", "vpc-1", "--target-type", "ip", "--health-check-path", "/health",
          "--health-check-interval-seconds", "5", "--healthy-threshold-count", "2")
          .at("/TargetGroups/0/TargetGroupArn").asText();
      int port = Elbv2Fixture.freePort();
      json(cli, "elbv2", "create-listener", "--load-balancer-arn", lb, "--protocol", "HTTP", "--port",
          String.valueOf(port), "--default-actions", "Type=forward,TargetGroupArn=" + group);
      AwsCli.Result registered = cli.run(emulator.url(), work, "elbv2", "register-targets", "--target-group-arn", group,
          "--targets", "Id=127.0.0.1,Port=" + app.port());
      assertThat(registered.exitCode()).as(registered.stderr()).isZero();
      await().atMost(Duration.ofSeconds(45)).until(() -> json(cli, "elbv2", "describe-target-health",
          "--target-group-arn", group).at("/TargetHealthDescriptions/0/TargetHealth/State").asText().equals("healthy"));
      assertThat(Elbv2Fixture.get(port, "/").body()).isEqualTo("app /");

      JsonNode described = json(cli, "elbv2", "describe-load-balancers", "--names", "web");
      assertThat(described.at("/LoadBalancers/0/DNSName").asText()).endsWith(".us-east-1.elb.localhost");
      assertThat(described.at("/LoadBalancers/0/CreatedTime").asText()).isNotEmpty();

      AwsCli.Result missing = cli.run(emulator.url(), work, "elbv2", "describe-target-groups", "--names", "nope");
      assertThat(missing.exitCode()).isNotZero();
      assertThat(missing.stderr()).contains("(TargetGroupNotFound)").contains("One or more target groups not found");
    }
  }
}
