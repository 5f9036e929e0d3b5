package dev.ecsemulator.bench.startup;

import dev.ecsemulator.bench.BenchContext;
import dev.ecsemulator.bench.BenchOptions;
import dev.ecsemulator.bench.Benchmark;
import dev.ecsemulator.bench.client.EcsRequest;
import dev.ecsemulator.bench.load.HttpConnection;
import dev.ecsemulator.bench.process.EmulatorLauncher;
import dev.ecsemulator.bench.process.EmulatorProcess;
import dev.ecsemulator.bench.process.MotoProcess;
import dev.ecsemulator.bench.process.ServerProcess;
import dev.ecsemulator.bench.report.Fmt;
import dev.ecsemulator.bench.report.Headline;
import dev.ecsemulator.bench.report.MachineFacts;
import dev.ecsemulator.bench.report.Section;
import dev.ecsemulator.bench.stats.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up time to the first served request, and resident memory once idle: the emulator's jar with plain
 * {@code java -jar} and with bin/ecs-emulator's class data sharing archive, against moto started the same way in
 * the same run. Launches are interleaved (plain, CDS, moto, plain, ...) and one discarded launch goes first, so the
 * page cache holds the jar for every measured one, as it does for a user who starts it twice.
 */
public final class StartupBenchmark implements Benchmark {

  public static final double GOAL_SECONDS = 1.0;
  public static final double GOAL_RSS_MIB = 150.0;

  @Override
  public String id() {
    return "startup";
  }

  /** One launch: time to the ready line, to the first answered request, and resident memory after idling. */
  record Launch(double readyMillis, double firstServedMillis, double idleRssMiB) {}

  /** A way of starting a server. */
  private interface Mode {
    Launch launch();
  }

  @Override
  public Section run(BenchContext ctx) {
    BenchOptions options = ctx.options();
    Map<String, Mode> modes = new LinkedHashMap<>();
    EmulatorLauncher plain = ctx.launcher();
    modes.put("emulator, `java -jar`", () -> emulator(ctx, plain));
    EmulatorLauncher cds = ctx.cdsFlags().map(flags -> ctx.launcher().withJvmFlags(flags)).orElse(null);
    if (cds != null) {
      modes.put("emulator, `java -jar` + CDS archive (as bin/ecs-emulator runs it)", () -> emulator(ctx, cds));
    }
    if (ctx.motoVersion().isPresent()) {
      modes.put("moto " + ctx.motoVersion().get() + " (baseline)", () -> moto(ctx));
    }
    String loadBefore = MachineFacts.loadAverage();
    if (!options.smoke()) {
      ctx.log("startup: one discarded launch first");
      emulator(ctx, plain);
    }
    Map<String, List<Launch>> launches = new LinkedHashMap<>();
    modes.keySet().forEach(name -> launches.put(name, new ArrayList<>()));
    for (int run = 0; run < options.startupRuns(); run++) {
      for (Map.Entry<String, Mode> mode : modes.entrySet()) {
        Launch launch = mode.getValue().launch();
        ctx.log(String.format("startup: %-60s ready %s ms, first request %s ms, idle RSS %s", mode.getKey(),
            Fmt.ms(launch.readyMillis()), Fmt.ms(launch.firstServedMillis()), Fmt.mib(launch.idleRssMiB())));
        launches.get(mode.getKey()).add(launch);
      }
    }
    String loadAfter = MachineFacts.loadAverage();

    Section.Builder section = Section.builder("Start-up time and idle memory");
    section.paragraph("Time from starting the process to the answer of its first request (ListClusters, sent as "
        + "soon as the server prints that it is ready), and its resident set size (VmRSS) after "
        + options.idle().toMillis() / 1000.0 + " s idle. " + options.startupRuns()
        + " launch(es) per mode, interleaved; "
        + "median with min–max in brackets. Emulator command: `" + plain.commandLine() + "`"
        + (cds != null ? "; with CDS: `" + cds.commandLine() + "`." : "; no usable CDS archive (run bin/ecs-emulator "
            + "once to train it), so no CDS figure."));
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, List<Launch>> entry : launches.entrySet()) {
      List<Launch> l = entry.getValue();
      rows.add(List.of(entry.getKey(), Fmt.spread(summary(l, Launch::firstServedMillis), Fmt::ms),
          Fmt.spread(summary(l, Launch::readyMillis), Fmt::ms), Fmt.spread(summary(l, Launch::idleRssMiB), Fmt::mib)));
    }
    section.table(List.of("Mode", "First served request, ms", "Ready line, ms", "Idle RSS"), rows);

    Summary motoFirst = null;
    Summary motoRss = null;
    for (Map.Entry<String, List<Launch>> entry : launches.entrySet()) {
      if (entry.getKey().startsWith("moto")) {
        motoFirst = summary(entry.getValue(), Launch::firstServedMillis);
        motoRss = summary(entry.getValue(), Launch::idleRssMiB);
      }
    }
    for (Map.Entry<String, List<Launch>> entry : launches.entrySet()) {
      if (entry.getKey().startsWith("moto")) {
        continue;
      }
      String label = entry.getKey().contains("CDS") ? "emulator with CDS" : "emulator, plain java -jar";
      Summary first = summary(entry.getValue(), Launch::firstServedMillis);
      Summary rss = summary(entry.getValue(), Launch::idleRssMiB);
      section.headline(new Headline("Start-up to first served request (" + label + ")", Fmt.ms(first.median()) + " ms",
          motoFirst == null ? "unavailable" : "moto " + Fmt.ms(motoFirst.median()) + " ms",
          motoFirst == null ? "—" : Fmt.ratio(first.median() / motoFirst.median()), "< 1,000 ms",
          Headline.Verdict.of(first.median() < GOAL_SECONDS * 1000)));
      section.headline(new Headline("Idle RSS (" + label + ")", Fmt.mib(rss.median()),
          motoRss == null ? "unavailable" : "moto " + Fmt.mib(motoRss.median()),
          motoRss == null ? "—" : Fmt.ratio(rss.median() / motoRss.median()), "< 150 MiB",
          Headline.Verdict.of(rss.median() < GOAL_RSS_MIB)));
    }
    section.bullets(List.of(
        "Ratios are emulator ÷ moto: below 1× the emulator starts faster or uses less memory.",
        "Load average before / after this benchmark: " + loadBefore + " / " + loadAfter + "."));
    return section.build();
  }

  private static Launch emulator(BenchContext ctx, EmulatorLauncher launcher) {
    try (EmulatorProcess emulator = launcher.start()) {
      double ready = emulator.readyAfter().toNanos() / 1e6;
      double first = firstRequest(emulator, emulator.launchedNanos());
      emulator.idle(ctx.options().idle());
      return new Launch(ready, first, emulator.stats().rssMiB());
    }
  }

  private static Launch moto(BenchContext ctx) {
    try (MotoProcess moto = ctx.startMoto()) {
      double ready = moto.readyAfter().toNanos() / 1e6;
      double first = firstRequest(moto, moto.launchedNanos());
      moto.idle(ctx.options().idle());
      return new Launch(ready, first, moto.stats().rssMiB());
    }
  }

  /** Sends ListClusters over a fresh raw connection; returns milliseconds from launch to its answer. */
  private static double firstRequest(ServerProcess server, long launchedNanos) {
    HttpConnection connection = new HttpConnection(server.host(), server.port());
    try {
      int status = connection.exchange(new EcsRequest("ListClusters", "{}").toHttp(server.host(), server.port()));
      long answered = System.nanoTime();
      if (status != 200) {
        throw new IllegalStateException(server.name() + " answered its first ListClusters with HTTP " + status + ": "
            + connection.lastBody());
      }
      return (answered - launchedNanos) / 1e6;
    } catch (IOException e) {
      throw new UncheckedIOException(server.name() + " did not answer its first request", e);
    } finally {
      connection.close();
    }
  }

  private static Summary summary(List<Launch> launches, java.util.function.ToDoubleFunction<Launch> figure) {
    return Summary.of(launches.stream().map(figure::applyAsDouble).toList());
  }
}
