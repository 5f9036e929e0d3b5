package dev.ecsemulator.core.ssm;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arn;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.ssm.error.AccessDeniedException;
import dev.ecsemulator.core.ssm.error.HierarchyLevelLimitExceededException;
import dev.ecsemulator.core.ssm.error.ValidationException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place that knows parameter names: their rules (PutParameter reference, "Naming Constraints"; user guide,
 * "Requirements and constraints for parameter names"), their ARNs, and how a name or ARN given to a read is resolved,
 * with its {@code :version} or {@code :label} selector. Pure.
 *
 * <p>{@code /TestParam1} and {@code TestParam1} are one parameter (user guide: "The following examples, however, if in
 * the same Region, aren't unique"): both have the canonical name {@code TestParam1}, the store's key. A name of more
 * levels keeps its leading slash. The ARN is {@code arn:aws:ssm:REGION:ACCOUNT:parameter/NAME} with a name's leading
 * slash dropped, so never a double slash.
 */
public final class ParameterNames {

  /** The deepest hierarchy: {@code /L1/.../L14/name} is valid, one more level is not. */
  static final int MAX_LEVELS = 15;
  /** The longest name, counting the characters of its ARN that precede it (PutParameter reference, Name). */
  static final int MAX_QUALIFIED_LENGTH = 1011;

  private static final Pattern CHARACTERS = Pattern.compile("[a-zA-Z0-9_.\\-/]+");
  private static final String ARN_RESOURCE = "parameter/";

  private ParameterNames() {}

  /** A name given to a read, resolved: the name and what followed its first ':', if anything. */
  public record Reference(String name, String selector) {

    public String canonical() {
      return ParameterNames.canonical(name);
    }

    public boolean hasSelector() {
      return selector != null;
    }
  }

  /** The store's key of a name: a one-level name without its leading slash, any other as it is. */
  public static String canonical(String name) {
    return name.startsWith("/") && name.indexOf('/', 1) < 0 ? name.substring(1) : name;
  }

  public static String arn(Scope scope, String name) {
    return "arn:" + Arns.PARTITION + ":ssm:" + scope.region() + ":" + scope.accountId() + ":" + ARN_RESOURCE
        + (name.startsWith("/") ? name.substring(1) : name);
  }

  /**
   * The name of a parameter to create, checked against AWS's rules; spaces around it are dropped, as AWS drops them.
   *
   * @throws ValidationException for a character outside a-zA-Z0-9_.-/, a path without its leading slash or with an
   *     empty level, a reserved prefix ({@code aws}, {@code ssm}, any case), or a name too long with its ARN
   * @throws AccessDeniedException for a path under {@code /aws}, AWS's own namespace
   * @throws HierarchyLevelLimitExceededException for more than 15 levels
   */
  static String requireValidNew(Scope scope, String given) {
    String name = given.strip();
    String first = name.startsWith("/") ? name.substring(1) : name;
    first = first.toLowerCase(Locale.ROOT);
    boolean path = name.chars().filter(c -> c == '/').count() > 1;
    if (first.startsWith("aws") || first.startsWith("ssm")) {
      if (path && name.toLowerCase(Locale.ROOT).startsWith("/aws")) {
        throw new AccessDeniedException(SsmMessages.reservedName(name));
      }
      throw new ValidationException(path ? SsmMessages.INVALID_NAME : SsmMessages.RESERVED_PREFIX);
    }
    if (!CHARACTERS.matcher(name).matches() || badPath(name)) {
      throw new ValidationException(SsmMessages.INVALID_NAME);
    }
    if (levels(name) > MAX_LEVELS) {
      throw new HierarchyLevelLimitExceededException(SsmMessages.HIERARCHY_TOO_DEEP);
    }
    if (arn(scope, name).length() > MAX_QUALIFIED_LENGTH) {
      throw new ValidationException(SsmMessages.nameTooLong(MAX_QUALIFIED_LENGTH));
    }
    return name;
  }

  /**
   * A name or ARN given to a read, with its selector if any; empty if it can name no parameter of {@code scope} (an
   * ARN of another account, Region or service, a character no name has, an empty selector or two of them).
   *
   * @throws ValidationException for a space inside the name, or a path without its leading slash or with an empty
   *     level, which AWS refuses rather than answers as not found (as LocalStack, which records AWS's answers, has
   *     it)
   */
  public static Optional<Reference> resolve(Scope scope, String given) {
    String text = requireName(given);
    if (Arn.looksLikeArn(text)) {
      Optional<Arn> arn = Arn.parse(text).filter(a -> a.service().equals("ssm")
          && a.region().equals(scope.region()) && a.accountId().equals(scope.accountId())
          && a.resource().startsWith(ARN_RESOURCE));
      if (arn.isEmpty()) {
        return Optional.empty();
      }
      String rest = arn.get().resource().substring(ARN_RESOURCE.length());
      int colon = rest.indexOf(':');
      String path = colon < 0 ? rest : rest.substring(0, colon);
      text = (path.contains("/") ? "/" : "") + rest;
    }
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    String selector = colon < 0 ? null : text.substring(colon + 1);
    if (name.contains("/") && badPath(name)) {
      throw new ValidationException(SsmMessages.INVALID_NAME);
    }
    if (!CHARACTERS.matcher(name).matches() || (selector != null && !CHARACTERS.matcher(selector).matches())) {
      return Optional.empty();
    }
    return Optional.of(new Reference(name, selector));
  }

  /**
   * A name as given to an operation that takes names only, not ARNs (DeleteParameter, LabelParameterVersion), or to
   * a read: spaces around it dropped, as AWS drops them.
   *
   * @throws ValidationException if a space is left inside it ("the request fails with a ValidationException error",
   *     GetParameter reference; the wording is unverified)
   */
  static String requireName(String given) {
    String name = given.strip();
    if (name.chars().anyMatch(Character::isWhitespace)) {
      throw new ValidationException(SsmMessages.INVALID_NAME);
    }
    return name;
  }

  /** The key of one version: the canonical name, ':' (no name has one) and the number, zero-padded to sort. */
  static String versionKey(String canonical, long version) {
    return versionsPrefix(canonical) + String.format(Locale.ROOT, "%019d", version);
  }

  /** The key prefix of every version of a parameter. */
  static String versionsPrefix(String canonical) {
    return canonical + ":";
  }

  /** How many levels a name has: {@code /a/b/c} three, {@code a} and {@code /a} one. */
  static int levels(String name) {
    String path = name.startsWith("/") ? name.substring(1) : name;
    return path.split("/", -1).length;
  }

  /** The path a parameter sits in: {@code /a/b} for {@code /a/b/c}; {@code /} for a one-level name. */
  static String parentPath(String name) {
    int slash = name.lastIndexOf('/');
    return slash <= 0 ? "/" : name.substring(0, slash);
  }

  private static boolean badPath(String name) {
    return name.contains("/") && (!name.startsWith("/") || name.contains("//") || name.endsWith("/"));
  }
}
