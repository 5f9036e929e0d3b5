package dev.ecsemulator.scheduler.secrets;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.scheduler.runtime.ContainerSpec;
import dev.ecsemulator.scheduler.runtime.RegistryAuth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values one launch of a task read from Secrets Manager and Parameter Store, by container: held in memory for
 * the launch only, handed to Docker and nowhere else (never stored, logged or put in an answer). {@link #toString}
 * shows no value; {@link #scrub} takes them out of text that is about to be logged or stored. Immutable.
 */
public final class ResolvedSecrets {

  /** A task without secrets, log secret options or registry credentials. */
  public static final ResolvedSecrets NONE = new ResolvedSecrets(Map.of(), Map.of(), Map.of());

  /**
   * Values shorter than this are not scrubbed from text: replacing every "ab" would make an error message unreadable,
   * and so short a value is no secret worth the name.
   */
  static final int SCRUB_MIN_LENGTH = 4;
  static final String MASK = "***";

  private final Map<String, Map<String, String>> environment;
  private final Map<String, Map<String, String>> logOptions;
  private final Map<String, RegistryAuth> registryAuth;
  /** Every value, longest first, so that a value containing another is masked whole. */
  private final List<String> values;

  ResolvedSecrets(Map<String, Map<String, String>> environment, Map<String, Map<String, String>> logOptions,
      Map<String, RegistryAuth> registryAuth) {
    this.environment = copy(environment);
    this.logOptions = copy(logOptions);
    this.registryAuth = Map.copyOf(registryAuth);
    Set<String> all = new LinkedHashSet<>();
    this.environment.values().forEach(m -> all.addAll(m.values()));
    this.logOptions.values().forEach(m -> all.addAll(m.values()));
    this.registryAuth.values().forEach(a -> all.add(a.password()));
    this.values = all.stream().filter(v -> v.length() >= SCRUB_MIN_LENGTH)
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> byContainer) {
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    byContainer.forEach((container, vars) -> copy.put(container,
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vars))));
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** The credentials to pull {@code containerName}'s image with, or null when it has none. */
  public RegistryAuth registryAuth(String containerName) {
    return registryAuth.get(containerName);
  }

  /**
   * {@code spec} with the container's secrets added to its environment (a secret replaces a variable of the same
   * name, as the agent merges secrets last) and its log secret options added to its log driver's options. Options
   * are added only when the spec runs the definition's own driver: a driver the emulator runs as {@code json-file}
   * (awslogs, splunk, awsfirelens) would refuse options meant for another.
   */
  public ContainerSpec inject(ContainerSpec spec, ContainerDefinition container) {
    Map<String, String> env = environment.getOrDefault(container.name(), Map.of());
    Map<String, String> options = logOptions.getOrDefault(container.name(), Map.of());
    if (env.isEmpty() && options.isEmpty()) {
      return spec;
    }
    ContainerSpec.Builder builder = spec.toBuilder();
    if (!env.isEmpty()) {
      Map<String, String> merged = new LinkedHashMap<>(spec.environment());
      merged.putAll(env);
      builder.environment(merged);
    }
    ContainerSpec.LogSpec log = spec.log();
    if (!options.isEmpty() && log != null && container.logConfiguration() != null
        && log.driver().equals(container.logConfiguration().logDriver())) {
      Map<String, String> merged = new LinkedHashMap<>(log.options());
      merged.putAll(options);
      builder.log(new ContainerSpec.LogSpec(log.driver(), merged));
    }
    return builder.build();
  }

  /** {@code text} with every value (of {@link #SCRUB_MIN_LENGTH} characters or more) replaced by {@code ***}. */
  public String scrub(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String scrubbed = text;
    for (String value : values) {
      scrubbed = scrubbed.replace(value, MASK);
    }
    return scrubbed;
  }

  /**
   * {@code failure} itself when no message of it or its causes holds a value; else a copy whose messages are
   * scrubbed, with the same stack traces, so that logging it shows where it came from and nothing else.
   */
  public RuntimeException scrub(RuntimeException failure) {
    if (!leaks(failure)) {
      return failure;
    }
    return (RuntimeException) scrubbed(failure);
  }

  private boolean leaks(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.equals(scrub(message))) {
        return true;
      }
    }
    return false;
  }

  private Throwable scrubbed(Throwable failure) {
    Throwable cause = failure.getCause() == null || failure.getCause() == failure ? null : scrubbed(failure.getCause());
    Redacted copy = new Redacted(failure.getClass().getName() + ": " + scrub(failure.getMessage()), cause);
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  /** A failure retold without the values its message held; its message starts with the original's class. */
  static final class Redacted extends RuntimeException {
    Redacted(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Override
  public String toString() {
    return "ResolvedSecrets[containers=" + environment.keySet() + ", values redacted]";
  }
}
