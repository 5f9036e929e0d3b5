package dev.ecsemulator.core.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;

/**
 * The part of CloudWatch metric math the emulator evaluates: numbers, the IDs of other queries, {@code + - * /},
 * parentheses, unary minus, {@code [a, b]} arrays, and the functions {@code SUM}, {@code AVG}, {@code MIN},
 * {@code MAX} and {@code METRICS()} (every metric query of the request; {@code METRICS("text")}: those whose label
 * contains the text). As in CloudWatch: an operation on two time series is made at the timestamps both have; a
 * function of an array of series gives one series (at each timestamp, of the values there); a function of one series
 * gives one value. Pure: IDs are resolved through the function given to {@link #evaluate}.
 */
public final class MetricMath {

  /** A value of an expression. */
  public sealed interface Value permits Scalar, Series, Many {}

  public record Scalar(double value) implements Value {}

  /** Timestamp (epoch seconds) to value. */
  public record Series(NavigableMap<Long, Double> points) implements Value {}

  public record Many(List<Series> series) implements Value {}

  /** An expression CloudWatch would refuse, or one the emulator does not evaluate. */
  public static final class MathException extends Exception {
    MathException(String message) {
      super(message, null, false, false);
    }
  }

  /** How an expression reaches the rest of the request. */
  public interface Context {
    /** The value of the query with this ID. */
    Value query(String id) throws MathException;

    /** The metric (MetricStat) queries' series, with their labels. */
    List<Labelled> metrics();
  }

  public record Labelled(String label, Series series) {}

  private static final Set<String> FUNCTIONS = Set.of("SUM", "AVG", "MIN", "MAX", "METRICS");

  private final String text;
  private final Context context;
  private int at;

  private MetricMath(String text, Context context) {
    this.text = text;
    this.context = context;
  }

  /** The value of {@code expression}. */
  public static Value evaluate(String expression, Context context) throws MathException {
    MetricMath parser = new MetricMath(expression, context);
    Value value = parser.sum();
    parser.skipSpaces();
    if (parser.at < expression.length()) {
      throw parser.error("unexpected '" + expression.charAt(parser.at) + "'");
    }
    return value;
  }

  /** The IDs an expression names (to order evaluation and find cycles). */
  public static Set<String> ids(String expression) {
    Set<String> ids = new TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"[^\"]*\"|([A-Za-z_][A-Za-z0-9_]*)")
        .matcher(expression);
    while (m.find()) {
      if (m.group(1) != null && !FUNCTIONS.contains(m.group(1).toUpperCase(Locale.ROOT))) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  private Value sum() throws MathException {
    Value left = product();
    while (true) {
      skipSpaces();
      if (peek('+')) {
        at++;
        left = combine(left, product(), Double::sum);
      } else if (peek('-')) {
        at++;
        left = combine(left, product(), (a, b) -> a - b);
      } else {
        return left;
      }
    }
  }

  private Value product() throws MathException {
    Value left = unary();
    while (true) {
      skipSpaces();
      if (peek('*')) {
        at++;
        left = combine(left, unary(), (a, b) -> a * b);
      } else if (peek('/')) {
        at++;
        left = combine(left, unary(), (a, b) -> b == 0 ? Double.NaN : a / b);
      } else {
        return left;
      }
    }
  }

  private Value unary() throws MathException {
    skipSpaces();
    if (peek('-')) {
      at++;
      return combine(new Scalar(0), unary(), (a, b) -> a - b);
    }
    return primary();
  }

  private Value primary() throws MathException {
    skipSpaces();
    if (at >= text.length()) {
      throw error("the expression ends too soon");
    }
    char c = text.charAt(at);
    if (c == '(') {
      at++;
      Value inner = sum();
      expect(')');
      return inner;
    }
    if (c == '[') {
      at++;
      List<Series> series = new ArrayList<>();
      do {
        series.addAll(asMany(sum()).series());
        skipSpaces();
      } while (peek(',') && at++ >= 0);
      expect(']');
      return new Many(series);
    }
    if (Character.isDigit(c) || c == '.') {
      int start = at;
      while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.'
          || text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
        at++;
      }
      try {
        return new Scalar(Double.parseDouble(text.substring(start, at)));
      } catch (NumberFormatException e) {
        throw error("'" + text.substring(start, at) + "' is not a number");
      }
    }
    if (Character.isLetter(c) || c == '_') {
      int start = at;
      while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
        at++;
      }
      String name = text.substring(start, at);
      skipSpaces();
      if (peek('(')) {
        at++;
        return function(name.toUpperCase(Locale.ROOT));
      }
      return context.query(name);
    }
    throw error("unexpected '" + c + "'");
  }

  private Value function(String name) throws MathException {
    if (name.equals("METRICS")) {
      skipSpaces();
      String filter = null;
      if (peek('"') || peek('\'')) {
        char quote = text.charAt(at++);
        int end = text.indexOf(quote, at);
        if (end < 0) {
          throw error("a string is not closed");
        }
        filter = text.substring(at, end);
        at = end + 1;
      }
      expect(')');
      String contains = filter;
      return new Many(context.metrics().stream().filter(m -> contains == null || m.label().contains(contains))
          .map(Labelled::series).toList());
    }
    if (!FUNCTIONS.contains(name)) {
      throw error("the function " + name + " is not supported by ecs-emulator (SUM, AVG, MIN, MAX, METRICS are)");
    }
    Value argument = sum();
    expect(')');
    Function<List<Double>, Double> reduce = switch (name) {
      case "SUM" -> values -> values.stream().mapToDouble(Double::doubleValue).sum();
      case "AVG" -> values -> values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      case "MIN" -> values -> values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
      default -> values -> values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    };
    if (argument instanceof Series series) {
      return new Scalar(reduce.apply(new ArrayList<>(series.points().values())));
    }
    if (argument instanceof Scalar scalar) {
      return scalar;
    }
    TreeMap<Long, List<Double>> byTime = new TreeMap<>();
    for (Series series : ((Many) argument).series()) {
      series.points().forEach((t, v) -> byTime.computeIfAbsent(t, k -> new ArrayList<>()).add(v));
    }
    TreeMap<Long, Double> result = new TreeMap<>();
    byTime.forEach((t, values) -> result.put(t, reduce.apply(values)));
    return new Series(result);
  }

  private static Many asMany(Value value) throws MathException {
    if (value instanceof Many many) {
      return many;
    }
    if (value instanceof Series series) {
      return new Many(List.of(series));
    }
    throw new MathException("an array holds time series, not numbers");
  }

  private Value combine(Value left, Value right, DoubleBinaryOperator op) throws MathException {
    if (left instanceof Scalar a && right instanceof Scalar b) {
      return new Scalar(op.applyAsDouble(a.value(), b.value()));
    }
    if (left instanceof Many || right instanceof Many) {
      if (left instanceof Many many) {
        List<Series> out = new ArrayList<>();
        for (Series s : many.series()) {
          out.add((Series) combine(s, right instanceof Many ? fail() : right, op));
        }
        return new Many(out);
      }
      List<Series> out = new ArrayList<>();
      for (Series s : ((Many) right).series()) {
        out.add((Series) combine(left, s, op));
      }
      return new Many(out);
    }
    TreeMap<Long, Double> result = new TreeMap<>();
    if (left instanceof Series a && right instanceof Series b) {
      a.points().forEach((t, v) -> {
        Double w = b.points().get(t);
        if (w != null) {
          result.put(t, op.applyAsDouble(v, w));
        }
      });
    } else if (left instanceof Series a) {
      double b = ((Scalar) right).value();
      a.points().forEach((t, v) -> result.put(t, op.applyAsDouble(v, b)));
    } else {
      double a = ((Scalar) left).value();
      ((Series) right).points().forEach((t, v) -> result.put(t, op.applyAsDouble(a, v)));
    }
    result.values().removeIf(v -> v.isNaN() || v.isInfinite());
    return new Series(result);
  }

  private Value fail() throws MathException {
    throw error("an operation between two arrays of time series is not supported");
  }

  private void expect(char c) throws MathException {
    skipSpaces();
    if (!peek(c)) {
      throw error("'" + c + "' expected");
    }
    at++;
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void skipSpaces() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private MathException error(String what) {
    return new MathException("Error in expression '" + text + "' at position " + (at + 1) + ": " + what + ".");
  }
}
