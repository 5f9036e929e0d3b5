package dev.ecsemulator.core.attribute;

import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.Attribute;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Attribute limits and syntax (Model docs of Attribute and PutAttributes): names of 1-128 letters,
 * numbers, hyphens, underscores, slashes, back slashes and periods; values of 1-128 characters that may
 * also hold at signs, colons and inner spaces; at most 10 attributes per call and 10 custom attributes
 * per resource. Attributes AWS or the agent sets ({@code ecs.*}, {@code com.amazonaws.ecs.*}) are not
 * custom. Wording unverified except where noted (see docs/differences-from-aws.md). Pure.
 */
public final class AttributeRules {

  public static final int MAX_PER_CALL = 10;
  public static final int MAX_CUSTOM_PER_RESOURCE = 10;
  /** The model's documentation of AttributeLimitExceededException. */
  public static final String LIMIT_MESSAGE = "You can apply up to 10 custom attributes for each resource.";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_./\\\\-]{1,128}");
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.@/\\\\: -]{1,128}");

  private AttributeRules() {}

  /** Checks one PutAttributes or DeleteAttributes call. */
  public static void checkCall(List<Attribute> attributes, boolean withValues) {
    if (attributes == null || attributes.isEmpty()) {
      throw new InvalidParameterException("Attributes must not be empty.");
    }
    if (attributes.size() > MAX_PER_CALL) {
      throw new InvalidParameterException("You can specify up to " + MAX_PER_CALL + " attributes in a single call.");
    }
    for (Attribute attribute : attributes) {
      if (attribute.name() == null || !NAME.matcher(attribute.name()).matches()) {
        throw new InvalidParameterException("Invalid attribute name: " + attribute.name() + ".");
      }
      String value = attribute.value();
      if (withValues && value != null
          && (!VALUE.matcher(value).matches() || value.startsWith(" ") || value.endsWith(" "))) {
        throw new InvalidParameterException("Invalid attribute value: " + value + ".");
      }
      if (attribute.targetId() == null || attribute.targetId().isEmpty()) {
        throw new InvalidParameterException("The targetId of attribute " + attribute.name() + " is required.");
      }
    }
  }

  /** Whether AWS counts {@code name} against the 10 custom attributes of a resource. */
  public static boolean isCustom(String name) {
    return !name.startsWith("ecs.") && !name.startsWith("com.amazonaws.ecs.");
  }
}
