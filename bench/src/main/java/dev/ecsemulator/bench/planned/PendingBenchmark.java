package dev.ecsemulator.bench.planned;

import dev.ecsemulator.bench.BenchContext;
import dev.ecsemulator.bench.Benchmark;
import dev.ecsemulator.bench.report.Headline;
import dev.ecsemulator.bench.report.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark the issue asks for whose operations the emulator does not have yet. It asks the emulator whether
 * they exist and reports "not yet available" with the plan as TODO lines, so the gap is visible in
 * {@code docs/benchmarks.md} until someone replaces this with the real {@link Benchmark}.
 *
 * @param operations the ECS operations the benchmark needs
 * @param figures the summary figures it will produce, with their goals
 * @param plan how to measure it, in TODO lines
 */
public record PendingBenchmark(String id, String title, List<String> operations, List<Figure> figures,
    List<String> plan) implements Benchmark {

  /** A figure the benchmark will report, and its goal. */
  public record Figure(String name, String goal) {}

  public PendingBenchmark {
    operations = List.copyOf(operations);
    figures = List.copyOf(figures);
    plan = List.copyOf(plan);
  }

  @Override
  public Section run(BenchContext ctx) {
    List<String> missing = new ArrayList<>();
    for (String operation : operations) {
      if (!ctx.emulatorImplements(operation)) {
        missing.add(operation);
      }
    }
    String status = missing.isEmpty()
        ? "The operations it needs (" + String.join(", ", operations) + ") exist now, but the benchmark is not "
            + "written yet."
        : "Not yet available: the emulator answers UnsupportedFeatureException for " + String.join(", ", missing)
            + ".";
    ctx.log(id + ": " + status);
    Section.Builder section = Section.builder(title).paragraph(status);
    section.bullets(plan.stream().map(line -> "TODO: " + line).toList());
    for (Figure figure : figures) {
      section.headline(Headline.skipped(figure.name(), figure.goal(), missing.isEmpty() ? "not written yet"
          : "needs " + String.join(", ", missing)));
    }
    return section.build();
  }
}
