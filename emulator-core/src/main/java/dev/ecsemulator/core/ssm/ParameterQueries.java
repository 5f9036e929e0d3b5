package dev.ecsemulator.core.ssm;

import static dev.ecsemulator.core.ssm.SsmKinds.PARAMETER;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.ssm.error.InvalidNextToken;
import dev.ecsemulator.core.ssm.error.ParameterNotFound;
import dev.ecsemulator.core.ssm.error.ParameterVersionNotFound;
import dev.ecsemulator.core.ssm.error.ValidationException;
import dev.ecsemulator.core.ssm.model.DescribeParametersRequest;
import dev.ecsemulator.core.ssm.model.DescribeParametersResult;
import dev.ecsemulator.core.ssm.model.GetParameterHistoryRequest;
import dev.ecsemulator.core.ssm.model.GetParameterHistoryResult;
import dev.ecsemulator.core.ssm.model.GetParameterResult;
import dev.ecsemulator.core.ssm.model.GetParametersByPathRequest;
import dev.ecsemulator.core.ssm.model.GetParametersByPathResult;
import dev.ecsemulator.core.ssm.model.GetParametersResult;
import dev.ecsemulator.core.ssm.model.ListTagsForResourceResult;
import dev.ecsemulator.core.ssm.model.Parameter;
import dev.ecsemulator.core.ssm.model.ParameterHistory;
import dev.ecsemulator.core.ssm.model.ParameterMetadata;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The Parameter Store operations that read parameters. Each reads one consistent snapshot. Thread-safe. */
public final class ParameterQueries {

  static final int BY_PATH_DEFAULT_MAX = 10;
  static final int DESCRIBE_DEFAULT_MAX = 50;
  static final int HISTORY_DEFAULT_MAX = 50;

  private final StateStore store;

  public ParameterQueries(StateStore store) {
    this.store = store;
  }

  /**
   * GetParameter: by name or ARN, with an optional {@code :version} or {@code :label} selector.
   *
   * @throws ParameterNotFound if no parameter has the name (or no version the label)
   * @throws ParameterVersionNotFound if it has no version of the number
   */
  public GetParameterResult get(Scope scope, String name, boolean decrypt) {
    return store.read(scope, view -> {
      ParameterNames.Reference reference = ParameterNames.resolve(scope, name)
          .orElseThrow(() -> new ParameterNotFound(SsmMessages.NOT_FOUND));
      return new GetParameterResult(find(view, reference, decrypt));
    });
  }

  /**
   * GetParameters: those of the names (or ARNs, with selectors) that name a parameter version, alphabetically (API
   * reference); the others, as given, in InvalidParameters.
   */
  public GetParametersResult getAll(Scope scope, List<String> names, boolean decrypt) {
    return store.read(scope, view -> {
      List<Parameter> found = new ArrayList<>();
      List<String> invalid = new ArrayList<>();
      for (String name : new LinkedHashSet<>(names)) {
        Optional<ParameterNames.Reference> reference = ParameterNames.resolve(scope, name);
        try {
          found.add(find(view, reference.orElseThrow(() -> new ParameterNotFound(SsmMessages.NOT_FOUND)), decrypt));
        } catch (ParameterNotFound | ParameterVersionNotFound e) {
          invalid.add(name);
        }
      }
      found.sort(Comparator.comparing(Parameter::name));
      return GetParametersResult.builder().parameters(found).invalidParameters(invalid).build();
    });
  }

  private static Parameter find(StateView view, ParameterNames.Reference reference, boolean decrypt) {
    StoredParameter parameter = ParameterTable.require(view, reference.name());
    StoredParameterVersion version = ParameterTable.select(view, parameter, reference.selector());
    return ParameterShapes.parameter(parameter, version, reference.selector(), decrypt);
  }

  /**
   * GetParametersByPath: the parameters one level below the path, or every level with Recursive, by name; a Label
   * filter answers the version that has the label.
   *
   * @throws ValidationException for a path that is not a hierarchy path
   */
  public GetParametersByPathResult byPath(Scope scope, GetParametersByPathRequest request) {
    String path = request.path().strip();
    if (!ParameterFilters.validPath(path)) {
      throw new ValidationException(SsmMessages.INVALID_PATH);
    }
    ParameterFilters.Filter under = new ParameterFilters.Filter("Path",
        Boolean.TRUE.equals(request.recursive()) ? "Recursive" : "OneLevel", List.of(path));
    List<ParameterFilters.Filter> filters =
        ParameterFilters.check(request.parameterFilters(), ParameterFilters.Operation.BY_PATH);
    boolean decrypt = Boolean.TRUE.equals(request.withDecryption());
    return store.read(scope, view -> {
      List<Parameter> matching = new ArrayList<>();
      for (StoredParameter parameter : sortedByName(view)) {
        Optional<StoredParameterVersion> version = versionFor(view, parameter, filters);
        if (version.isPresent() && under.matches(parameter, version.get())
            && ParameterFilters.matchAll(filters, parameter, version.get())) {
          matching.add(ParameterShapes.parameter(parameter, version.get(), null, decrypt));
        }
      }
      Paging.Page<Parameter> page = page(matching, p -> sortKey(p.name()), request.maxResults(),
          request.nextToken(), BY_PATH_DEFAULT_MAX);
      return GetParametersByPathResult.builder().parameters(page.items()).nextToken(page.nextToken()).build();
    });
  }

  /** The newest version, or with a Label filter the version that has one of its labels (if any does). */
  private static Optional<StoredParameterVersion> versionFor(StateView view, StoredParameter parameter,
      List<ParameterFilters.Filter> filters) {
    Optional<ParameterFilters.Filter> label = filters.stream()
        .filter(f -> f.key().equals(ParameterFilters.LABEL)).findFirst();
    if (label.isEmpty()) {
      return Optional.of(ParameterTable.latest(view, parameter));
    }
    return ParameterTable.versions(view, parameter).stream()
        .filter(v -> v.labels().stream().anyMatch(label.get().values()::contains)).findFirst();
  }

  /**
   * DescribeParameters: the metadata of the parameters that match, by name.
   *
   * @throws ValidationException if both Filters and ParameterFilters are given
   */
  public DescribeParametersResult describe(Scope scope, DescribeParametersRequest request) {
    if (request.filters() != null && !request.filters().isEmpty()
        && request.parameterFilters() != null && !request.parameterFilters().isEmpty()) {
      throw new ValidationException(SsmMessages.FILTERS_AND_PARAMETER_FILTERS);
    }
    List<ParameterFilters.Filter> filters = new ArrayList<>(ParameterFilters.legacy(request.filters()));
    filters.addAll(ParameterFilters.check(request.parameterFilters(), ParameterFilters.Operation.DESCRIBE));
    return store.read(scope, view -> {
      List<ParameterMetadata> matching = new ArrayList<>();
      for (StoredParameter parameter : sortedByName(view)) {
        StoredParameterVersion latest = ParameterTable.latest(view, parameter);
        if (ParameterFilters.matchAll(filters, parameter, latest)) {
          matching.add(ParameterShapes.metadata(parameter, latest));
        }
      }
      Paging.Page<ParameterMetadata> page = page(matching, m -> sortKey(m.name()), request.maxResults(),
          request.nextToken(), DESCRIBE_DEFAULT_MAX);
      return DescribeParametersResult.builder().parameters(page.items()).nextToken(page.nextToken()).build();
    });
  }

  /**
   * GetParameterHistory: every kept version, oldest first, with its labels.
   *
   * @throws ParameterNotFound if no parameter has the name
   */
  public GetParameterHistoryResult history(Scope scope, GetParameterHistoryRequest request) {
    boolean decrypt = Boolean.TRUE.equals(request.withDecryption());
    return store.read(scope, view -> {
      StoredParameter parameter = ParameterNames.resolve(scope, request.name())
          .filter(reference -> !reference.hasSelector())
          .flatMap(reference -> ParameterTable.find(view, reference.name()))
          .orElseThrow(() -> new ParameterNotFound(SsmMessages.NOT_FOUND));
      List<ParameterHistory> versions = ParameterTable.versions(view, parameter).stream()
          .map(v -> ParameterShapes.history(parameter, v, decrypt)).toList();
      Paging.Page<ParameterHistory> page = page(versions, h -> String.format(Locale.ROOT, "%019d", h.version()),
          request.maxResults(), request.nextToken(), HISTORY_DEFAULT_MAX);
      return GetParameterHistoryResult.builder().parameters(page.items()).nextToken(page.nextToken()).build();
    });
  }

  /** ListTagsForResource of a parameter. */
  public ListTagsForResourceResult tags(Scope scope, String resourceType, String resourceId) {
    return store.read(scope, view -> new ListTagsForResourceResult(
        ParameterResources.require(view, scope, resourceType, resourceId).tags()));
  }

  private static List<StoredParameter> sortedByName(StateView view) {
    return view.list(PARAMETER).stream().sorted(Comparator.comparing(p -> sortKey(p.name()))).toList();
  }

  /** Names ordered as rooted paths, so {@code x} and {@code /x/y} sort as {@code /x} and {@code /x/y}. */
  private static String sortKey(String name) {
    return ParameterFilters.rooted(name);
  }

  /** A page; MaxResults' range is the model's, checked before. */
  private static <T> Paging.Page<T> page(List<T> ordered, Function<T, String> key,
      Integer maxResults, String nextToken, int defaultMax) {
    return Paging.after(ordered, key, maxResults == null ? defaultMax : maxResults, nextToken,
        () -> new InvalidNextToken(SsmMessages.INVALID_NEXT_TOKEN));
  }
}
