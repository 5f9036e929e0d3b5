package dev.ecsemulator.bench.api;

import dev.ecsemulator.bench.BenchContext;
import dev.ecsemulator.bench.BenchOptions;
import dev.ecsemulator.bench.Benchmark;
import dev.ecsemulator.bench.client.EcsRequest;
import dev.ecsemulator.bench.load.LoadResult;
import dev.ecsemulator.bench.load.LoadSpec;
import dev.ecsemulator.bench.process.EmulatorLauncher;
import dev.ecsemulator.bench.process.EmulatorProcess;
import dev.ecsemulator.bench.process.MotoProcess;
import dev.ecsemulator.bench.process.ServerProcess;
import dev.ecsemulator.bench.report.Fmt;
import dev.ecsemulator.bench.report.Headline;
import dev.ecsemulator.bench.report.Section;
import dev.ecsemulator.bench.stats.Summary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The API right after start-up, before the JIT compiler has done its work: what a short CI job sees. A fresh
 * emulator (and a fresh moto) per repeat, one connection, no warm-up, DescribeClusters (or the first selected
 * scenario) measured from its first request.
 */
public final class ColdApiBenchmark implements Benchmark {

  private final List<ApiScenario> scenarios;

  public ColdApiBenchmark(List<ApiScenario> scenarios) {
    this.scenarios = List.copyOf(scenarios);
  }

  public ColdApiBenchmark() {
    this(ApiScenarios.all());
  }

  @Override
  public String id() {
    return "cold";
  }

  @Override
  public Section run(BenchContext ctx) {
    BenchOptions options = ctx.options();
    // DescribeClusters when selected: its set-up is one call, so the server is still cold when measured.
    List<ApiScenario> selected = scenarios.stream().filter(s -> options.runsScenario(s.name(), s.operation()))
        .toList();
    ApiScenario scenario = selected.stream().filter(s -> s.operation().equals("DescribeClusters")).findFirst()
        .or(() -> selected.stream().findFirst())
        .orElseThrow(() -> new IllegalStateException("no API scenario selected"));
    EmulatorLauncher launcher = ctx.taskLauncher();
    List<LoadResult> emulator = new ArrayList<>();
    List<LoadResult> moto = new ArrayList<>();
    for (int repeat = 0; repeat < options.repeats(); repeat++) {
      try (EmulatorProcess server = launcher.start()) {
        emulator.add(coldLoad(ctx, server, scenario.prepare(server)));
      }
      if (ctx.motoVersion().isPresent()) {
        try (MotoProcess server = ctx.startMoto()) {
          moto.add(coldLoad(ctx, server, scenario.prepare(server)));
        }
      }
    }
    Summary emuRate = Summary.of(emulator.stream().map(LoadResult::throughput).toList());
    Section.Builder section = Section.builder("API right after start-up (JIT-cold)")
        .paragraph("The first " + options.duration().toSeconds() + " s of " + scenario.name() + " on a freshly "
            + "started server, one connection, no warm-up; a fresh emulator (`" + launcher.commandLine() + "`) and a "
            + "fresh moto per repeat, " + options.repeats() + " repeat(s). This is what a short CI job sees; the "
            + "table above is the steady state.");
    List<String> row = new ArrayList<>(List.of(scenario.name() + ", first " + options.duration().toSeconds() + " s",
        Fmt.spread(emuRate, Fmt::rate)));
    if (moto.isEmpty()) {
      row.addAll(List.of("—", "—", latencies(emulator), "—"));
      section.headline(new Headline(scenario.name() + ", JIT-cold, 1 conn: throughput", Fmt.rate(emuRate.median())
          + " req/s", "unavailable", "—", "reported", Headline.Verdict.NO_GOAL));
    } else {
      Summary motoRate = Summary.of(moto.stream().map(LoadResult::throughput).toList());
      double ratio = emuRate.median() / motoRate.median();
      row.addAll(List.of(Fmt.spread(motoRate, Fmt::rate), Fmt.ratio(ratio), latencies(emulator), latencies(moto)));
      section.headline(new Headline(scenario.name() + ", JIT-cold, 1 conn: throughput",
          Fmt.rate(emuRate.median()) + " req/s", Fmt.rate(motoRate.median()) + " req/s", Fmt.ratio(ratio),
          "reported (the 40× bar is for the steady state)", Headline.Verdict.NO_GOAL));
    }
    section.table(List.of("Request", "Emulator req/s", "moto req/s", "Throughput ratio", "Emulator p50 / p99 ms",
        "moto p50 / p99 ms"), List.of(row));
    return section.build();
  }

  private static LoadResult coldLoad(BenchContext ctx, ServerProcess server, EcsRequest request) {
    LoadResult result = ctx.loadRun().run(new LoadSpec(server.host(), server.port(), request, 1, Duration.ZERO,
        ctx.options().duration()), server);
    ctx.log(String.format("cold: %-24s %-14s %10s req/s  p50 %s ms  p99 %s ms", request.operation(), server.name(),
        Fmt.rate(result.throughput()), Fmt.ms(result.p50Millis()), Fmt.ms(result.p99Millis())));
    return result;
  }

  private static String latencies(List<LoadResult> results) {
    Summary p50 = Summary.of(results.stream().map(LoadResult::p50Millis).toList());
    Summary p99 = Summary.of(results.stream().map(LoadResult::p99Millis).toList());
    return Fmt.ms(p50.median()) + " / " + Fmt.ms(p99.median());
  }
}
