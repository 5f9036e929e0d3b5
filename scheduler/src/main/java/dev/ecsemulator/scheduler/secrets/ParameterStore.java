package dev.ecsemulator.scheduler.secrets;

import dev.ecsemulator.core.Scope;
import java.util.List;
import java.util.Map;

/**
 * The SSM Parameter Store as a task's secrets read it: {@code GetParameters(Names, WithDecryption=true)} in one
 * account and region, as the ECS agent calls it ({@code ssm.GetSecretsFromSSM}). {@link SsmParameterStore} reads the
 * emulator's own; a test may hand {@link TaskSecrets} another. Implementations are thread-safe.
 */
public interface ParameterStore {

  /**
   * The values of {@code names} (each a name or ARN, as ECS passes {@code valueFrom}), SecureStrings decrypted.
   *
   * @return the value of each name that names a parameter, keyed by the name as given, and the others as given
   * @throws dev.ecsemulator.core.error.AwsException an error Parameter Store answers the whole call with
   */
  Lookup getParameters(Scope scope, List<String> names);

  /**
   * What {@link #getParameters} found.
   *
   * @param values by the name as given; never shown by {@link #toString}
   * @param invalid the names that name no parameter, as given (GetParameters' {@code InvalidParameters})
   */
  record Lookup(Map<String, String> values, List<String> invalid) {

    public Lookup {
      values = Map.copyOf(values);
      invalid = List.copyOf(invalid);
    }

    @Override
    public String toString() {
      return "Lookup[values=" + values.keySet() + " (redacted), invalid=" + invalid + "]";
    }
  }
}
