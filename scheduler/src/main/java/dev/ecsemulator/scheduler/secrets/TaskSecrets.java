package dev.ecsemulator.scheduler.secrets;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.error.AwsException;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.Secret;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.secretsmanager.SecretQueries;
import dev.ecsemulator.core.secretsmanager.error.SecretsManagerException;
import dev.ecsemulator.core.ssm.ParameterQueries;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.scheduler.runtime.RegistryAuth;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a task needs from the secret stores of its account, at launch, as the ECS agent's task resources do
 * ({@code asmauth}, {@code asmsecret}, {@code ssmsecret}): each container's registry credentials
 * ({@code repositoryCredentials.credentialsParameter}), its {@code secrets} and its log driver's
 * {@code secretOptions}. Secrets Manager values through {@link SecretQueries} (as GetSecretValue: a read is recorded
 * as the secret's LastAccessedDate), Parameter Store values through a {@link ParameterStore}, ten names a call per
 * region, as the agent batches them. A value is read once per launch however many containers use it.
 *
 * <p>The first value that cannot be read fails the whole launch ({@link SecretsUnavailable}): registry credentials
 * first, then Secrets Manager values, then parameters, each in definition order (the agent reads them in parallel and
 * reports what fails; which failure ECS names when several do is unverified). Thread-safe.
 */
public final class TaskSecrets {

  /** The agent's {@code ssmsecret.MaxBatchNum}: GetParameters takes at most ten names. */
  static final int PARAMETERS_PER_CALL = 10;

  private final SecretQueries secrets;
  private final ParameterStore parameters;

  public TaskSecrets(SecretQueries secrets, ParameterStore parameters) {
    this.secrets = secrets;
    this.parameters = parameters;
  }

  /** Reads the emulator's own stores: Secrets Manager and Parameter Store in {@code store}. */
  public static TaskSecrets reading(StateStore store, Clock clock) {
    return new TaskSecrets(new SecretQueries(store, clock), new SsmParameterStore(new ParameterQueries(store)));
  }

  /** Where each value of one container comes from. */
  private record Needs(String container, SecretReference.SecretsManager credentials,
      Map<String, SecretReference> environment, Map<String, SecretReference> logOptions) {}

  /**
   * The values {@code definition}'s containers need, read from the stores of {@code scope}'s account (in the region
   * a reference names, else {@code scope}'s); {@link ResolvedSecrets#NONE} when they need none, without a read.
   *
   * @throws SecretsUnavailable when one cannot be read: a missing secret, version, JSON key or parameter, a
   *     malformed reference or credentials secret; its reason is the task's stoppedReason
   */
  public ResolvedSecrets resolve(Scope scope, TaskDefinition definition) throws SecretsUnavailable {
    List<Needs> needs = needs(scope.region(), definition);
    if (needs.isEmpty()) {
      return ResolvedSecrets.NONE;
    }
    Map<String, RegistryAuth> auth = new LinkedHashMap<>();
    Map<SecretReference.SecretsManager, RegistryAuth> credentialsRead = new LinkedHashMap<>();
    for (Needs n : needs) {
      if (n.credentials() != null) {
        RegistryAuth read = credentialsRead.get(n.credentials());
        if (read == null) {
          read = RegistryCredentialsJson.parse(registryCredentials(scope, n.credentials()));
          credentialsRead.put(n.credentials(), read);
        }
        auth.put(n.container(), read);
      }
    }
    Map<SecretReference, String> values = new LinkedHashMap<>();
    for (SecretReference reference : references(needs)) {
      if (reference instanceof SecretReference.SecretsManager secret && !values.containsKey(secret)) {
        values.put(secret, secretValue(scope, secret));
      }
    }
    values.putAll(parameterValues(scope, references(needs)));
    Map<String, Map<String, String>> environment = new LinkedHashMap<>();
    Map<String, Map<String, String>> logOptions = new LinkedHashMap<>();
    for (Needs n : needs) {
      environment.put(n.container(), valuesOf(n.environment(), values));
      logOptions.put(n.container(), valuesOf(n.logOptions(), values));
    }
    return new ResolvedSecrets(environment, logOptions, auth);
  }

  private static List<Needs> needs(String taskRegion, TaskDefinition definition) throws SecretsUnavailable {
    List<Needs> needs = new ArrayList<>();
    for (ContainerDefinition c : nonNull(definition.containerDefinitions())) {
      SecretReference.SecretsManager credentials = null;
      if (c.repositoryCredentials() != null && c.repositoryCredentials().credentialsParameter() != null) {
        credentials = SecretReference.ofCredentialsParameter(c.repositoryCredentials().credentialsParameter(),
            taskRegion);
      }
      Map<String, SecretReference> environment = references(c.secrets(), taskRegion);
      Map<String, SecretReference> logOptions = references(
          c.logConfiguration() == null ? null : c.logConfiguration().secretOptions(), taskRegion);
      if (credentials != null || !environment.isEmpty() || !logOptions.isEmpty()) {
        needs.add(new Needs(c.name(), credentials, environment, logOptions));
      }
    }
    return needs;
  }

  private static Map<String, SecretReference> references(List<Secret> secrets, String taskRegion)
      throws SecretsUnavailable {
    Map<String, SecretReference> references = new LinkedHashMap<>();
    for (Secret secret : nonNull(secrets)) {
      references.put(secret.name(), SecretReference.ofValueFrom(secret.valueFrom(), taskRegion));
    }
    return references;
  }

  /** Every secret and parameter reference, once each, in definition order. */
  private static List<SecretReference> references(List<Needs> needs) {
    LinkedHashSet<SecretReference> all = new LinkedHashSet<>();
    for (Needs n : needs) {
      all.addAll(n.environment().values());
      all.addAll(n.logOptions().values());
    }
    return List.copyOf(all);
  }

  private String registryCredentials(Scope scope, SecretReference.SecretsManager reference)
      throws SecretsUnavailable {
    try {
      return getSecretString(scope, reference);
    } catch (SecretsManagerException e) {
      throw new SecretsUnavailable(
          SecretMessages.registryAuthNotFetched(reference.secretId(), e.errorCode(), e.getMessage()));
    }
  }

  private String secretValue(Scope scope, SecretReference.SecretsManager reference) throws SecretsUnavailable {
    String value;
    try {
      value = getSecretString(scope, reference);
    } catch (SecretsManagerException e) {
      throw new SecretsUnavailable(
          SecretMessages.secretNotFetched(reference.secretId(), e.errorCode(), e.getMessage()));
    }
    if (reference.jsonKey() == null) {
      return value;
    }
    Optional<String> field;
    try {
      field = JsonKeys.value(value, reference.jsonKey());
    } catch (IllegalArgumentException notAnObject) {
      throw new SecretsUnavailable(SecretMessages.notJson(reference.secretId(), reference.jsonKey()));
    }
    return field.orElseThrow(() -> new SecretsUnavailable(SecretMessages.jsonKeyMissing(reference.jsonKey())));
  }

  /** The version's SecretString; a binary secret reads as "" (the agent takes SecretString only). */
  private String getSecretString(Scope scope, SecretReference.SecretsManager reference) {
    String value = secrets.getValue(new Scope(scope.accountId(), reference.region()), reference.secretId(),
        reference.versionId(), reference.versionStage()).secretString();
    return value == null ? "" : value;
  }

  /** The parameters among {@code references}, by region, {@link #PARAMETERS_PER_CALL} names a call. */
  private Map<SecretReference, String> parameterValues(Scope scope, List<SecretReference> references)
      throws SecretsUnavailable {
    Map<String, List<String>> namesByRegion = new LinkedHashMap<>();
    for (SecretReference reference : references) {
      if (reference instanceof SecretReference.Parameter parameter) {
        namesByRegion.computeIfAbsent(parameter.region(), r -> new ArrayList<>()).add(parameter.name());
      }
    }
    Map<SecretReference, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> region : namesByRegion.entrySet()) {
      Scope regionScope = new Scope(scope.accountId(), region.getKey());
      List<String> names = region.getValue();
      for (int from = 0; from < names.size(); from += PARAMETERS_PER_CALL) {
        List<String> batch = names.subList(from, Math.min(names.size(), from + PARAMETERS_PER_CALL));
        ParameterStore.Lookup lookup;
        try {
          lookup = parameters.getParameters(regionScope, batch);
        } catch (AwsException e) {
          throw new SecretsUnavailable(SecretMessages.parametersNotFetched(e.errorCode(), e.getMessage()));
        }
        List<String> invalid = new ArrayList<>(lookup.invalid());
        batch.stream().filter(n -> !lookup.values().containsKey(n) && !invalid.contains(n)).forEach(invalid::add);
        if (!invalid.isEmpty()) {
          throw new SecretsUnavailable(SecretMessages.invalidParameters(invalid));
        }
        batch.forEach(name -> values.put(new SecretReference.Parameter(region.getKey(), name),
            lookup.values().get(name)));
      }
    }
    return values;
  }

  private static Map<String, String> valuesOf(Map<String, SecretReference> references,
      Map<SecretReference, String> values) {
    Map<String, String> resolved = new LinkedHashMap<>();
    references.forEach((name, reference) -> resolved.put(name, values.get(reference)));
    return resolved;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
