package dev.ecsemulator.core.ssm;

import dev.ecsemulator.core.ssm.error.InvalidFilterKey;
import dev.ecsemulator.core.ssm.error.InvalidFilterOption;
import dev.ecsemulator.core.ssm.error.InvalidFilterValue;
import dev.ecsemulator.core.ssm.error.ValidationException;
import dev.ecsemulator.core.ssm.model.ParameterStringFilter;
import dev.ecsemulator.core.ssm.model.ParametersFilter;
import dev.ecsemulator.core.ssm.model.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The ParameterFilters of DescribeParameters and GetParametersByPath (ParameterStringFilter reference), and the
 * deprecated Filters of DescribeParameters: checked as AWS checks them, then matched against a parameter and its
 * newest version. Filters are ANDed; the values of one filter are ORed. Pure.
 */
final class ParameterFilters {

  /** Which operation's rules apply. */
  enum Operation { DESCRIBE, BY_PATH }

  static final String LABEL = "Label";
  private static final String TAG_PREFIX = "tag:";
  private static final String EQUALS = "Equals";
  private static final String BEGINS_WITH = "BeginsWith";
  private static final String CONTAINS = "Contains";
  private static final String ONE_LEVEL = "OneLevel";
  private static final String RECURSIVE = "Recursive";
  private static final Set<String> DESCRIBE_KEYS = Set.of("Name", "Type", "KeyId", "Path", "Tier", "DataType");
  private static final Set<String> BY_PATH_KEYS = Set.of("Type", "KeyId", LABEL);
  private static final Set<String> TYPES = Set.of(ParameterTypes.STRING, ParameterTypes.STRING_LIST,
      ParameterTypes.SECURE_STRING);
  private static final Set<String> TIERS = Set.of(Tiers.STANDARD, Tiers.ADVANCED, Tiers.INTELLIGENT);
  private static final Pattern PATH = Pattern.compile("/[a-zA-Z0-9_.\\-/]*");

  private ParameterFilters() {}

  /** A filter as checked: its option defaulted. */
  record Filter(String key, String option, List<String> values) {

    Filter {
      values = values == null ? List.of() : List.copyOf(values);
    }

    boolean matches(StoredParameter parameter, StoredParameterVersion version) {
      if (key.startsWith(TAG_PREFIX)) {
        String tagKey = key.substring(TAG_PREFIX.length());
        List<String> tagValues = parameter.tags().stream().filter(t -> t.key().equals(tagKey)).map(Tag::value)
            .toList();
        return !tagValues.isEmpty() && (values.isEmpty() || tagValues.stream().anyMatch(this::compare));
      }
      return switch (key) {
        case "Name" -> option.equals(CONTAINS) ? values.stream().anyMatch(parameter.name()::contains)
            : anyValue(rooted(parameter.name()), (name, value) -> compare(name, rooted(value)));
        case "Path" -> values.stream().anyMatch(path -> inPath(rooted(parameter.name()), path));
        case "Type" -> compare(version.type());
        case "KeyId" -> version.keyId() != null && compare(version.keyId());
        case "Tier" -> compare(version.tier());
        case "DataType" -> compare(version.dataType());
        case LABEL -> version.labels().stream().anyMatch(values::contains);
        default -> throw new IllegalStateException("unchecked filter key " + key);
      };
    }

    private boolean anyValue(String actual, BiPredicate<String, String> test) {
      return values.stream().anyMatch(value -> test.test(actual, value));
    }

    private boolean compare(String actual) {
      return anyValue(actual, this::compare);
    }

    private boolean compare(String actual, String value) {
      return option.equals(BEGINS_WITH) ? actual.startsWith(value) : actual.equals(value);
    }

    private boolean inPath(String name, String path) {
      String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      if (option.equals(RECURSIVE)) {
        return trimmed.equals("/") || name.startsWith(trimmed + "/");
      }
      return ParameterNames.parentPath(name).equals(trimmed);
    }
  }

  /**
   * The ParameterFilters of a request, checked.
   *
   * @throws InvalidFilterKey for a key the operation does not take, or one given twice
   * @throws InvalidFilterOption for an option the key does not take, or a Type or Tier value that is none
   * @throws InvalidFilterValue for a filter without values (but a tag filter, which then asks for the tag)
   * @throws ValidationException for a Path value that is not a path, or one under /aws or /ssm
   */
  static List<Filter> check(List<ParameterStringFilter> filters, Operation operation) {
    if (filters == null) {
      return List.of();
    }
    Set<String> seen = new HashSet<>();
    return filters.stream().map(filter -> {
      String key = filter.key();
      requireKey(key, operation);
      if (!seen.add(key)) {
        throw new InvalidFilterKey(SsmMessages.duplicateFilter(key));
      }
      String option = filter.option() != null ? filter.option() : key.equals("Path") ? ONE_LEVEL : EQUALS;
      requireOption(key, option);
      List<String> values = filter.values() == null ? List.of() : filter.values();
      if (values.isEmpty() && !key.startsWith(TAG_PREFIX)) {
        throw new InvalidFilterValue(SsmMessages.missingFilterValues(key));
      }
      values.forEach(value -> requireValue(key, value));
      return new Filter(key, option, values);
    }).toList();
  }

  /**
   * The deprecated Filters of DescribeParameters as ParameterFilters: Name matches names beginning with a value, Type
   * and KeyId equal ones (the model requires their values).
   */
  static List<Filter> legacy(List<ParametersFilter> filters) {
    if (filters == null) {
      return List.of();
    }
    return filters.stream()
        .map(filter -> new Filter(filter.key(), filter.key().equals("Name") ? BEGINS_WITH : EQUALS, filter.values()))
        .toList();
  }

  static boolean matchAll(List<Filter> filters, StoredParameter parameter, StoredParameterVersion version) {
    return filters.stream().allMatch(filter -> filter.matches(parameter, version));
  }

  private static void requireKey(String key, Operation operation) {
    if (operation == Operation.DESCRIBE && !DESCRIBE_KEYS.contains(key) && !key.startsWith(TAG_PREFIX)) {
      throw new InvalidFilterKey(SsmMessages.invalidFilterKey(key, "[Path, Name, Type, KeyId, Tier]"));
    }
    if (operation == Operation.BY_PATH && !BY_PATH_KEYS.contains(key)) {
      throw new InvalidFilterKey(SsmMessages.invalidFilterKey(key, "[Type, KeyId]"));
    }
  }

  private static void requireOption(String key, String option) {
    String valid = switch (key) {
      case "Path" -> option.equals(ONE_LEVEL) || option.equals(RECURSIVE) ? null : "[Recursive, OneLevel]";
      case LABEL -> option.equals(EQUALS) ? null : "[Equals]";
      case "Name" -> option.equals(EQUALS) || option.equals(BEGINS_WITH) || option.equals(CONTAINS) ? null
          : "[Equals, BeginsWith, Contains]";
      default -> option.equals(EQUALS) || option.equals(BEGINS_WITH) ? null : "[BeginsWith, Equals]";
    };
    if (valid != null) {
      throw new InvalidFilterOption(SsmMessages.invalidFilterOption(option, valid));
    }
  }

  /** As moto has it (from AWS): a Type or Tier value that is none is an InvalidFilterOption. */
  private static void requireValue(String key, String value) {
    switch (key) {
      case "Type" -> {
        if (!TYPES.contains(value)) {
          throw new InvalidFilterOption(SsmMessages.invalidFilterValue(value, "[String, StringList, SecureString]"));
        }
      }
      case "Tier" -> {
        if (!TIERS.contains(value)) {
          throw new InvalidFilterOption(
              SsmMessages.invalidFilterValue(value, "[Standard, Advanced, Intelligent-Tiering]"));
        }
      }
      case "Path" -> {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("/aws") || lower.startsWith("/ssm")) {
          throw new ValidationException(SsmMessages.RESERVED_PATH_FILTER);
        }
        if (!validPath(value)) {
          throw new ValidationException(SsmMessages.INVALID_PATH);
        }
      }
      default -> { }
    }
  }

  /** A hierarchy path: a leading slash, name characters, no empty level (a trailing slash is allowed). */
  static boolean validPath(String path) {
    return PATH.matcher(path).matches() && !path.contains("//");
  }

  /** A name with a leading slash, so {@code x} and {@code /x} compare as the one parameter they are. */
  static String rooted(String name) {
    return name.startsWith("/") ? name : "/" + name;
  }
}
