package dev.ecsemulator.bench.api;

import dev.ecsemulator.bench.BenchContext;
import dev.ecsemulator.bench.BenchOptions;
import dev.ecsemulator.bench.Benchmark;
import dev.ecsemulator.bench.client.EcsCallFailed;
import dev.ecsemulator.bench.client.EcsRequest;
import dev.ecsemulator.bench.load.LoadResult;
import dev.ecsemulator.bench.load.LoadSpec;
import dev.ecsemulator.bench.process.EmulatorLauncher;
import dev.ecsemulator.bench.process.EmulatorProcess;
import dev.ecsemulator.bench.process.MotoProcess;
import dev.ecsemulator.bench.process.ProcessStats;
import dev.ecsemulator.bench.process.ServerProcess;
import dev.ecsemulator.bench.profile.JfrRecording;
import dev.ecsemulator.bench.report.Fmt;
import dev.ecsemulator.bench.report.Headline;
import dev.ecsemulator.bench.report.MachineFacts;
import dev.ecsemulator.bench.report.Section;
import dev.ecsemulator.bench.stats.Summary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * API throughput and latency: each {@link ApiScenario} at each concurrency, from a load generator in its own JVM
 * on loopback, against the emulator's jar and against moto in the same run. Repeats alternate which server goes
 * first, so a burst of load from someone else on the machine hits both alike.
 */
public final class ApiBenchmark implements Benchmark {

  /** The bar: "a throughput below 40× moto's is a regression to explain". */
  public static final double GOAL_RATIO = 40.0;

  private final List<ApiScenario> scenarios;

  public ApiBenchmark(List<ApiScenario> scenarios) {
    this.scenarios = List.copyOf(scenarios);
  }

  public ApiBenchmark() {
    this(ApiScenarios.all());
  }

  @Override
  public String id() {
    return "api";
  }

  /**
   * One configuration's repeated results, emulator and baseline paired by repeat; for a write to the durable store,
   * the disk's own sync rate measured right after each repeat (else empty).
   */
  record Measured(ApiScenario scenario, int connections, List<LoadResult> emulator, List<LoadResult> moto,
      List<SyncFloor.Result> syncFloor) {}

  /** Seconds of each sync-rate measurement beside a durable write's repeats. */
  private static final Duration SYNC_FLOOR_WINDOW = Duration.ofSeconds(3);

  @Override
  public Section run(BenchContext ctx) {
    BenchOptions options = ctx.options();
    Section.Builder section = Section.builder("API throughput and latency");
    EmulatorLauncher launcher = ctx.taskLauncher();
    List<String> profiles = new ArrayList<>();
    List<Measured> measured = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    String loadBefore = MachineFacts.loadAverage();
    ProcessStats.Snapshot emulatorAfter;
    Optional<ProcessStats.Snapshot> motoAfter = Optional.empty();
    ctx.log("api: starting the emulator: " + launcher.commandLine());
    Map<List<String>, EmulatorProcess> others = new LinkedHashMap<>();
    try (EmulatorProcess main = launcher.start();
         MotoProcess moto = ctx.motoVersion().isPresent() ? ctx.startMoto() : null) {
      for (ApiScenario scenario : scenarios) {
        if (!options.runsScenario(scenario.name(), scenario.operation())) {
          continue;
        }
        EmulatorProcess emulator = scenario.emulatorArgs().isEmpty() ? main
            : others.computeIfAbsent(scenario.emulatorArgs(), args -> startOther(ctx, launcher, args));
        EcsRequest emulatorRequest;
        try {
          emulatorRequest = scenario.prepare(emulator);
        } catch (EcsCallFailed e) {
          if (!e.unsupported()) {
            failed(ctx, section, skipped, scenario, e);
            continue;
          }
          String why = "not yet available: the emulator answers UnsupportedFeatureException (" + e.getMessage() + ")";
          ctx.log("api: " + scenario.name() + ": " + why);
          skipped.add("**" + scenario.name() + "**: " + why + ". It runs here, with no change to the harness, "
              + "once the operation exists.");
          section.headline(Headline.skipped(scenario.name() + " throughput", "≥ 40× moto", "not yet available"));
          continue;
        } catch (RuntimeException e) {
          failed(ctx, section, skipped, scenario, e);
          continue;
        }
        EcsRequest motoRequest = null;
        if (moto != null) {
          try {
            motoRequest = scenario.prepare(moto);
          } catch (RuntimeException e) {
            ctx.log("api: " + scenario.name() + ": moto cannot serve it: " + e.getMessage());
            skipped.add("**" + scenario.name() + "**: no baseline, moto cannot serve it: " + e.getMessage());
          }
        }
        warmUp(ctx, emulator, emulatorRequest);
        if (motoRequest != null) {
          warmUp(ctx, moto, motoRequest);
        }
        JfrRecording recording = options.profile() ? JfrRecording.start(emulator.pid(),
            options.workDir().resolve("api-" + scenario.operation() + ".jfr")) : null;
        try {
          boolean durableWrite = WRITES.contains(scenario.operation())
              && !launcher.args().contains("--ephemeral") && !scenario.emulatorArgs().contains("--ephemeral");
          for (int connections : options.connections()) {
            measured.add(measure(ctx, scenario, connections, emulator, emulatorRequest,
                motoRequest == null ? null : moto, motoRequest, durableWrite));
          }
        } finally {
          if (recording != null) {
            recording.close();
            profiles.add(recording.file().toString());
          }
        }
      }
      emulatorAfter = main.stats();
      if (moto != null) {
        motoAfter = Optional.of(moto.stats());
      }
    } finally {
      others.values().forEach(EmulatorProcess::close);
    }
    String loadAfter = MachineFacts.loadAverage();

    section.paragraph("Each request is sent back to back by N connections (closed loop) from a load generator "
        + "running in its **own JVM** on loopback (`dev.ecsemulator.bench.load.LoadGenerator`: one thread and one "
        + "keep-alive HTTP/1.1 connection each, latencies in HdrHistogram). Latency is from writing the request "
        + "to reading the last byte of the answer. The same request bytes go to both servers, unsigned (a "
        + "SigV4-shaped `Authorization` header with a dummy signature: moto needs it to route to the service, neither "
        + "checks it). Before a scenario's first measurement the emulator gets " + options.jitWarmUp().toSeconds()
        + " s of its load at 16 connections, unmeasured (moto at most 5 s): on these shared cores the JIT "
        + "compiler needs tens of seconds of load before the request path is compiled (see the cold figures "
        + "below). Each configuration then runs " + options.repeats() + " time(s), alternating which server goes "
        + "first, each run with " + options.warmUp().toSeconds() + " s of unmeasured load and "
        + options.duration().toSeconds() + " s measured; figures are medians with the min–max over the repeats in "
        + "brackets. Server CPU per request is the "
        + "server process's CPU time (all threads, user + system, from /proc) in the measured window divided by the "
        + "requests it answered: other load on the shared cores disturbs it much less than throughput. Emulator: `"
        + launcher.commandLine() + "`. Baseline: `" + (ctx.motoVersion().isPresent()
            ? options.python() + " -m moto.server` (" + ctx.motoVersion().get() + ", its defaults: Werkzeug's "
                + "threaded development server, which closes the connection after every answer, so each moto "
                + "request includes a TCP connect: that is how moto serves)"
            : "moto` unavailable: " + options.python() + " cannot import moto, so no ratio."));
    section.table(List.of("Request", "Conns", "Emulator req/s", "moto req/s", "Throughput ratio",
            "Emulator p50 / p99 ms", "moto p50 / p99 ms", "Server CPU µs/request: emulator / moto (ratio)",
            "Errors (emulator / moto)"),
        measured.stream().map(ApiBenchmark::row).toList());
    section.bullets(skipped);
    List<List<String>> floors = measured.stream().filter(m -> !m.syncFloor().isEmpty()).map(ApiBenchmark::floorRow)
        .toList();
    if (!floors.isEmpty()) {
      section.paragraph("**Durable writes against the disk.** The emulator's state is durable by default: a "
          + "mutating call is answered only once its commit is synced to disk (`fdatasync`, docs/durability.md), "
          + "and calls in one account and region take turns on its lock, so their rate cannot exceed the disk's "
          + "rate of synced appends, however fast the server is. Right after each repeat above, the benchmark "
          + "measured that rate itself for " + SYNC_FLOOR_WINDOW.toSeconds() + " s: one writer appending "
          + SyncFloor.RECORD_BYTES + "-byte records into preallocated space in the emulator's work directory and "
          + "syncing each, as the journal does. The same request on an emulator started with `--ephemeral` (no "
          + "disk) is measured against moto in the rows named so.");
      section.table(List.of("Request", "Conns", "Emulator req/s (durable)", "Disk: synced appends/s (p50 ms)",
          "Emulator ÷ disk"), floors);
    }
    for (Measured m : measured) {
      section.headline(headline(m));
      if (!m.syncFloor().isEmpty()) {
        section.headline(floorHeadline(m));
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add("Load average before / after this benchmark: " + loadBefore + " / " + loadAfter + ".");
    notes.add("Noise: the widest throughput spread over repeats was " + Fmt.percent(widestSpread(measured))
        + " of the median (emulator or moto, any configuration).");
    notes.add(String.format("Emulator memory after the load: RSS %s, peak RSS %s, %d threads, %.1f s CPU.",
        Fmt.mib(emulatorAfter.rssMiB()), Fmt.mib(emulatorAfter.peakRssMiB()), emulatorAfter.threads(),
        emulatorAfter.cpuSeconds()));
    motoAfter.ifPresent(s -> notes.add(String.format("moto memory after the load: RSS %s, peak RSS %s, %.1f s CPU.",
        Fmt.mib(s.rssMiB()), Fmt.mib(s.peakRssMiB()), s.cpuSeconds())));
    notes.add("RegisterTaskDefinition adds a revision per request on both servers, so its state grows during the "
        + "run (to hundreds of thousands of revisions of one family on the emulator: the garbage collector's work "
        + "on that growing heap is part of its figures). It runs last so that the other figures do not pay for it. "
        + "DescribeTaskDefinition reads a family by name in an account that also holds "
        + ApiScenarios.OTHER_REVISIONS + " revisions of another family.");
    if (!profiles.isEmpty()) {
      notes.add("JFR profiles of the emulator during each scenario's measured load (after its warm-up): "
          + profiles.stream().map(f -> "`" + f + "`").toList() + "; summarize one with `java -cp "
          + "bench/target/ecs-emulator-bench.jar dev.ecsemulator.bench.profile.JfrTopFrames FILE 30 dev.ecsemulator`.");
    }
    section.bullets(notes);
    return section.build();
  }

  private static Measured measure(BenchContext ctx, ApiScenario scenario, int connections, ServerProcess emulator,
      EcsRequest emulatorRequest, ServerProcess moto, EcsRequest motoRequest, boolean durableWrite) {
    BenchOptions options = ctx.options();
    List<LoadResult> onEmulator = new ArrayList<>();
    List<LoadResult> onMoto = new ArrayList<>();
    List<SyncFloor.Result> floors = new ArrayList<>();
    for (int repeat = 0; repeat < options.repeats(); repeat++) {
      boolean emulatorFirst = repeat % 2 == 0;
      if (emulatorFirst) {
        onEmulator.add(load(ctx, emulator, emulatorRequest, connections));
      }
      if (moto != null) {
        onMoto.add(load(ctx, moto, motoRequest, connections));
      }
      if (!emulatorFirst) {
        onEmulator.add(load(ctx, emulator, emulatorRequest, connections));
      }
      if (durableWrite) {
        SyncFloor.Result floor = SyncFloor.measure(options.workDir(), SYNC_FLOOR_WINDOW);
        ctx.log(String.format("api: disk sync floor: %s synced appends/s, p50 %s ms", Fmt.rate(floor.perSecond()),
            Fmt.ms(floor.p50Millis())));
        floors.add(floor);
      }
    }
    return new Measured(scenario, connections, onEmulator, onMoto, floors);
  }

  /** Operations whose every call commits to the store (so, on a durable emulator, waits for a sync). */
  private static final Set<String> WRITES = Set.of("RegisterTaskDefinition");

  private static EmulatorProcess startOther(BenchContext ctx, EmulatorLauncher launcher, List<String> args) {
    List<String> all = new ArrayList<>(launcher.args());
    all.addAll(args);
    EmulatorLauncher other = launcher.withArgs(all);
    ctx.log("api: starting another emulator: " + other.commandLine());
    return other.start();
  }

  private static List<String> floorRow(Measured m) {
    Summary floor = floorRates(m);
    Summary p50 = Summary.of(m.syncFloor().stream().map(SyncFloor.Result::p50Millis).toList());
    Summary emu = rates(m.emulator());
    return List.of(m.scenario().name(), String.valueOf(m.connections()), Fmt.spread(emu, Fmt::rate),
        Fmt.spread(floor, Fmt::rate) + " (" + Fmt.ms(p50.median()) + ")", Fmt.ratio(emu.median() / floor.median()));
  }

  private static Summary floorRates(Measured m) {
    return Summary.of(m.syncFloor().stream().map(SyncFloor.Result::perSecond).toList());
  }

  private static Headline floorHeadline(Measured m) {
    Summary floor = floorRates(m);
    double emu = rates(m.emulator()).median();
    return new Headline(m.scenario().name() + " (durable), " + m.connections() + " conn"
        + (m.connections() == 1 ? "" : "s") + ": against the disk", Fmt.rate(emu) + " req/s",
        "disk: " + Fmt.rate(floor.median()) + " synced appends/s", Fmt.ratio(emu / floor.median()),
        "reported (the disk is its upper bound)", Headline.Verdict.NO_GOAL);
  }

  /** A scenario the emulator could not be prepared for: reported, and the other scenarios still run. */
  private static void failed(BenchContext ctx, Section.Builder section, List<String> skipped, ApiScenario scenario,
      RuntimeException e) {
    ctx.log("api: " + scenario.name() + " FAILED: " + e.getMessage());
    skipped.add("**" + scenario.name() + "**: FAILED on the emulator: " + e.getMessage());
    section.headline(new Headline(scenario.name() + " throughput", "FAILED", "—", "—", "≥ 40× moto",
        Headline.Verdict.NOT_MET));
  }

  /**
   * Load that is not measured, so the first configuration does not pay for the JIT compiler's work. moto (no JIT)
   * gets at most 5 s of it.
   */
  private static void warmUp(BenchContext ctx, ServerProcess server, EcsRequest request) {
    Duration warmUp = server instanceof MotoProcess && ctx.options().jitWarmUp().toSeconds() > 5
        ? Duration.ofSeconds(5) : ctx.options().jitWarmUp();
    if (!warmUp.isZero()) {
      ctx.log("api: warming " + server.name() + " up with " + request.operation() + " for " + warmUp.toSeconds()
          + " s");
      ctx.loadRun().run(new LoadSpec(server.host(), server.port(), request, 16, Duration.ZERO, warmUp));
    }
  }

  private static LoadResult load(BenchContext ctx, ServerProcess server, EcsRequest request, int connections) {
    BenchOptions options = ctx.options();
    LoadResult result = ctx.loadRun().run(new LoadSpec(server.host(), server.port(), request, connections,
        options.warmUp(), options.duration()), server);
    ctx.log(String.format("api: %-24s %-14s c=%-3d %10s req/s  p50 %s ms  p99 %s ms  CPU %.0f µs/req  errors %d%s",
        request.operation(), server.name(), connections, Fmt.rate(result.throughput()), Fmt.ms(result.p50Millis()),
        Fmt.ms(result.p99Millis()), result.serverCpuMicrosPerRequest(), result.errors(),
        result.firstError() == null ? "" : "  first error: " + abbreviate(result.firstError())));
    return result;
  }

  private static List<String> row(Measured m) {
    Summary emuRate = rates(m.emulator());
    String motoRate = m.moto().isEmpty() ? "—" : Fmt.spread(rates(m.moto()), Fmt::rate);
    String ratio = m.moto().isEmpty() ? "—" : ratioCell(m);
    return List.of(m.scenario().name(), String.valueOf(m.connections()), Fmt.spread(emuRate, Fmt::rate), motoRate,
        ratio, latencies(m.emulator()), m.moto().isEmpty() ? "—" : latencies(m.moto()), cpuCell(m),
        errors(m.emulator()) + " / " + (m.moto().isEmpty() ? "—" : String.valueOf(errors(m.moto()))));
  }

  private static String cpuCell(Measured m) {
    double emulator = cpu(m.emulator());
    if (m.moto().isEmpty()) {
      return Fmt.rate(emulator) + " / —";
    }
    double moto = cpu(m.moto());
    return Fmt.rate(emulator) + " / " + Fmt.rate(moto) + " (" + Fmt.ratio(moto / emulator) + " less)";
  }

  private static double cpu(List<LoadResult> results) {
    return Summary.of(results.stream().map(LoadResult::serverCpuMicrosPerRequest).toList()).median();
  }

  private static String ratioCell(Measured m) {
    List<Double> pairs = new ArrayList<>();
    for (int i = 0; i < Math.min(m.emulator().size(), m.moto().size()); i++) {
      pairs.add(m.emulator().get(i).throughput() / m.moto().get(i).throughput());
    }
    double ratio = rates(m.emulator()).median() / rates(m.moto()).median();
    Summary perRepeat = Summary.of(pairs);
    return pairs.size() == 1 ? Fmt.ratio(ratio)
        : Fmt.ratio(ratio) + " (" + Fmt.ratio(perRepeat.min()) + "–" + Fmt.ratio(perRepeat.max()) + ")";
  }

  private static Headline headline(Measured m) {
    String figure = m.scenario().name() + ", " + m.connections() + " conn" + (m.connections() == 1 ? "" : "s")
        + ": throughput";
    Summary emu = rates(m.emulator());
    if (m.moto().isEmpty()) {
      return new Headline(figure, Fmt.rate(emu.median()) + " req/s", "unavailable", "—", "≥ 40× moto",
          Headline.Verdict.NO_GOAL);
    }
    double ratio = emu.median() / rates(m.moto()).median();
    return new Headline(figure, Fmt.rate(emu.median()) + " req/s", Fmt.rate(rates(m.moto()).median()) + " req/s",
        Fmt.ratio(ratio), "≥ 40× moto", Headline.Verdict.of(ratio >= GOAL_RATIO));
  }

  private static double widestSpread(List<Measured> measured) {
    double widest = 0;
    for (Measured m : measured) {
      widest = Math.max(widest, rates(m.emulator()).relativeSpread());
      if (!m.moto().isEmpty()) {
        widest = Math.max(widest, rates(m.moto()).relativeSpread());
      }
    }
    return widest;
  }

  private static Summary rates(List<LoadResult> results) {
    return Summary.of(results.stream().map(LoadResult::throughput).toList());
  }

  private static String latencies(List<LoadResult> results) {
    Summary p50 = Summary.of(results.stream().map(LoadResult::p50Millis).toList());
    Summary p99 = Summary.of(results.stream().map(LoadResult::p99Millis).toList());
    return Fmt.ms(p50.median()) + " / " + Fmt.ms(p99.median());
  }

  private static long errors(List<LoadResult> results) {
    return results.stream().mapToLong(LoadResult::errors).sum();
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
