package dev.ecsemulator.bench.report;

import dev.ecsemulator.bench.stats.Summary;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** Number formats shared by every benchmark's tables, so figures read the same everywhere. */
public final class Fmt {

  private Fmt() {}

  /** Requests per second: whole numbers with thousands separators ("12,345"). */
  public static String rate(double perSecond) {
    return perSecond >= 100 ? String.format(Locale.ROOT, "%,.0f", perSecond)
        : String.format(Locale.ROOT, "%.1f", perSecond);
  }

  /** Milliseconds: three significant digits or so ("0.412", "3.27", "41.2", "1,204"). */
  public static String ms(double millis) {
    if (millis < 1) {
      return String.format(Locale.ROOT, "%.3f", millis);
    }
    if (millis < 10) {
      return String.format(Locale.ROOT, "%.2f", millis);
    }
    if (millis < 100) {
      return String.format(Locale.ROOT, "%.1f", millis);
    }
    return String.format(Locale.ROOT, "%,.0f", millis);
  }

  public static String mib(double mib) {
    return String.format(Locale.ROOT, "%.0f MiB", mib);
  }

  /** A ratio ("41.2×", "0.93×"). */
  public static String ratio(double ratio) {
    if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
      return "—";
    }
    return ratio >= 10 ? String.format(Locale.ROOT, "%.0f×", ratio) : String.format(Locale.ROOT, "%.2f×", ratio);
  }

  /** "median (min–max)" of repeated measurements, or just the value when there was one. */
  public static String spread(Summary s, DoubleFunction<String> format) {
    if (s.count() == 1) {
      return format.apply(s.median());
    }
    return format.apply(s.median()) + " (" + format.apply(s.min()) + "–" + format.apply(s.max()) + ")";
  }

  /** A percentage ("±4 %" style spread). */
  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
  }
}
