package dev.ecsemulator.core.ssm;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of parameter labels (LabelParameterVersion reference): at most 100 letters (case sensitive), digits,
 * periods, hyphens or underscores, not beginning with a digit, "aws" or "ssm" (any case). A label that breaks them is
 * not attached and is answered in InvalidLabels. At most 10 labels a version. Pure.
 */
final class ParameterLabels {

  static final int MAX_PER_VERSION = 10;

  private static final Pattern CHARACTERS = Pattern.compile("[a-zA-Z0-9_.\\-]{1,100}");

  private ParameterLabels() {}

  static boolean valid(String label) {
    String lower = label.toLowerCase(Locale.ROOT);
    return CHARACTERS.matcher(label).matches() && !Character.isDigit(label.charAt(0))
        && !lower.startsWith("aws") && !lower.startsWith("ssm");
  }
}
