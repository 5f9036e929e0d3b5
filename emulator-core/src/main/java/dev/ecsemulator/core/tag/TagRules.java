package dev.ecsemulator.core.tag;

import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.Tag;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tag restrictions of the ECS API (Model, {@code Tags} member docs): at most 50 tags per resource,
 * counting the tags it already has; keys unique, 1-128 characters, values 0-256; the {@code aws:} prefix
 * (any case) reserved for AWS, and tags with it "do not count against your tags per resource limit".
 * Key and value lengths and patterns are also checked by the request validator from the model; these
 * checks cover what the model cannot say. Wording: unverified (see docs/differences-from-aws.md); the error code is
 * InvalidParameterException, the one ECS documents for invalid tags.
 */
public final class TagRules {

  public static final int MAX_TAGS = 50;

  private TagRules() {}

  /** Checks tags a caller is adding to a resource that has none yet; returns them unchanged. */
  public static List<Tag> validate(List<Tag> tags) {
    return validate(List.of(), tags);
  }

  /**
   * Checks tags a caller is adding to a resource that has {@code existing} tags; returns the tags it
   * will have afterwards (new values replace those of the same key, order kept).
   */
  public static List<Tag> validate(List<Tag> existing, List<Tag> adding) {
    if (adding == null) {
      return List.copyOf(existing);
    }
    Set<String> keys = new HashSet<>();
    for (Tag tag : adding) {
      String key = tag.key();
      if (key == null || key.isEmpty()) {
        throw new InvalidParameterException("Tag keys must not be empty.");
      }
      checkNotReserved(key);
      if (!keys.add(key)) {
        throw new InvalidParameterException("Tag keys must be unique: '" + key + "' is given more than once.");
      }
    }
    List<Tag> merged = merge(existing, adding);
    long counted = merged.stream().filter(t -> !isReserved(t.key())).count();
    if (counted > MAX_TAGS) {
      throw new InvalidParameterException("A resource can have at most " + MAX_TAGS + " tags.");
    }
    return merged;
  }

  /** Checks keys a caller is removing: AWS's own tags "cannot be edited or deleted". */
  public static void validateRemoval(Collection<String> keys) {
    for (String key : keys) {
      checkNotReserved(key);
    }
  }

  static boolean isReserved(String key) {
    return key != null && key.toLowerCase(Locale.ROOT).startsWith("aws:");
  }

  private static void checkNotReserved(String key) {
    if (isReserved(key)) {
      throw new InvalidParameterException("Tag keys starting with 'aws:' are reserved for AWS use.");
    }
  }

  private static List<Tag> merge(List<Tag> existing, List<Tag> adding) {
    Map<String, Tag> byKey = new LinkedHashMap<>();
    existing.forEach(t -> byKey.put(t.key(), t));
    adding.forEach(t -> byKey.put(t.key(), Tag.builder().key(t.key()).value(t.value() == null ? "" : t.value()).build()));
    return List.copyOf(byKey.values());
  }
}
