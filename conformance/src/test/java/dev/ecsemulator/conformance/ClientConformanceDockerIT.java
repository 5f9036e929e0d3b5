package dev.ecsemulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.junit.EcsEmulatorExtension;
import dev.ecsemulator.junit.EmulatorScope;
import dev.ecsemulator.junit.Reset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One ECS scenario (cluster, task definition round-trip, a service of 2, a rolling update, waiters, paginators, typed
 * errors for a missing cluster, service and task definition, tags) driven by each client people use, against one
 * emulator: the AWS CLI v2 and v1, boto3, the AWS SDK for JavaScript v3 and the AWS SDK for Java v2 with its Apache
 * and URLConnection HTTP clients; each with an explicit endpoint and, where the client honours it, through
 * {@code AWS_ENDPOINT_URL} or {@code AWS_ENDPOINT_URL_ECS} instead. The scenario scripts are in {@code clients/} (see
 * conformance/README.md); each checks every answer and exits non-zero at the first difference. Runs three at a time,
 * each in a cluster of its own. bin/test installs the clients; one that is absent is skipped, saying so.
 */
@Execution(ExecutionMode.CONCURRENT)
class ClientConformanceDockerIT {

  @RegisterExtension
  static final EcsEmulatorExtension EMULATOR = EcsEmulatorExtension.builder()
      .scope(EmulatorScope.CLASS).reset(Reset.AFTER_CLASS).build();

  private static final Path CLIENTS = Path.of("clients").toAbsolutePath();

  /** A client, its command, and the endpoint variable it honours (null: none). */
  enum Client {
    CLI_V2("AWS CLI v2 (Debian)", null, "bash", "scenario_cli.sh"),
    CLI_V1("AWS CLI v1 (pip)", "AWS_ENDPOINT_URL_ECS", "bash", "scenario_cli.sh"),
    BOTO3("boto3", "AWS_ENDPOINT_URL", "python3", "scenario_boto3.py"),
    JS_V3("AWS SDK for JavaScript v3", "AWS_ENDPOINT_URL_ECS", "node", "js/scenario.mjs"),
    JAVA_APACHE("AWS SDK for Java v2, Apache client", "AWS_ENDPOINT_URL", null, "apache"),
    JAVA_URLCONNECTION("AWS SDK for Java v2, URLConnection client", "AWS_ENDPOINT_URL_ECS", null, "urlconnection");

    final String title;
    final String endpointVariable;
    final String program;
    final String script;

    Client(String title, String endpointVariable, String program, String script) {
      this.title = title;
      this.endpointVariable = endpointVariable;
      this.program = program;
      this.script = script;
    }

    List<String> command() {
      if (program == null) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            System.getProperty("java.class.path"), JavaSdkScenario.class.getName(), script);
      }
      return List.of(program, CLIENTS.resolve(script).toString());
    }

    /** Why this client cannot run here, or null. */
    String missing() {
      return switch (this) {
        case CLI_V2 -> Files.isExecutable(Path.of("/usr/bin/aws")) && succeeds("/usr/bin/aws", "--version")
            && output("/usr/bin/aws", "--version").startsWith("aws-cli/2.") ? null : "no AWS CLI v2 at /usr/bin/aws";
        case CLI_V1 -> succeeds("python3", "-m", "awscli", "--version") ? null : "python3 has no awscli (v1)";
        case BOTO3 -> succeeds("python3", "-c", "import boto3") ? null : "python3 has no boto3";
        case JS_V3 -> Files.isDirectory(CLIENTS.resolve("js/node_modules/@aws-sdk/client-ecs")) && succeeds("node",
            "--version") ? null : "no node, or no @aws-sdk/client-ecs in clients/js/node_modules";
        default -> null;
      };
    }

    /**
     * Why this client cannot take its endpoint from the environment here, or null: botocore (boto3, CLI v1) reads
     * {@code AWS_ENDPOINT_URL} from 1.31 on; Debian's python3-boto3 (1.26) predates it.
     */
    String endpointVariableMissing() {
      if (this != BOTO3 && this != CLI_V1) {
        return null;
      }
      return succeeds("python3", "-c", "import botocore, sys; "
          + "sys.exit(tuple(map(int, botocore.__version__.split('.')[:2])) < (1, 31))")
          ? null : "python3's botocore is older than 1.31, which first reads " + endpointVariable;
    }

    Map<String, String> env() {
      return this == CLI_V2 ? Map.of("AWS_CLI", "/usr/bin/aws")
          : this == CLI_V1 ? Map.of("AWS_CLI", "python3 -m awscli") : Map.of();
    }
  }

  enum Mode { EXPLICIT_ENDPOINT, ENDPOINT_FROM_ENVIRONMENT }

  static Stream<Arguments> scenario() {
    List<Arguments> runs = new ArrayList<>();
    for (Client client : Client.values()) {
      runs.add(Arguments.of(client, Mode.EXPLICIT_ENDPOINT));
      if (client.endpointVariable != null) {
        runs.add(Arguments.of(client, Mode.ENDPOINT_FROM_ENVIRONMENT));
      }
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource
  void scenario(Client client, Mode mode) throws Exception {
    String missing = client.missing();
    Assumptions.assumeTrue(missing == null, () -> client.title + " skipped: " + missing);
    String noVariable = mode == Mode.ENDPOINT_FROM_ENVIRONMENT ? client.endpointVariableMissing() : null;
    Assumptions.assumeTrue(noVariable == null, () -> client.title + " skipped: " + noVariable);
    String id = (client.name() + "-" + (mode == Mode.EXPLICIT_ENDPOINT ? "x" : "env"))
        .toLowerCase(Locale.ROOT).replace('_', '-');
    String endpoint = EMULATOR.emulator().endpoint().toString();

    ProcessBuilder process = new ProcessBuilder(client.command()).redirectErrorStream(true);
    Map<String, String> env = process.environment();
    env.keySet().removeIf(name -> name.startsWith("AWS_"));
    env.putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "us-east-1",
        "AWS_REGION", "us-east-1", "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
        "AWS_EC2_METADATA_DISABLED", "true", "AWS_PAGER", "", "NODE_NO_WARNINGS", "1", "SCENARIO_ID", id));
    env.putAll(client.env());
    if (mode == Mode.EXPLICIT_ENDPOINT) {
      env.put("SCENARIO_ENDPOINT", endpoint);
    } else {
      env.put(client.endpointVariable, endpoint);
    }
    Process running = process.start();
    String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean finished = running.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      running.destroyForcibly();
    }
    assertThat(finished && running.exitValue() == 0)
        .as("%s (%s) passed the scenario; its output:%n%s", client.title, mode, output).isTrue();
    assertThat(output).contains("scenario passed");
  }

  private static boolean succeeds(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String output(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(60, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
