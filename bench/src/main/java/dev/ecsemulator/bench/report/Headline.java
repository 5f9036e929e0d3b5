package dev.ecsemulator.bench.report;

/**
 * One figure for the report's summary: the value, its baseline from the same run, their ratio, the goal and
 * whether it is met.
 */
public record Headline(String figure, String value, String baseline, String ratio, String goal, Verdict verdict) {

  public enum Verdict {
    MET("met"), NOT_MET("**not met**"), NO_GOAL("—"), SKIPPED("not yet available");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    public static Verdict of(boolean met) {
      return met ? MET : NOT_MET;
    }
  }

  public static Headline skipped(String figure, String goal, String why) {
    return new Headline(figure, why, "—", "—", goal, Verdict.SKIPPED);
  }
}
