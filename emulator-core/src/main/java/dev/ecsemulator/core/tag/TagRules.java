package dev.ecsemulator.core.tag;

import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tag restrictions of the ECS API (Model, {@code Tags} member docs): at most 50 tags per resource,
 * keys unique, 1-128 characters, values 0-256, and the {@code aws:} prefix (any case) reserved for AWS.
 * Key and value lengths and patterns are also checked by the request validator from the model; these
 * checks cover what the model cannot say. Wording: unverified (see README).
 */
public final class TagRules {

  public static final int MAX_TAGS = 50;

  private TagRules() {}

  /** Checks tags a caller is adding; returns them unchanged. */
  public static List<Tag> validate(List<Tag> tags) {
    if (tags == null) {
      return List.of();
    }
    Set<String> keys = new HashSet<>();
    for (Tag tag : tags) {
      String key = tag.key();
      if (key == null || key.isEmpty()) {
        throw new InvalidParameterException("Tag keys must not be empty.");
      }
      if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
        throw new InvalidParameterException("Tag keys starting with 'aws:' are reserved for AWS use.");
      }
      if (!keys.add(key)) {
        throw new InvalidParameterException("Tag keys must be unique: '" + key + "' is given more than once.");
      }
    }
    if (tags.size() > MAX_TAGS) {
      throw new InvalidParameterException("A resource can have at most " + MAX_TAGS + " tags.");
    }
    return tags;
  }
}
