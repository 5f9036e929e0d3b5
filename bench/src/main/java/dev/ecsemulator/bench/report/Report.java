package dev.ecsemulator.bench.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A whole benchmark run, as {@link MarkdownReport} writes it to {@code docs/benchmarks.md}.
 *
 * @param command the exact command that produced it, e.g. {@code bin/bench}
 * @param settings how long and how often each configuration ran, in words
 * @param loadBefore the machine's load averages when the run started (other users of the shared cores)
 * @param loadAfter the same when it ended
 */
public record Report(MachineFacts machine, Instant started, Duration took, String command, String settings,
    String loadBefore, String loadAfter, List<Section> sections) {

  public Report {
    sections = List.copyOf(sections);
  }

  public List<Headline> headlines() {
    return sections.stream().flatMap(s -> s.headlines().stream()).toList();
  }
}
