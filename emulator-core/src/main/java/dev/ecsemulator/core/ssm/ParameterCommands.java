package dev.ecsemulator.core.ssm;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.ssm.error.InvalidAllowedPatternException;
import dev.ecsemulator.core.ssm.error.ParameterAlreadyExists;
import dev.ecsemulator.core.ssm.error.ParameterMaxVersionLimitExceeded;
import dev.ecsemulator.core.ssm.error.ParameterNotFound;
import dev.ecsemulator.core.ssm.error.ParameterPatternMismatchException;
import dev.ecsemulator.core.ssm.error.ParameterVersionLabelLimitExceeded;
import dev.ecsemulator.core.ssm.error.ParameterVersionNotFound;
import dev.ecsemulator.core.ssm.error.TooManyTagsError;
import dev.ecsemulator.core.ssm.error.ValidationException;
import dev.ecsemulator.core.ssm.model.DeleteParametersResult;
import dev.ecsemulator.core.ssm.model.LabelParameterVersionRequest;
import dev.ecsemulator.core.ssm.model.LabelParameterVersionResult;
import dev.ecsemulator.core.ssm.model.PutParameterRequest;
import dev.ecsemulator.core.ssm.model.PutParameterResult;
import dev.ecsemulator.core.ssm.model.Tag;
import dev.ecsemulator.core.ssm.model.UnlabelParameterVersionRequest;
import dev.ecsemulator.core.ssm.model.UnlabelParameterVersionResult;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The Parameter Store operations that change parameters. Each is one store write: it commits whole or leaves nothing
 * behind. Thread-safe.
 */
public final class ParameterCommands {

  /** Parameter Store keeps the 100 newest versions of a parameter (API reference, ParameterMaxVersionLimitExceeded). */
  static final int MAX_VERSIONS = 100;
  /** Most resources can have 50 tags (AddTagsToResource reference). */
  static final int MAX_TAGS = 50;
  static final String TEXT = "text";
  private static final Set<String> DATA_TYPES = Set.of(TEXT, "aws:ec2:image", "aws:ssm:integration");

  private final StateStore store;
  private final Clock clock;
  private final RandomGenerator random;

  /** @param random draws the ciphertexts SecureStrings are answered with (see {@link Ciphertexts}) */
  public ParameterCommands(StateStore store, Clock clock, RandomGenerator random) {
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  /**
   * PutParameter: a new parameter at version 1, or with Overwrite a new version of one. What the call leaves out is
   * the previous version's (type, description, allowed pattern, key, data type, tier, policies); a 101st version
   * deletes the oldest.
   *
   * @throws ParameterAlreadyExists without Overwrite for a name that is taken
   * @throws ParameterMaxVersionLimitExceeded if the oldest of 100 versions has a label
   */
  public PutParameterResult put(Scope scope, PutParameterRequest request) {
    String name = ParameterNames.requireValidNew(scope, request.name());
    boolean overwrite = Boolean.TRUE.equals(request.overwrite());
    requireValidPut(request, overwrite);
    Optional<List<String>> policies = Optional.ofNullable(request.policies()).map(ParameterPolicies::parse);
    Instant now = clock.instant();
    return store.write(scope, txn -> {
      Optional<StoredParameter> existing = ParameterTable.find(txn, name);
      if (existing.isPresent() && !overwrite) {
        throw new ParameterAlreadyExists(SsmMessages.ALREADY_EXISTS);
      }
      StoredParameterVersion previous = existing.map(p -> ParameterTable.latest(txn, p)).orElse(null);
      StoredParameterVersion version = nextVersion(scope, request, previous, policies, now,
          existing.map(p -> p.latestVersion() + 1).orElse(1L));
      StoredParameter parameter = existing.orElseGet(() -> new StoredParameter(name, ParameterNames.arn(scope, name),
          distinctKeys(request.tags()), 0)).withLatestVersion(version.version());
      List<StoredParameterVersion> kept = ParameterTable.versions(txn, parameter);
      if (kept.size() >= MAX_VERSIONS) {
        StoredParameterVersion oldest = kept.get(0);
        if (!oldest.labels().isEmpty()) {
          throw new ParameterMaxVersionLimitExceeded(
              SsmMessages.oldestVersionLabelled(parameter.name(), oldest.version()));
        }
        ParameterTable.removeVersion(txn, parameter, oldest);
      }
      ParameterTable.put(txn, parameter);
      ParameterTable.putVersion(txn, parameter, version);
      return PutParameterResult.builder().version(version.version()).tier(version.tier()).build();
    });
  }

  /** The checks of a PutParameter that need no state. */
  private static void requireValidPut(PutParameterRequest request, boolean overwrite) {
    if (request.value().isEmpty()) {
      throw new ValidationException(SsmMessages.EMPTY_VALUE);
    }
    if (overwrite && request.tags() != null && !request.tags().isEmpty()) {
      throw new ValidationException(SsmMessages.TAGS_WITH_OVERWRITE);
    }
    if (request.tags() != null && distinctKeys(request.tags()).size() > MAX_TAGS) {
      throw new TooManyTagsError(SsmMessages.TOO_MANY_TAGS);
    }
    if (request.dataType() != null && !request.dataType().isEmpty() && !DATA_TYPES.contains(request.dataType())) {
      throw new ValidationException(SsmMessages.unsupportedDataType(request.dataType()));
    }
    if (request.keyId() != null && request.type() != null && !request.type().equals(ParameterTypes.SECURE_STRING)) {
      throw new ValidationException(SsmMessages.KEY_ID_NOT_SECURE);
    }
    if (request.allowedPattern() != null) {
      compile(request.allowedPattern());
    }
  }

  /** The version a PutParameter makes, completed from the previous one (null for a new parameter). */
  private StoredParameterVersion nextVersion(Scope scope, PutParameterRequest request,
      StoredParameterVersion previous, Optional<List<String>> requestedPolicies, Instant now, long number) {
    if (previous == null && request.type() == null) {
      throw new ValidationException(SsmMessages.TYPE_REQUIRED);
    }
    String type = request.type() != null ? request.type() : previous.type();
    boolean secure = type.equals(ParameterTypes.SECURE_STRING);
    if (request.keyId() != null && !secure) {
      throw new ValidationException(SsmMessages.KEY_ID_NOT_SECURE);
    }
    String keyId = !secure ? null
        : request.keyId() != null ? request.keyId()
        : previous != null && previous.secure() ? previous.keyId()
        : ParameterTypes.DEFAULT_KEY_ID;
    String allowedPattern = request.allowedPattern() != null ? request.allowedPattern()
        : previous != null ? previous.allowedPattern() : null;
    String value = request.value();
    if (allowedPattern != null && !allowedPattern.isEmpty() && !AllowedPatterns.matches(compile(allowedPattern), value)) {
      throw new ParameterPatternMismatchException(SsmMessages.patternMismatch(allowedPattern));
    }
    List<String> policies = requestedPolicies.orElse(previous != null ? previous.policies() : List.of());
    String tier = Tiers.decide(request.tier(), previous != null ? previous.tier() : null,
        value.getBytes(StandardCharsets.UTF_8).length, !policies.isEmpty());
    String description = request.description() != null ? request.description()
        : previous != null ? previous.description() : null;
    String dataType = request.dataType() != null && !request.dataType().isEmpty() ? request.dataType()
        : previous != null ? previous.dataType() : TEXT;
    return new StoredParameterVersion(number, type, value, secure ? Ciphertexts.of(random, value) : null, keyId,
        description, allowedPattern, dataType, tier, policies, List.of(), now, lastModifiedUser(scope));
  }

  /**
   * DeleteParameter: the parameter, every version and its tags. Names only, not ARNs (API reference).
   *
   * @throws ParameterNotFound if no parameter has the name
   */
  public void delete(Scope scope, String name) {
    store.write(scope, txn -> {
      ParameterTable.delete(txn, ParameterTable.require(txn, ParameterNames.requireName(name)));
      return null;
    });
  }

  /** DeleteParameters: those of the names that exist; the others are answered as InvalidParameters. */
  public DeleteParametersResult deleteAll(Scope scope, List<String> names) {
    return store.write(scope, txn -> {
      List<String> deleted = new ArrayList<>();
      List<String> invalid = new ArrayList<>();
      for (String name : new LinkedHashSet<>(names)) {
        Optional<StoredParameter> found = ParameterTable.find(txn, name.strip());
        found.ifPresent(parameter -> ParameterTable.delete(txn, parameter));
        (found.isPresent() ? deleted : invalid).add(name);
      }
      return DeleteParametersResult.builder().deletedParameters(deleted).invalidParameters(invalid).build();
    });
  }

  /**
   * LabelParameterVersion: attaches the valid labels to the version (the newest if none is given), moving each from
   * the version of the parameter that had it; invalid ones are answered, not attached.
   *
   * @throws ParameterVersionNotFound if the parameter has no such version
   * @throws ParameterVersionLabelLimitExceeded if the version would have more than 10 labels
   */
  public LabelParameterVersionResult label(Scope scope, LabelParameterVersionRequest request) {
    return store.write(scope, txn -> {
      StoredParameter parameter = ParameterTable.require(txn, ParameterNames.requireName(request.name()));
      long number = request.parameterVersion() != null ? request.parameterVersion() : parameter.latestVersion();
      StoredParameterVersion target = requireVersion(txn, parameter, number);
      List<String> labels = new ArrayList<>(target.labels());
      List<String> invalid = new ArrayList<>();
      for (String label : new LinkedHashSet<>(request.labels())) {
        if (!ParameterLabels.valid(label)) {
          invalid.add(label);
        } else if (!labels.contains(label)) {
          labels.add(label);
        }
      }
      if (labels.size() > ParameterLabels.MAX_PER_VERSION) {
        throw new ParameterVersionLabelLimitExceeded(SsmMessages.TOO_MANY_LABELS);
      }
      for (StoredParameterVersion other : ParameterTable.versions(txn, parameter)) {
        if (other.version() != number && other.labels().stream().anyMatch(labels::contains)) {
          ParameterTable.putVersion(txn, parameter,
              other.withLabels(other.labels().stream().filter(l -> !labels.contains(l)).toList()));
        }
      }
      ParameterTable.putVersion(txn, parameter, target.withLabels(labels));
      return LabelParameterVersionResult.builder().invalidLabels(invalid).parameterVersion(number).build();
    });
  }

  /** UnlabelParameterVersion: removes the labels the version has; the others are answered as InvalidLabels. */
  public UnlabelParameterVersionResult unlabel(Scope scope, UnlabelParameterVersionRequest request) {
    return store.write(scope, txn -> {
      StoredParameter parameter = ParameterTable.require(txn, ParameterNames.requireName(request.name()));
      StoredParameterVersion target = requireVersion(txn, parameter, request.parameterVersion());
      List<String> removed = new ArrayList<>();
      List<String> invalid = new ArrayList<>();
      for (String label : new LinkedHashSet<>(request.labels())) {
        (target.labels().contains(label) ? removed : invalid).add(label);
      }
      ParameterTable.putVersion(txn, parameter,
          target.withLabels(target.labels().stream().filter(l -> !removed.contains(l)).toList()));
      return UnlabelParameterVersionResult.builder().removedLabels(removed).invalidLabels(invalid).build();
    });
  }

  /**
   * AddTagsToResource for a parameter: adds the tags, replacing the values of keys it has.
   *
   * @throws dev.ecsemulator.core.ssm.error.InvalidResourceId unless the type is Parameter and the ID names one
   * @throws TooManyTagsError if it would have more than 50
   */
  public void tag(Scope scope, String resourceType, String resourceId, List<Tag> tags) {
    store.write(scope, txn -> {
      StoredParameter parameter = ParameterResources.require(txn, scope, resourceType, resourceId);
      List<Tag> merged = new ArrayList<>(parameter.tags());
      merged.addAll(tags);
      List<Tag> distinct = distinctKeys(merged);
      if (distinct.size() > MAX_TAGS) {
        throw new TooManyTagsError(SsmMessages.TOO_MANY_TAGS);
      }
      ParameterTable.put(txn, parameter.withTags(distinct));
      return null;
    });
  }

  /**
   * RemoveTagsFromResource for a parameter: keys it does not have are ignored.
   *
   * @throws dev.ecsemulator.core.ssm.error.InvalidResourceId unless the type is Parameter and the ID names one
   */
  public void untag(Scope scope, String resourceType, String resourceId, List<String> keys) {
    store.write(scope, txn -> {
      StoredParameter parameter = ParameterResources.require(txn, scope, resourceType, resourceId);
      ParameterTable.put(txn, parameter.withTags(
          parameter.tags().stream().filter(tag -> !keys.contains(tag.key())).toList()));
      return null;
    });
  }

  private static StoredParameterVersion requireVersion(StateTxn txn, StoredParameter parameter, long number) {
    return ParameterTable.version(txn, parameter, number).orElseThrow(() -> new ParameterVersionNotFound(
        SsmMessages.versionNotFound(Long.toString(number), parameter.name())));
  }

  /** Who made a version: the account's root user, as ECS's registeredBy has it (the emulator checks no identity). */
  private static String lastModifiedUser(Scope scope) {
    return "arn:aws:iam::" + scope.accountId() + ":root";
  }

  private static Pattern compile(String allowedPattern) {
    try {
      return Pattern.compile(allowedPattern);
    } catch (PatternSyntaxException e) {
      throw new InvalidAllowedPatternException(SsmMessages.INVALID_ALLOWED_PATTERN);
    }
  }

  /** The tags with one per key, the last given winning, in the order keys first appear. */
  private static List<Tag> distinctKeys(List<Tag> tags) {
    Map<String, Tag> byKey = new LinkedHashMap<>();
    for (Tag tag : tags == null ? List.<Tag>of() : tags) {
      byKey.put(tag.key(), tag);
    }
    return List.copyOf(byKey.values());
  }
}
