package dev.ecsemulator.api.tasks;

import static dev.ecsemulator.api.tasks.TaskFixtures.awaitStatus;
import static dev.ecsemulator.api.tasks.TaskFixtures.container;
import static dev.ecsemulator.api.tasks.TaskFixtures.docker;
import static dev.ecsemulator.api.tasks.TaskFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.LogCapture;
import dev.ecsemulator.api.support.TestEmulator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Task secrets on the real Docker engine: every form of {@code valueFrom} (Secrets Manager and Parameter Store)
 * reaches the container's environment (read with docker inspect) and nothing else: not DescribeTasks, not
 * DescribeTaskDefinition, not the emulator's log; a secret or parameter that cannot be read stops the task as ECS
 * stops it.
 */
class TaskSecretsContainersIT {

  static final String ACCOUNT = "000000000000";
  static final String EXECUTION_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/ecsTaskExecutionRole";
  static final String SECRET_ARN_PREFIX = "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:";
  static final String FRAME = "ResourceInitializationError: unable to pull secrets or registry auth: execution"
      + " resource retrieval failed: ";

  static final String TOKEN = "tok-5f2c9e1a-value";
  static final String FIRST_PASSWORD = "db-first-7c1d-pass";
  static final String SECOND_PASSWORD = "db-second-9e4b-pass";
  static final String REGISTRY_PASSWORD = "registry-3a8f-pass";
  static final String API_KEY = "api-key-5d1e-value";
  static final String DATABASE_URL = "postgres://app:pw-8c2f@db/app";
  static final List<String> VALUES = List.of(TOKEN, FIRST_PASSWORD, SECOND_PASSWORD, REGISTRY_PASSWORD, API_KEY,
      DATABASE_URL);

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();
  static final SecretsManagerClient secrets = emulator.sdk(SecretsManagerClient.builder());
  static final SsmClient ssm = emulator.sdk(SsmClient.builder());

  @AfterAll
  static void closeClients() {
    secrets.close();
    ssm.close();
  }

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("default"));
  }

  static Secret secret(String name, String valueFrom) {
    return Secret.builder().name(name).valueFrom(valueFrom).build();
  }

  static String database(String password, int port) {
    return "{\"password\":\"" + password + "\",\"port\":" + port + "}";
  }

  static Task run(ContainerDefinition container) {
    ecs.registerTaskDefinition(b -> b.family("secretive").executionRoleArn(EXECUTION_ROLE)
        .containerDefinitions(container));
    var response = ecs.runTask(b -> b.taskDefinition("secretive"));
    assertThat(response.failures()).isEmpty();
    return response.tasks().get(0);
  }

  static Map<String, String> environment(String containerId) {
    Map<String, String> env = new LinkedHashMap<>();
    Arrays.stream(docker().inspectContainerCmd(containerId).exec().getConfig().getEnv())
        .forEach(pair -> env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1)));
    return env;
  }

  static String describeTasks(String taskArn) {
    return emulator.post("DescribeTasks", "{\"tasks\":[\"" + taskArn + "\"]}").body();
  }

  @Test
  void everyFormOfValueFromReachesTheContainersEnvironmentAndNothingElse() {
    try (LogCapture log = new LogCapture()) {
      String token = secrets.createSecret(b -> b.name("app/token").secretString(TOKEN)).arn();
      var created = secrets.createSecret(b -> b.name("app/db").secretString(database(FIRST_PASSWORD, 5432)));
      secrets.putSecretValue(b -> b.secretId("app/db").secretString(database(SECOND_PASSWORD, 6543)));
      secrets.createSecret(b -> b.name("registry/creds")
          .secretString("{\"username\":\"ci\",\"password\":\"" + REGISTRY_PASSWORD + "\"}"));
      String db = created.arn();
      String partialDb = SECRET_ARN_PREFIX + "app/db";
      ssm.putParameter(b -> b.name("/web/api-key").type(ParameterType.STRING).value(API_KEY));
      ssm.putParameter(b -> b.name("/web/database-url").type(ParameterType.SECURE_STRING).value(DATABASE_URL));

      Task started = run(web("app", 64).toBuilder()
          .repositoryCredentials(r -> r.credentialsParameter("registry/creds")) // by name, as ECS allows
          .secrets(
              secret("TOKEN_FULL_ARN", token),
              secret("TOKEN_PARTIAL_ARN", SECRET_ARN_PREFIX + "app/token"),
              secret("DB_WHOLE", db),
              secret("DB_PASSWORD", db + ":password::"),
              secret("DB_PORT_PARTIAL_ARN", partialDb + ":port::"),
              secret("DB_PASSWORD_PREVIOUS", db + ":password:AWSPREVIOUS:"),
              secret("DB_PORT_OF_VERSION", db + ":port::" + created.versionId()),
              secret("API_KEY", "/web/api-key"),
              secret("API_KEY_BY_ARN", "arn:aws:ssm:us-east-1:" + ACCOUNT + ":parameter/web/api-key"),
              secret("DATABASE_URL", "/web/database-url"))
          .build());
      Task running = awaitStatus(ecs, started.taskArn(), "RUNNING");

      assertThat(environment(container(running, "app").runtimeId()))
          .containsEntry("TOKEN_FULL_ARN", TOKEN)
          .containsEntry("TOKEN_PARTIAL_ARN", TOKEN)
          .containsEntry("DB_WHOLE", database(SECOND_PASSWORD, 6543))
          .containsEntry("DB_PASSWORD", SECOND_PASSWORD)
          .containsEntry("DB_PORT_PARTIAL_ARN", "6543")
          .containsEntry("DB_PASSWORD_PREVIOUS", FIRST_PASSWORD)
          .containsEntry("DB_PORT_OF_VERSION", "5432")
          .containsEntry("API_KEY", API_KEY)
          .containsEntry("API_KEY_BY_ARN", API_KEY)
          .containsEntry("DATABASE_URL", DATABASE_URL)
          .doesNotContainValue(REGISTRY_PASSWORD);
      String definition = emulator.post("DescribeTaskDefinition", "{\"taskDefinition\":\"secretive\"}").body();
      assertThat(definition).contains(db + ":password:AWSPREVIOUS:", "registry/creds");
      ecs.stopTask(b -> b.task(started.taskArn()));
      awaitStatus(ecs, started.taskArn(), "STOPPED");
      for (String text : List.of(describeTasks(started.taskArn()), definition, log.text())) {
        assertThat(text).doesNotContain(VALUES);
      }
    }
  }

  @Test
  void aLogSecretOptionReachesTheLogDriversOptions() {
    ssm.putParameter(b -> b.name("/web/log-size").type(ParameterType.SECURE_STRING).value("7m"));

    Task started = run(web("app", 64).toBuilder().logConfiguration(l -> l.logDriver("json-file")
        .options(Map.of("max-file", "2")).secretOptions(secret("max-size", "/web/log-size"))).build());
    Task running = awaitStatus(ecs, started.taskArn(), "RUNNING");

    var logConfig = docker().inspectContainerCmd(container(running, "app").runtimeId()).exec().getHostConfig()
        .getLogConfig();
    assertThat(logConfig.getType().getType()).isEqualTo("json-file");
    assertThat(logConfig.getConfig()).containsEntry("max-size", "7m").containsEntry("max-file", "2");
  }

  @Test
  void aMissingSecretStopsTheTaskAsEcsStopsIt() {
    try (LogCapture log = new LogCapture()) {
      String missing = SECRET_ARN_PREFIX + "app/gone-AbCdEf";

      Task started = run(web("app", 64).toBuilder().secrets(secret("GONE", missing)).build());
      Task stopped = awaitStatus(ecs, started.taskArn(), "STOPPED");

      assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
      assertThat(stopped.stoppedReason()).isEqualTo(FRAME + "unable to retrieve secret from asm: service call has"
          + " been retried 1 time(s): failed to fetch secret " + missing + " from secrets manager:"
          + " ResourceNotFoundException: Secrets Manager can't find the specified secret.");
      assertThat(container(stopped, "app").runtimeId()).as("no container was made").isNull();
      assertThat(log.text()).contains(missing);
    }
  }

  @Test
  void aPlainNameIsAParameterEvenWhenASecretHasItAsOnEcs() {
    secrets.createSecret(b -> b.name("app-token").secretString(TOKEN));

    Task started = run(web("app", 64).toBuilder().secrets(secret("TOKEN", "app-token"), secret("KEY", "/web/gone"))
        .build());
    Task stopped = awaitStatus(ecs, started.taskArn(), "STOPPED");

    assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
    assertThat(stopped.stoppedReason()).isEqualTo(FRAME + "unable to retrieve secrets from ssm: service call has been"
        + " retried 1 time(s): invalid parameters: app-token,/web/gone");
  }

  @Test
  void aMissingJsonKeyOrVersionStopsTheTaskWithoutShowingTheSecret() {
    try (LogCapture log = new LogCapture()) {
      String db = secrets.createSecret(b -> b.name("app/db").secretString(database(FIRST_PASSWORD, 5432))).arn();

      Task noKey = run(web("app", 64).toBuilder().secrets(secret("USER", db + ":username::")).build());
      Task noPrevious = run(web("app", 64).toBuilder()
          .secrets(secret("OLD", db + ":password:AWSPREVIOUS:")).build());
      Task stoppedNoKey = awaitStatus(ecs, noKey.taskArn(), "STOPPED");
      Task stoppedNoPrevious = awaitStatus(ecs, noPrevious.taskArn(), "STOPPED");

      assertThat(stoppedNoKey.stopCodeAsString()).isEqualTo("TaskFailedToStart");
      assertThat(stoppedNoKey.stoppedReason()).isEqualTo(FRAME + "unable to retrieve secret from asm: retrieved"
          + " secret from Secrets Manager did not contain json key username");
      assertThat(stoppedNoPrevious.stopCodeAsString()).isEqualTo("TaskFailedToStart");
      assertThat(stoppedNoPrevious.stoppedReason()).isEqualTo(FRAME + "unable to retrieve secret from asm: service"
          + " call has been retried 1 time(s): failed to fetch secret " + db + " from secrets manager:"
          + " ResourceNotFoundException: Secrets Manager can't find the specified secret value for staging label:"
          + " AWSPREVIOUS");
      for (String text : List.of(describeTasks(noKey.taskArn()), describeTasks(noPrevious.taskArn()), log.text())) {
        assertThat(text).doesNotContain(VALUES);
      }
    }
  }

  @Test
  void aDockerErrorThatQuotesAValueIsScrubbedBeforeItIsStoredOrLogged() {
    try (LogCapture log = new LogCapture()) {
      String token = secrets.createSecret(b -> b.name("app/token").secretString(TOKEN)).arn();

      // Docker refuses the variable "=VALUE" an empty secret name makes, quoting it: "invalid environment variable".
      Task started = run(web("app", 64).toBuilder().secrets(secret("", token)).build());
      Task stopped = awaitStatus(ecs, started.taskArn(), "STOPPED");

      assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
      assertThat(stopped.stoppedReason()).startsWith("CannotCreateContainerError: ").contains("=***")
          .doesNotContain(TOKEN);
      assertThat(describeTasks(started.taskArn())).doesNotContain(TOKEN);
      assertThat(log.text()).contains("=***").doesNotContain(TOKEN);
    }
  }

  @Test
  void missingRegistryCredentialsStopTheTaskToo() {
    Task started = run(web("app", 64).toBuilder()
        .repositoryCredentials(r -> r.credentialsParameter("registry/none")).build());
    Task stopped = awaitStatus(ecs, started.taskArn(), "STOPPED");

    assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
    assertThat(stopped.stoppedReason()).isEqualTo(FRAME + "unable to get registry auth from asm: service call has"
        + " been retried 1 time(s): asm fetching secret from the service for registry/none:"
        + " ResourceNotFoundException: Secrets Manager can't find the specified secret.");
  }
}
