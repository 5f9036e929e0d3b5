package dev.ecsemulator.scheduler.logs;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code awslogs-datetime-format} → the multiline start pattern, as Docker's awslogs driver translates it (moby
 * {@code daemon/logger/awslogs/cloudwatchlogs.go}: {@code parseMultilineOptions}, {@code strftimeToRegex}): every
 * {@code %} and the character after it becomes the regular expression of the table below, and a pair the table does
 * not know becomes nothing (Go's zero value for a missing map key); everything else is kept as it is, regular
 * expression syntax included (the driver quotes nothing, so the {@code .} of {@code %H:%M:%S.%f} matches any
 * character). Pure.
 */
final class StrftimePattern {

  private static final Pattern SEQUENCE = Pattern.compile("%.", Pattern.DOTALL);

  /** The driver's table, entry for entry. */
  private static final Map<String, String> TABLE = Map.ofEntries(
      Map.entry("%a", "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"),
      Map.entry("%A", "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"),
      Map.entry("%w", "[0-6]"),
      Map.entry("%d", "(?:0[1-9]|[1,2][0-9]|3[0,1])"),
      Map.entry("%b", "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"),
      Map.entry("%B", "(?:January|February|March|April|May|June|July|August|September|October|November|December)"),
      Map.entry("%m", "(?:0[1-9]|1[0-2])"),
      Map.entry("%Y", "\\d{4}"),
      Map.entry("%y", "\\d{2}"),
      Map.entry("%H", "(?:[0,1][0-9]|2[0-3])"),
      Map.entry("%I", "(?:0[0-9]|1[0-2])"),
      Map.entry("%p", "[A,P]M"),
      Map.entry("%M", "[0-5][0-9]"),
      Map.entry("%S", "[0-5][0-9]"),
      Map.entry("%f", "\\d{6}"),
      Map.entry("%z", "[+-]\\d{4}"),
      Map.entry("%Z", "[A-Z]{1,4}T"),
      Map.entry("%j", "(?:0[0-9][1-9]|[1,2][0-9][0-9]|3[0-5][0-9]|36[0-6])"),
      Map.entry("%L", "\\.\\d{3}"));

  private StrftimePattern() {}

  /** The regular expression (as a string: the caller compiles it, as the driver does) for {@code format}. */
  static String toRegex(String format) {
    Matcher m = SEQUENCE.matcher(format);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(TABLE.getOrDefault(m.group(), "")));
    }
    m.appendTail(out);
    return out.toString();
  }
}
