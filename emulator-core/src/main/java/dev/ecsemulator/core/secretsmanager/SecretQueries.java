package dev.ecsemulator.core.secretsmanager;

import static dev.ecsemulator.core.secretsmanager.SecretsManagerKinds.SECRET;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.secretsmanager.error.InvalidParameterException;
import dev.ecsemulator.core.secretsmanager.error.SecretsManagerException;
import dev.ecsemulator.core.secretsmanager.model.APIErrorType;
import dev.ecsemulator.core.secretsmanager.model.BatchGetSecretValueRequest;
import dev.ecsemulator.core.secretsmanager.model.BatchGetSecretValueResponse;
import dev.ecsemulator.core.secretsmanager.model.DescribeSecretResponse;
import dev.ecsemulator.core.secretsmanager.model.GetSecretValueResponse;
import dev.ecsemulator.core.secretsmanager.model.ListSecretVersionIdsRequest;
import dev.ecsemulator.core.secretsmanager.model.ListSecretVersionIdsResponse;
import dev.ecsemulator.core.secretsmanager.model.ListSecretsRequest;
import dev.ecsemulator.core.secretsmanager.model.ListSecretsResponse;
import dev.ecsemulator.core.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Secrets Manager operations that read secrets. Reading a value records the day it was read (LastAccessedDate,
 * which AWS truncates to the day), in a store write only when that day changes, so reads of a value write at most
 * once a day each. Thread-safe.
 */
public final class SecretQueries {

  private static final int LIST_DEFAULT_MAX = 100;
  private static final int BATCH_DEFAULT_MAX = 20;

  private final StateStore store;
  private final Clock clock;

  public SecretQueries(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A secret's version and the secret it belongs to. */
  private record Read(StoredSecret secret, StoredVersion version) {}

  /**
   * GetSecretValue: the version with {@code versionId}, else the one with {@code versionStage}, else AWSCURRENT.
   *
   * @throws dev.ecsemulator.core.secretsmanager.error.InvalidRequestException if the secret is scheduled for deletion
   */
  public GetSecretValueResponse getValue(Scope scope, String secretId, String versionId, String versionStage) {
    Instant now = clock.instant();
    Read read = store.read(scope, view -> {
      StoredSecret secret = SecretIds.requireLive(view, scope, secretId, now);
      return new Read(secret, VersionStages.select(secret, versionId, versionStage));
    });
    recordAccess(scope, List.of(read), now);
    return SecretShapes.value(read.secret(), read.version());
  }

  /**
   * BatchGetSecretValue: the AWSCURRENT values of the secrets listed (a secret that cannot be read is an entry of
   * Errors, with the error GetSecretValue would answer), or of the secrets the filters match, a page at a time.
   */
  public BatchGetSecretValueResponse batchGetValue(Scope scope, BatchGetSecretValueRequest request) {
    boolean byIds = request.secretIdList() != null;
    if (byIds == (request.filters() != null)) {
      throw new InvalidParameterException(SecretMessages.IDS_AND_FILTERS);
    }
    if (request.maxResults() != null && byIds) {
      throw new InvalidParameterException(SecretMessages.MAX_RESULTS_WITHOUT_FILTERS);
    }
    Instant now = clock.instant();
    List<APIErrorType> errors = new ArrayList<>();
    Paging.Page<Read> page = store.read(scope, view -> {
      if (byIds) {
        List<Read> reads = new ArrayList<>();
        for (String secretId : request.secretIdList()) {
          try {
            StoredSecret secret = SecretIds.requireLive(view, scope, secretId, now);
            reads.add(new Read(secret, VersionStages.select(secret, null, null)));
          } catch (SecretsManagerException e) {
            errors.add(new APIErrorType(e.errorCode(), e.getMessage(), secretId));
          }
        }
        return new Paging.Page<>(reads, null);
      }
      List<Read> matching = view.list(SECRET).stream()
          .filter(s -> !s.scheduledForDeletion() && SecretFilters.matches(s, scope.region(), request.filters()))
          .flatMap(s -> s.versionWith(VersionStages.CURRENT).map(v -> new Read(s, v)).stream())
          .toList();
      return SecretPaging.page(matching, r -> r.secret().name(), false, request.maxResults(), request.nextToken(),
          BATCH_DEFAULT_MAX);
    });
    recordAccess(scope, page.items(), now);
    return new BatchGetSecretValueResponse(byIds ? errors : null, page.nextToken(),
        page.items().stream().map(r -> SecretShapes.valueEntry(r.secret(), r.version())).toList());
  }

  /** DescribeSecret; a secret scheduled for deletion is described, with its DeletedDate. */
  public DescribeSecretResponse describe(Scope scope, String secretId) {
    Instant now = clock.instant();
    return store.read(scope, view -> SecretShapes.describe(SecretIds.require(view, scope, secretId, now),
        scope.region()));
  }

  /**
   * ListSecrets: by CreatedDate unless SortBy says otherwise, ascending unless SortOrder says desc (AWS's default
   * order is not documented; unverified), without the secrets scheduled for deletion unless IncludePlannedDeletion.
   */
  public ListSecretsResponse list(Scope scope, ListSecretsRequest request) {
    Instant now = clock.instant();
    boolean withDeleted = Boolean.TRUE.equals(request.includePlannedDeletion());
    boolean descending = "desc".equals(request.sortOrder());
    Function<StoredSecret, String> key = sortKey(request.sortBy());
    Comparator<StoredSecret> order = Comparator.comparing(key);
    List<StoredSecret> listed = store.read(scope, view -> view.list(SECRET).stream()
        .filter(s -> !s.goneAt(now) && (withDeleted || !s.scheduledForDeletion()))
        .filter(s -> SecretFilters.matches(s, scope.region(), request.filters()))
        .sorted(descending ? order.reversed() : order)
        .toList());
    Paging.Page<StoredSecret> page = SecretPaging.page(listed, key, descending, request.maxResults(),
        request.nextToken(), LIST_DEFAULT_MAX);
    return new ListSecretsResponse(page.nextToken(),
        page.items().stream().map(s -> SecretShapes.listEntry(s, scope.region())).toList());
  }

  /** The sort key: the date asked (millis, padded to sort as text), then the name, which is unique. */
  private static Function<StoredSecret, String> sortKey(String sortBy) {
    Function<StoredSecret, Instant> date = switch (sortBy == null ? "created-date" : sortBy) {
      case "name" -> null;
      case "last-accessed-date" -> StoredSecret::lastAccessedDate;
      case "last-changed-date" -> StoredSecret::lastChangedDate;
      default -> StoredSecret::createdDate;
    };
    if (date == null) {
      return StoredSecret::name;
    }
    return s -> {
      Instant when = date.apply(s);
      return String.format("%019d", when == null ? 0 : when.toEpochMilli()) + "\u0000" + s.name();
    };
  }

  /** ListSecretVersionIds: the versions with labels, and the deprecated ones too if asked; oldest first. */
  public ListSecretVersionIdsResponse listVersionIds(Scope scope, ListSecretVersionIdsRequest request) {
    Instant now = clock.instant();
    StoredSecret secret = store.read(scope, view -> SecretIds.require(view, scope, request.secretId(), now));
    boolean withDeprecated = Boolean.TRUE.equals(request.includeDeprecated());
    List<StoredVersion> versions = secret.versions().stream().filter(v -> withDeprecated || !v.deprecated()).toList();
    // Versions are kept oldest first, so their position is their order.
    Map<String, Integer> position = new HashMap<>();
    versions.forEach(v -> position.put(v.versionId(), position.size()));
    Paging.Page<StoredVersion> page = SecretPaging.page(versions,
        v -> String.format("%09d", position.get(v.versionId())), false, request.maxResults(), request.nextToken(),
        LIST_DEFAULT_MAX);
    return new ListSecretVersionIdsResponse(secret.arn(), secret.name(), page.nextToken(),
        page.items().stream().map(SecretShapes::versionEntry).toList());
  }

  /** Records that these values were read today, in one write, if that is news for any of them. */
  private void recordAccess(Scope scope, List<Read> reads, Instant now) {
    Instant day = now.truncatedTo(ChronoUnit.DAYS);
    Map<String, List<String>> stale = reads.stream()
        .filter(r -> !day.equals(r.secret().lastAccessedDate()) || !day.equals(r.version().lastAccessedDate()))
        .collect(Collectors.groupingBy(r -> r.secret().name(),
            Collectors.mapping(r -> r.version().versionId(), Collectors.toList())));
    if (stale.isEmpty()) {
      return;
    }
    store.write(scope, txn -> {
      stale.forEach((name, versionIds) -> txn.get(SECRET, name).filter(s -> !s.goneAt(now)).ifPresent(secret -> {
        StoredSecret accessed = secret;
        for (String versionId : versionIds) {
          accessed = accessed.accessedOn(versionId, day);
        }
        txn.put(SECRET, name, accessed);
      }));
      return null;
    });
  }
}
