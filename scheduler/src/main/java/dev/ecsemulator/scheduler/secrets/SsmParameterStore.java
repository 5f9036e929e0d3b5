package dev.ecsemulator.scheduler.secrets;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.ssm.ParameterQueries;
import dev.ecsemulator.core.ssm.error.ParameterNotFound;
import dev.ecsemulator.core.ssm.error.ParameterVersionNotFound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own Parameter Store ({@code core.ssm}) as task secrets read it: each name as GetParameters resolves
 * it (a name or ARN, with a {@code :version} or {@code :label} selector if given), SecureStrings decrypted; a name
 * that names no parameter version is invalid, as in GetParameters' InvalidParameters. Thread-safe.
 */
final class SsmParameterStore implements ParameterStore {

  private final ParameterQueries parameters;

  SsmParameterStore(ParameterQueries parameters) {
    this.parameters = parameters;
  }

  /** @throws dev.ecsemulator.core.ssm.error.ValidationException for a name GetParameters refuses outright */
  @Override
  public Lookup getParameters(Scope scope, List<String> names) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> invalid = new ArrayList<>();
    for (String name : names) {
      try {
        values.put(name, parameters.get(scope, name, true).parameter().value());
      } catch (ParameterNotFound | ParameterVersionNotFound e) {
        invalid.add(name);
      }
    }
    return new Lookup(values, invalid);
  }
}
