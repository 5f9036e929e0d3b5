package dev.ecsemulator.bench;

import dev.ecsemulator.bench.report.Section;

/**
 * One benchmark of the report. To add one: implement this, give it an {@link #id()} for {@code --only}, and list
 * it in {@link BenchMain#benchmarks()}. It starts what it measures through {@link BenchContext} (the emulator
 * launcher, moto, the load generator), measures its figure against a baseline in the same run, and returns a
 * section with its tables and the {@link dev.ecsemulator.bench.report.Headline}s for the summary.
 */
public interface Benchmark {

  /** Short lowercase ID, e.g. {@code api}, {@code startup}, {@code launch}. */
  String id();

  /** Runs it; stops every process it started before returning, pass or fail. */
  Section run(BenchContext context) throws Exception;
}
