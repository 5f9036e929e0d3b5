package dev.ecsemulator.core.ssm;

import static dev.ecsemulator.core.ssm.SsmKinds.PARAMETER;
import static dev.ecsemulator.core.ssm.SsmKinds.PARAMETER_VERSION;

import dev.ecsemulator.core.ssm.error.ParameterNotFound;
import dev.ecsemulator.core.ssm.error.ParameterVersionNotFound;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.state.StateView;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes of parameters and their versions in one scope's state: the one place that knows how a parameter is
 * laid out in the store (see {@link SsmKinds}).
 */
final class ParameterTable {

  private ParameterTable() {}

  static Optional<StoredParameter> find(StateView view, String name) {
    return view.get(PARAMETER, ParameterNames.canonical(name));
  }

  /** @throws ParameterNotFound if no parameter has the name */
  static StoredParameter require(StateView view, String name) {
    return find(view, name).orElseThrow(() -> new ParameterNotFound(SsmMessages.NOT_FOUND));
  }

  /** Its kept versions, oldest first. */
  static List<StoredParameterVersion> versions(StateView view, StoredParameter parameter) {
    return view.listByKeyPrefix(PARAMETER_VERSION, ParameterNames.versionsPrefix(key(parameter)));
  }

  static StoredParameterVersion latest(StateView view, StoredParameter parameter) {
    return version(view, parameter, parameter.latestVersion())
        .orElseThrow(() -> new IllegalStateException("the newest version of a parameter is missing"));
  }

  static Optional<StoredParameterVersion> version(StateView view, StoredParameter parameter, long version) {
    return view.get(PARAMETER_VERSION, ParameterNames.versionKey(key(parameter), version));
  }

  /**
   * The version a selector names: a number, or a label (labels never begin with a digit); the newest without one.
   *
   * @throws ParameterVersionNotFound for a number the parameter has no version of
   * @throws ParameterNotFound for a label no version has (as moto answers; unverified)
   */
  static StoredParameterVersion select(StateView view, StoredParameter parameter, String selector) {
    if (selector == null) {
      return latest(view, parameter);
    }
    if (selector.chars().allMatch(Character::isDigit)) {
      Optional<StoredParameterVersion> numbered = selector.length() > 18 ? Optional.empty()
          : version(view, parameter, Long.parseLong(selector));
      return numbered.orElseThrow(() -> new ParameterVersionNotFound(
          SsmMessages.versionNotFound(selector, parameter.name())));
    }
    return versions(view, parameter).stream().filter(v -> v.labels().contains(selector)).findFirst()
        .orElseThrow(() -> new ParameterNotFound(SsmMessages.NOT_FOUND));
  }

  static void put(StateTxn txn, StoredParameter parameter) {
    txn.put(PARAMETER, key(parameter), parameter);
  }

  static void putVersion(StateTxn txn, StoredParameter parameter, StoredParameterVersion version) {
    txn.put(PARAMETER_VERSION, ParameterNames.versionKey(key(parameter), version.version()), version);
  }

  static void removeVersion(StateTxn txn, StoredParameter parameter, StoredParameterVersion version) {
    txn.remove(PARAMETER_VERSION, ParameterNames.versionKey(key(parameter), version.version()));
  }

  /** Removes the parameter, every version and its tags. */
  static void delete(StateTxn txn, StoredParameter parameter) {
    for (StoredParameterVersion version : versions(txn, parameter)) {
      removeVersion(txn, parameter, version);
    }
    txn.remove(PARAMETER, key(parameter));
  }

  private static String key(StoredParameter parameter) {
    return ParameterNames.canonical(parameter.name());
  }
}
