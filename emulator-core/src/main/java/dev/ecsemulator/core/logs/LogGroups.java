package dev.ecsemulator.core.logs;

import static dev.ecsemulator.core.logs.LogsKinds.GROUP;
import static dev.ecsemulator.core.logs.LogsKinds.STREAM;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.logs.error.InvalidParameterException;
import dev.ecsemulator.core.logs.error.ResourceAlreadyExistsException;
import dev.ecsemulator.core.logs.error.ResourceNotFoundException;
import dev.ecsemulator.core.logs.error.TooManyTagsException;
import dev.ecsemulator.core.logs.model.CreateLogGroupRequest;
import dev.ecsemulator.core.logs.model.DescribeLogGroupsRequest;
import dev.ecsemulator.core.logs.model.DescribeLogGroupsResponse;
import dev.ecsemulator.core.logs.model.LogGroup;
import dev.ecsemulator.core.state.StateStore;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Log group operations: create, delete, describe, retention policies and tags. Thread-safe: every call is one store
 * transaction.
 */
public final class LogGroups {

  /** Recorded from AWS (LocalStack's snapshot tests). */
  static final String PREFIX_AND_PATTERN =
      "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.";
  /** The model's documentation says names can't start with it; the wording of the refusal is unverified. */
  static final String RESERVED_PREFIX = "aws/";
  /** "You can associate as many as 50 tags with a CloudWatch Logs resource." The wording is unverified. */
  static final int MAX_TAGS = 50;

  private final StateStore store;
  private final Clock clock;
  private final Runnable retentionChanged;

  /**
   * @param retentionChanged told after a retention policy was set, so that events it expired leave soon, not at the next
   *     periodic sweep
   */
  public LogGroups(StateStore store, Clock clock, Runnable retentionChanged) {
    this.store = store;
    this.clock = clock;
    this.retentionChanged = retentionChanged;
  }

  /**
   * CreateLogGroup. {@code kmsKeyId} is kept and shown, not checked against KMS; {@code logGroupClass} defaults to
   * STANDARD.
   *
   * @throws ResourceAlreadyExistsException "The specified log group already exists"
   */
  public void create(Scope scope, CreateLogGroupRequest request) {
    String name = request.logGroupName();
    if (name.startsWith(RESERVED_PREFIX)) {
      throw new InvalidParameterException("Log group names can't start with the string aws/");
    }
    checkTagCount(request.tags() == null ? 0 : request.tags().size(), name);
    store.write(scope, txn -> {
      if (txn.get(GROUP, LogKeys.group(name)).isPresent()) {
        throw new ResourceAlreadyExistsException(ResourceAlreadyExistsException.LOG_GROUP);
      }
      String logClass = request.logGroupClass() == null ? "STANDARD" : request.logGroupClass();
      txn.put(GROUP, LogKeys.group(name), new StoredLogGroup(name, clock.millis(), null, request.kmsKeyId(), logClass,
          Boolean.TRUE.equals(request.deletionProtectionEnabled()), request.tags(), 0, 0, 0));
      return null;
    });
  }

  /** DeleteLogGroup: the group, its streams and all their events. */
  public void delete(Scope scope, String name) {
    store.write(scope, txn -> {
      LogGroupRef.requireDeletable(txn, name);
      for (StoredLogStream stream : txn.listByKeyPrefix(STREAM, LogKeys.ofGroup(name))) {
        LogStreams.removeWithEvents(txn, stream);
      }
      txn.remove(GROUP, LogKeys.group(name));
      return null;
    });
  }

  /**
   * DescribeLogGroups, ASCII-sorted by name. With {@code logGroupNamePattern} (a case-sensitive substring) each group
   * shows only what AWS shows then: its ARNs, creation time, name, class and metric filter count.
   */
  public DescribeLogGroupsResponse describe(Scope scope, DescribeLogGroupsRequest request) {
    String prefix = request.logGroupNamePrefix();
    String pattern = request.logGroupNamePattern();
    if (prefix != null && pattern != null) {
      throw new InvalidParameterException(PREFIX_AND_PATTERN);
    }
    Predicate<StoredLogGroup> wanted = group -> (pattern == null || group.name().contains(pattern))
        && (request.logGroupClass() == null || request.logGroupClass().equals(group.logGroupClass()));
    if (request.logGroupIdentifiers() != null) {
      Set<String> names = new HashSet<>();
      request.logGroupIdentifiers().forEach(id -> names.add(nameOfIdentifier(scope, id)));
      wanted = wanted.and(group -> names.contains(group.name()));
    }
    Predicate<StoredLogGroup> filter = wanted;
    List<StoredLogGroup> groups = store.read(scope, view -> prefix == null
        ? view.list(GROUP, filter) : view.listByKeyPrefix(GROUP, prefix).stream().filter(filter).toList());
    LogsPaging.Page<StoredLogGroup> page =
        LogsPaging.page(groups, StoredLogGroup::name, false, request.limit(), request.nextToken());
    List<LogGroup> shown = page.items().stream().map(g -> show(scope, g, pattern == null)).toList();
    return new DescribeLogGroupsResponse(shown, page.nextToken());
  }

  /** A group identifier's name; a foreign ARN names no group here (an empty name matches none). */
  private static String nameOfIdentifier(Scope scope, String identifier) {
    return identifier.startsWith("arn:") ? LogArns.groupName(scope, identifier).orElse("") : identifier;
  }

  private static LogGroup show(Scope scope, StoredLogGroup group, boolean full) {
    LogGroup.Builder shown = LogGroup.builder()
        .logGroupName(group.name())
        .creationTime(group.creationTime())
        .arn(LogArns.groupWildcard(scope, group.name()))
        .logGroupArn(LogArns.group(scope, group.name()))
        .logGroupClass(group.logGroupClass())
        .metricFilterCount(0);
    if (full) {
      shown.retentionInDays(group.retentionInDays())
          .kmsKeyId(group.kmsKeyId())
          .storedBytes(group.storedBytes())
          .deletionProtectionEnabled(Boolean.TRUE.equals(group.deletionProtectionEnabled()));
    }
    return shown.build();
  }

  /**
   * PutRetentionPolicy. Events older than the policy are hidden from reads at once and removed soon after.
   *
   * @throws InvalidParameterException for a day count AWS does not offer
   */
  public void putRetention(Scope scope, String name, int days) {
    Retention.check(days);
    store.write(scope, txn -> {
      txn.put(GROUP, LogKeys.group(name), LogGroupRef.require(txn, name).withRetention(days));
      return null;
    });
    retentionChanged.run();
  }

  /**
   * PutLogGroupDeletionProtection: while on, DeleteLogGroup and DeleteLogStream refuse with a ValidationException.
   *
   * @param group a name or log group ARN
   */
  public void putDeletionProtection(Scope scope, String group, boolean enabled) {
    String name = LogGroupRef.nameOf(scope, null, group);
    store.write(scope, txn -> {
      txn.put(GROUP, LogKeys.group(name), LogGroupRef.require(txn, name).withDeletionProtection(enabled));
      return null;
    });
  }

  /** DeleteRetentionPolicy: the group's events never expire again. */
  public void deleteRetention(Scope scope, String name) {
    store.write(scope, txn -> {
      txn.put(GROUP, LogKeys.group(name), LogGroupRef.require(txn, name).withRetention(null));
      return null;
    });
  }

  /** TagResource (a log group ARN) and TagLogGroup: adds the tags, replacing the values of keys it already has. */
  public void tag(Scope scope, String group, Map<String, String> tags) {
    store.write(scope, txn -> {
      StoredLogGroup stored = LogGroupRef.require(txn, group);
      Map<String, String> merged = new TreeMap<>(stored.tags());
      merged.putAll(tags);
      checkTagCount(merged.size(), group);
      txn.put(GROUP, LogKeys.group(group), stored.withTags(merged));
      return null;
    });
  }

  /** UntagResource and UntagLogGroup: removes the keys; keys it does not have are ignored. */
  public void untag(Scope scope, String group, Collection<String> keys) {
    store.write(scope, txn -> {
      StoredLogGroup stored = LogGroupRef.require(txn, group);
      Map<String, String> kept = new TreeMap<>(stored.tags());
      keys.forEach(kept::remove);
      txn.put(GROUP, LogKeys.group(group), stored.withTags(kept));
      return null;
    });
  }

  /** ListTagsForResource and ListTagsLogGroup. */
  public Map<String, String> tags(Scope scope, String group) {
    return store.read(scope, view -> LogGroupRef.require(view, group).tags());
  }

  /**
   * The log group a tagging ARN names. CloudWatch Logs tags log groups and destinations; the emulator has no
   * destinations, so any other ARN names nothing.
   *
   * @throws ResourceNotFoundException "The specified log group does not exist."
   */
  public static String groupOfArn(Scope scope, String resourceArn) {
    return LogArns.groupName(scope, resourceArn).orElseThrow(ResourceNotFoundException::logGroup);
  }

  private static void checkTagCount(int count, String group) {
    if (count > MAX_TAGS) {
      throw new TooManyTagsException("A resource can have no more than " + MAX_TAGS + " tags.", group);
    }
  }
}
