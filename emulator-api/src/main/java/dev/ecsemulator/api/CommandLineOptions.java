package dev.ecsemulator.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The emulator's options: each is {@code --name VALUE} or {@code --name=VALUE} on the command line, else
 * the environment variable {@code ECS_EMULATOR_<NAME>}, else its default. commons-cli splits the
 * arguments; this class adds the environment, the defaults and the help text.
 */
final class CommandLineOptions {

  /** One option. {@code param} null: a boolean flag, true when given bare, else {@code --flag=true|false}. */
  record Spec(String name, String param, String defaultValue, String description) {
    String env() {
      return "ECS_EMULATOR_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    boolean flag() {
      return param == null;
    }
  }

  /** A bad command line: one line for the user, exit code 2. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  /** What was asked for: run with these values, or only print the help or the version. */
  record Parsed(Action action, Map<String, String> values) {
    enum Action { RUN, HELP, VERSION }
  }

  private final List<Spec> specs;
  private final Options options = new Options();

  CommandLineOptions(List<Spec> specs) {
    this.specs = List.copyOf(specs);
    for (Spec spec : specs) {
      Option.Builder option = Option.builder().longOpt(spec.name()).hasArg();
      options.addOption(spec.flag() ? option.optionalArg(true).build() : option.argName(spec.param()).build());
    }
    options.addOption(Option.builder("h").longOpt("help").build());
    options.addOption(Option.builder("V").longOpt("version").build());
  }

  /** The options, in the order the help lists them (besides {@code --help} and {@code --version}). */
  List<Spec> specs() {
    return specs;
  }

  /**
   * Resolves every option: from {@code args}, else {@code env}, else the default (absent when it has none).
   *
   * @throws UsageException for an unknown option, a missing value or a bad boolean
   */
  Parsed parse(String[] args, UnaryOperator<String> env) {
    CommandLine line;
    try {
      // No abbreviations: "--po" is not "--port", as a typo should not silently mean something.
      line = DefaultParser.builder().setAllowPartialMatching(false).build().parse(options, args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "'");
    }
    if (line.hasOption("help")) {
      return new Parsed(Parsed.Action.HELP, Map.of());
    }
    if (line.hasOption("version")) {
      return new Parsed(Parsed.Action.VERSION, Map.of());
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Spec spec : specs) {
      String value = line.hasOption(spec.name())
          ? given(spec, line.getOptionValue(spec.name()))
          : blankToNull(env.apply(spec.env()));
      if (value == null) {
        value = spec.defaultValue();
      }
      if (value != null && spec.flag()) {
        value = bool(spec.name(), value);
      }
      if (value != null) {
        values.put(spec.name(), value);
      }
    }
    return new Parsed(Parsed.Action.RUN, values);
  }

  private static String given(Spec spec, String value) {
    return spec.flag() && value == null ? "true" : value;
  }

  private static String bool(String name, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new UsageException("--" + name + " must be true or false, got '" + value + "'");
    }
    return v;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Words of {@code text} in lines of at most {@code width} columns, lines after the first indented. */
  private static String wrap(String text, int indent, int width) {
    StringBuilder out = new StringBuilder();
    int column = indent;
    for (String word : text.split(" ")) {
      if (column > indent && column + 1 + word.length() > width) {
        out.append('\n').append(" ".repeat(indent));
        column = indent;
      } else if (column > indent) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }
    return out.toString();
  }

  /** The text {@code --help} prints. */
  String help(String usage, String description) {
    StringBuilder text = new StringBuilder("Usage: ").append(usage).append('\n').append(description).append("\n\n");
    for (Spec spec : specs) {
      String head = "      --" + spec.name() + (spec.flag() ? "[=BOOLEAN]" : "=" + spec.param());
      text.append(head);
      text.append(head.length() < 34 ? " ".repeat(34 - head.length()) : "\n" + " ".repeat(34));
      String defaults = spec.defaultValue() == null ? "" : "; default " + spec.defaultValue();
      text.append(wrap(spec.description() + " (env " + spec.env() + defaults + ")", 34, 100)).append('\n');
    }
    text.append("  -h, --help                      Show this help message and exit.\n");
    text.append("  -V, --version                   Print version information and exit.\n");
    return text.toString();
  }
}
