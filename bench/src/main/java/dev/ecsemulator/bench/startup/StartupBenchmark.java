package dev.ecsemulator.bench.startup;

import dev.ecsemulator.bench.BenchContext;
import dev.ecsemulator.bench.BenchOptions;
import dev.ecsemulator.bench.Benchmark;
import dev.ecsemulator.bench.client.EcsRequest;
import dev.ecsemulator.bench.load.HttpConnection;
import dev.ecsemulator.bench.process.EmulatorLauncher;
import dev.ecsemulator.bench.process.EmulatorProcess;
import dev.ecsemulator.bench.process.JavaCommand;
import dev.ecsemulator.bench.process.MotoProcess;
import dev.ecsemulator.bench.process.ServerProcess;
import dev.ecsemulator.bench.report.Fmt;
import dev.ecsemulator.bench.report.Headline;
import dev.ecsemulator.bench.report.MachineFacts;
import dev.ecsemulator.bench.report.Section;
import dev.ecsemulator.bench.stats.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up time to the first served request, and resident memory once idle: the emulator's jar with plain
 * {@code java -jar} and with bin/ecs-emulator's class data sharing archive, against moto started the same way in
 * the same run; and the in-process start a JUnit extension does ({@link InProcessStarts}: the first in a JVM, and
 * the later ones). Launches are interleaved (plain, CDS, moto, in-process, plain, ...) and one discarded launch goes
 * first, so the page cache holds the jar for every measured one, as it does for a user who starts it twice.
 */
public final class StartupBenchmark implements Benchmark {

  /** Issue 21's goals: to the first served request, in milliseconds. */
  public static final double GOAL_PLAIN_MS = 800;
  public static final double GOAL_CDS_MS = 500;
  public static final double GOAL_IN_PROCESS_MS = 300;
  public static final double GOAL_RSS_MIB = 150.0;
  /** Emulator starts per in-process JVM: the first, and the later ones a test suite pays per class. */
  static final int IN_PROCESS_STARTS = 5;

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
    List<Double> firstInJvm = new ArrayList<>();
    List<Double> laterInJvm = new ArrayList<>();
    for (int run = 0; run < options.startupRuns(); run++) {
      for (Map.Entry<String, Mode> mode : modes.entrySet()) {
        Launch launch = mode.getValue().launch();
        ctx.log(String.format("startup: %-60s ready %s ms, first request %s ms, idle RSS %s", mode.getKey(),
            Fmt.ms(launch.readyMillis()), Fmt.ms(launch.firstServedMillis()), Fmt.mib(launch.idleRssMiB())));
        launches.get(mode.getKey()).add(launch);
      }
      List<Double> inProcess = inProcess(ctx, IN_PROCESS_STARTS);
      ctx.log("startup: in-process starts (first, then later ones in the same JVM), ms: " + inProcess);
      firstInJvm.add(inProcess.get(0));
      laterInJvm.addAll(inProcess.subList(1, inProcess.size()));
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
    section.paragraph("In-process start, as a JUnit extension does it: `Emulator.start(EmulatorConfig.forTests(0, DIR))`"
        + " (port 0, state in memory) in a running JVM (`java -cp ecs-emulator.jar:ecs-emulator-bench.jar "
        + InProcessStarts.class.getName() + "`, its defaults), timed from the call to the answer of a ListClusters on a "
        + "fresh connection, then closed; " + IN_PROCESS_STARTS + " starts per JVM, one JVM per round. The first "
        + "start of a JVM loads the emulator's classes; the later ones are what a test suite pays per test class.");
    Summary first = Summary.of(firstInJvm);
    Summary later = Summary.of(laterInJvm);
    section.table(List.of("In-process start", "First served request, ms", "Starts"), List.of(
        List.of("first in its JVM", Fmt.spread(first, Fmt::ms), String.valueOf(firstInJvm.size())),
        List.of("2nd to " + IN_PROCESS_STARTS + "th in the same JVM", Fmt.spread(later, Fmt::ms),
            String.valueOf(laterInJvm.size()))));

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
      boolean cdsMode = entry.getKey().contains("CDS");
      String label = cdsMode ? "emulator with CDS, as bin/ecs-emulator runs it" : "emulator, plain java -jar";
      double goal = cdsMode ? GOAL_CDS_MS : GOAL_PLAIN_MS;
      Summary served = summary(entry.getValue(), Launch::firstServedMillis);
      Summary rss = summary(entry.getValue(), Launch::idleRssMiB);
      section.headline(new Headline("Start-up to first served request (" + label + ")", Fmt.ms(served.median()) + " ms",
          motoFirst == null ? "unavailable" : "moto " + Fmt.ms(motoFirst.median()) + " ms",
          motoFirst == null ? "—" : Fmt.ratio(served.median() / motoFirst.median()), "≤ " + Fmt.ms(goal) + " ms",
          Headline.Verdict.of(served.median() <= goal)));
      section.headline(new Headline("Idle RSS (" + label + ")", Fmt.mib(rss.median()),
          motoRss == null ? "unavailable" : "moto " + Fmt.mib(motoRss.median()),
          motoRss == null ? "—" : Fmt.ratio(rss.median() / motoRss.median()), "< 150 MiB",
          Headline.Verdict.of(rss.median() < GOAL_RSS_MIB)));
    }
    // Issue 21's goal is the first start in a fresh JVM, the one a test run pays before its first test; the later
    // starts of the same JVM, whose classes are loaded and compiled, are given beside it.
    section.headline(new Headline("In-process start to first served request (first Emulator.start in a fresh JVM)",
        Fmt.ms(first.median()) + " ms", "2nd to " + IN_PROCESS_STARTS + "th in the same JVM "
            + Fmt.ms(later.median()) + " ms", "—",
        "≤ " + Fmt.ms(GOAL_IN_PROCESS_MS) + " ms", Headline.Verdict.of(first.median() <= GOAL_IN_PROCESS_MS)));
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

  /**
   * One JVM of {@link InProcessStarts}, with the emulator's jar first on its classpath: the milliseconds of each of its
   * {@code starts} starts, in order.
   */
  private static List<Double> inProcess(BenchContext ctx, int starts) {
    Path workDir = ctx.options().workDir().resolve("in-process");
    List<String> command = List.of(JavaCommand.java().toString(), "-cp",
        ctx.options().jar() + java.io.File.pathSeparator + JavaCommand.ownClasspath(), InProcessStarts.class.getName(),
        String.valueOf(starts), workDir.toString());
    try {
      Files.createDirectories(workDir);
      Process process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.appendTo(workDir.resolve("in-process.log").toFile())).start();
      List<Double> millis = new ArrayList<>();
      try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
          java.nio.charset.StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("start ")) {
            millis.add(Double.parseDouble(line.split(" ")[2]));
          }
        }
      }
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0
          || millis.size() != starts) {
        process.destroyForcibly();
        throw new IllegalStateException("the in-process starts failed (see " + workDir.resolve("in-process.log")
            + ")");
      }
      return millis;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + InProcessStarts.class.getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
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
