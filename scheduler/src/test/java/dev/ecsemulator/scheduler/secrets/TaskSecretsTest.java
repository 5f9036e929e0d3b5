package dev.ecsemulator.scheduler.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.LogConfiguration;
import dev.ecsemulator.core.model.RepositoryCredentials;
import dev.ecsemulator.core.model.Secret;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.secretsmanager.SecretCommands;
import dev.ecsemulator.core.secretsmanager.SecretQueries;
import dev.ecsemulator.core.secretsmanager.SecretsManagerKinds;
import dev.ecsemulator.core.secretsmanager.model.CreateSecretRequest;
import dev.ecsemulator.core.secretsmanager.model.PutSecretValueRequest;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.state.KindRegistry;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.scheduler.runtime.ContainerSpec;
import dev.ecsemulator.scheduler.runtime.RegistryAuth;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A task definition's secrets read from a real Secrets Manager store in memory and a Parameter Store of a map (the
 * {@link ParameterStore} seam), with the reasons ECS gives when one is missing.
 */
class TaskSecretsTest {

  static final Scope SCOPE = new Scope("123456789012", "us-east-1");
  static final String FRAME = "ResourceInitializationError: unable to pull secrets or registry auth: execution"
      + " resource retrieval failed: ";

  final StateStore store = new InMemoryStateStore(KindRegistry.of(SecretsManagerKinds.all()));
  final Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
  final SecretCommands commands = new SecretCommands(store, clock, new Random(3));
  final Map<String, String> parameters = new LinkedHashMap<>();
  final List<List<String>> parameterCalls = new ArrayList<>();
  final TaskSecrets secrets = new TaskSecrets(new SecretQueries(store, clock), (scope, names) -> {
    parameterCalls.add(List.copyOf(names));
    Map<String, String> found = new LinkedHashMap<>();
    List<String> invalid = new ArrayList<>();
    names.forEach(n -> {
      String value = parameters.get(scope.region() + " " + n);
      if (value == null) {
        invalid.add(n);
      } else {
        found.put(n, value);
      }
    });
    return new ParameterStore.Lookup(found, invalid);
  });

  String create(Scope scope, String name, String value) {
    return commands.create(scope, CreateSecretRequest.builder().name(name).secretString(value).build()).arn();
  }

  String put(String secretId, String value) {
    return commands.putValue(SCOPE, new PutSecretValueRequest(null, null, null, secretId, value, null)).versionId();
  }

  static Secret secret(String name, String valueFrom) {
    return Secret.builder().name(name).valueFrom(valueFrom).build();
  }

  static TaskDefinition definition(ContainerDefinition... containers) {
    return TaskDefinition.builder().family("web").revision(1).containerDefinitions(List.of(containers)).build();
  }

  static ContainerDefinition app(Secret... secrets) {
    return ContainerDefinition.builder().name("app").image("img").secrets(List.of(secrets)).build();
  }

  static ContainerSpec spec() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("APP_ENV", "test");
    env.put("DB_PASSWORD", "x");
    return ContainerSpec.builder("ecs-web-1-app-0", "img").environment(env).build();
  }

  @Test
  void everyFormOfValueFromIsRead() throws Exception {
    String arn = create(SCOPE, "app/db", "{\"password\":\"first-pass\",\"port\":5432}");
    String secondVersion = put("app/db", "{\"password\":\"second-pass\"}");
    String plainArn = create(SCOPE, "app/token", "t0ken-value");
    String partial = arn.substring(0, arn.length() - 7);
    parameters.put("us-east-1 /web/api-key", "api-key-value");
    parameters.put("us-east-1 arn:aws:ssm:us-east-1:123456789012:parameter/web/other", "other-value");
    ContainerDefinition container = app(
        secret("FULL", plainArn),
        secret("PARTIAL", "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/token"),
        secret("KEY", arn + ":password::"),
        secret("PORT", partial + ":port:AWSPREVIOUS:"),
        secret("PREVIOUS", arn + ":password:AWSPREVIOUS:"),
        secret("BY_VERSION", arn + ":password::" + secondVersion),
        secret("PARAM", "/web/api-key"),
        secret("PARAM_ARN", "arn:aws:ssm:us-east-1:123456789012:parameter/web/other"));

    ResolvedSecrets values = secrets.resolve(SCOPE, definition(container));

    assertThat(values.inject(spec(), container).environment()).containsExactly(
        Map.entry("APP_ENV", "test"), Map.entry("DB_PASSWORD", "x"),
        Map.entry("FULL", "t0ken-value"), Map.entry("PARTIAL", "t0ken-value"), Map.entry("KEY", "second-pass"),
        Map.entry("PORT", "5432"), Map.entry("PREVIOUS", "first-pass"), Map.entry("BY_VERSION", "second-pass"),
        Map.entry("PARAM", "api-key-value"), Map.entry("PARAM_ARN", "other-value"));
    assertThat(parameterCalls).containsExactly(
        List.of("/web/api-key", "arn:aws:ssm:us-east-1:123456789012:parameter/web/other"));
    assertThat(values.toString()).doesNotContain("pass", "t0ken", "api-key-value");
  }

  @Test
  void aSecretReplacesAVariableOfItsNameAndAValueIsReadOncePerLaunch() throws Exception {
    create(SCOPE, "db", "db-pass");
    parameters.put("us-east-1 shared", "shared-value");
    ContainerDefinition app = app(secret("DB_PASSWORD", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"),
        secret("SHARED", "shared"));
    ContainerDefinition sidecar = ContainerDefinition.builder().name("sidecar").image("img")
        .secrets(List.of(secret("ALSO", "shared"))).build();

    ResolvedSecrets values = secrets.resolve(SCOPE, definition(app, sidecar));

    assertThat(values.inject(spec(), app).environment()).containsEntry("DB_PASSWORD", "db-pass");
    assertThat(values.inject(spec(), sidecar).environment()).containsEntry("ALSO", "shared-value")
        .doesNotContainKey("SHARED");
    assertThat(parameterCalls).containsExactly(List.of("shared"));
  }

  @Test
  void parametersAreReadTenNamesACallPerRegion() throws Exception {
    List<Secret> many = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      parameters.put("us-east-1 p" + i, "v" + i);
      many.add(secret("P" + i, "p" + i));
    }
    parameters.put("eu-west-1 arn:aws:ssm:eu-west-1:123456789012:parameter/far", "far-value");
    many.add(secret("FAR", "arn:aws:ssm:eu-west-1:123456789012:parameter/far"));

    ResolvedSecrets values = secrets.resolve(SCOPE, definition(app(many.toArray(Secret[]::new))));

    assertThat(parameterCalls).extracting(List::size).containsExactly(10, 2, 1);
    assertThat(values.inject(spec(), app()).environment()).containsEntry("P0", "v0").containsEntry("P11", "v11")
        .containsEntry("FAR", "far-value");
  }

  @Test
  void aMissingSecretVersionKeyOrParameterFailsTheLaunchWithEcssReason() {
    String arn = create(SCOPE, "app/db", "{\"password\":\"p\"}");
    String missing = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/gone-AbCdEf";

    assertThatThrownBy(() -> secrets.resolve(SCOPE, definition(app(secret("A", missing)))))
        .isInstanceOf(SecretsUnavailable.class)
        .hasMessage(FRAME + "unable to retrieve secret from asm: service call has been retried 1 time(s): failed to"
            + " fetch secret " + missing + " from secrets manager: ResourceNotFoundException: Secrets Manager can't"
            + " find the specified secret.");
    assertThatThrownBy(() -> secrets.resolve(SCOPE, definition(app(secret("A", arn + ":password:AWSPREVIOUS:")))))
        .hasMessage(FRAME + "unable to retrieve secret from asm: service call has been retried 1 time(s): failed to"
            + " fetch secret " + arn + " from secrets manager: ResourceNotFoundException: Secrets Manager can't find"
            + " the specified secret value for staging label: AWSPREVIOUS");
    assertThatThrownBy(() -> secrets.resolve(SCOPE, definition(app(secret("A", arn + ":user::")))))
        .hasMessage(FRAME + "unable to retrieve secret from asm: retrieved secret from Secrets Manager did not"
            + " contain json key user");
    assertThatThrownBy(() -> secrets.resolve(SCOPE, definition(app(secret("A", "/a"), secret("B", "/b")))))
        .hasMessage(FRAME + "unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid"
            + " parameters: /a,/b");
  }

  @Test
  void aSecretInAnotherRegionIsReadThereWhenItsArnSaysSo() throws Exception {
    Scope ireland = new Scope(SCOPE.accountId(), "eu-west-1");
    String arn = create(ireland, "far", "far-pass");

    ResolvedSecrets values = secrets.resolve(SCOPE, definition(app(secret("FAR", arn))));

    assertThat(values.inject(spec(), app(secret("FAR", arn))).environment()).containsEntry("FAR", "far-pass");
    assertThatThrownBy(() -> secrets.resolve(SCOPE, definition(app(secret("X",
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:far"))))).isInstanceOf(SecretsUnavailable.class);
  }

  @Test
  void registryCredentialsAndLogSecretOptionsAreReadToo() throws Exception {
    create(SCOPE, "registry", "{\"username\":\"ci\",\"password\":\"registry-pass\"}");
    create(SCOPE, "log-token", "token-value-1");
    ContainerDefinition gelf = ContainerDefinition.builder().name("app").image("r.example/app:1")
        .repositoryCredentials(RepositoryCredentials.builder().credentialsParameter("registry").build())
        .logConfiguration(LogConfiguration.builder().logDriver("gelf").options(Map.of("gelf-address", "udp://x:1"))
            .secretOptions(List.of(secret("token", "arn:aws:secretsmanager:us-east-1:123456789012:secret:log-token")))
            .build())
        .build();
    ContainerSpec spec = ContainerSpec.builder("n", "img")
        .log(new ContainerSpec.LogSpec("gelf", Map.of("gelf-address", "udp://x:1"))).build();

    ResolvedSecrets values = secrets.resolve(SCOPE, definition(gelf));

    assertThat(values.registryAuth("app")).isEqualTo(new RegistryAuth("ci", "registry-pass"));
    assertThat(values.inject(spec, gelf).log().options())
        .isEqualTo(Map.of("gelf-address", "udp://x:1", "token", "token-value-1"));
    ContainerSpec standIn = spec.toBuilder().log(new ContainerSpec.LogSpec("json-file", Map.of())).build();
    ContainerDefinition awslogs = gelf.toBuilder().logConfiguration(gelf.logConfiguration().toBuilder()
        .logDriver("awslogs").build()).build();
    assertThat(values.inject(standIn, awslogs).log().options())
        .as("json-file standing in for awslogs takes no awslogs options").isEmpty();
    assertThatThrownBy(() -> secrets.resolve(SCOPE, definition(gelf.toBuilder().repositoryCredentials(
        RepositoryCredentials.builder().credentialsParameter("nope").build()).build())))
        .hasMessage(FRAME + "unable to get registry auth from asm: service call has been retried 1 time(s): asm"
            + " fetching secret from the service for nope: ResourceNotFoundException: Secrets Manager can't find the"
            + " specified secret.");
  }

  @Test
  void aTaskWithoutSecretsReadsNothing() throws Exception {
    assertThat(secrets.resolve(SCOPE, definition(app()))).isSameAs(ResolvedSecrets.NONE);
    assertThat(parameterCalls).isEmpty();
  }

  @Test
  void valuesAreScrubbedFromTextAndFailures() throws Exception {
    create(SCOPE, "db", "hunter2-long");
    ContainerDefinition container = app(secret("DB", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"));
    ResolvedSecrets values = secrets.resolve(SCOPE, definition(container));

    assertThat(values.scrub("invalid env DB=hunter2-long")).isEqualTo("invalid env DB=***");
    RuntimeException bug = new IllegalStateException("outer hunter2-long",
        new IllegalArgumentException("inner hunter2-long"));
    RuntimeException scrubbed = values.scrub(bug);
    assertThat(scrubbed.getMessage()).isEqualTo("java.lang.IllegalStateException: outer ***");
    assertThat(scrubbed.getCause().getMessage()).isEqualTo("java.lang.IllegalArgumentException: inner ***");
    assertThat(scrubbed.getStackTrace()).isEqualTo(bug.getStackTrace());
    RuntimeException clean = new IllegalStateException("nothing to hide");
    assertThat(values.scrub(clean)).isSameAs(clean);
  }
}
