package dev.ecsemulator.bench.launch;

import dev.ecsemulator.bench.BenchContext;
import dev.ecsemulator.bench.BenchOptions;
import dev.ecsemulator.bench.Benchmark;
import dev.ecsemulator.bench.docker.BenchDocker;
import dev.ecsemulator.bench.launch.Launches.EmulatorLaunch;
import dev.ecsemulator.bench.launch.Launches.RawLaunch;
import dev.ecsemulator.bench.process.EmulatorLauncher;
import dev.ecsemulator.bench.process.EmulatorProcess;
import dev.ecsemulator.bench.profile.JfrRecording;
import dev.ecsemulator.bench.report.Fmt;
import dev.ecsemulator.bench.report.Headline;
import dev.ecsemulator.bench.report.MachineFacts;
import dev.ecsemulator.bench.report.Section;
import dev.ecsemulator.bench.stats.Summary;
import dev.ecsemulator.bench.tasks.EcsTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Task launch latency against raw Docker (issues 4, 7 and 21): RunTask → RUNNING of a one-container bridge task and
 * of an awsvpc task as an AWS SDK v2 client sees it, each against a plain docker-java create+start of copies of the
 * very containers the emulator created (for awsvpc: its sandbox, then the container in the sandbox's namespace), and
 * against the earlier baseline that adds the inspect and the observer's polling load to those. The six kinds are
 * interleaved one for one, in a rotating order, so a burst of load from others hits all alike.
 */
public final class LaunchBenchmark implements Benchmark {

  /**
   * Issue 21's goal 1: RunTask → RUNNING, as an SDK client polling DescribeTasks every 10 ms sees it, at most 1.10×
   * a plain docker create + start of the same container.
   */
  public static final double GOAL_RATIO = 1.10;

  private enum Kind { BRIDGE, PLAIN, AWSVPC, PLAIN_SANDBOX, RAW, RAW_SANDBOX }

  @Override
  public String id() {
    return "launch";
  }

  @Override
  public Section run(BenchContext ctx) {
    BenchOptions.TaskSizes sizes = ctx.options().tasks();
    EmulatorLauncher launcher = ctx.taskLauncher();
    List<EmulatorLaunch> bridge = new ArrayList<>();
    List<EmulatorLaunch> awsvpc = new ArrayList<>();
    List<RawLaunch> plain = new ArrayList<>();
    List<RawLaunch> plainSandbox = new ArrayList<>();
    List<RawLaunch> raw = new ArrayList<>();
    List<RawLaunch> rawSandbox = new ArrayList<>();
    String loadBefore = MachineFacts.loadAverage();
    List<String> templates;
    double cpuPerPoll;
    String profile = null;
    ctx.log("launch: starting the emulator: " + launcher.commandLine());
    try (EmulatorProcess emulator = launcher.start(); BenchDocker docker = BenchDocker.connect();
        SdkObserver sdk = new SdkObserver(emulator.endpoint(), sizes.launchPoll())) {
      EcsTasks ecs = new EcsTasks(emulator.client());
      ecs.createCluster(LaunchKinds.CLUSTER);
      ecs.register(LaunchKinds.taskDefinition(LaunchKinds.BRIDGE, "bridge"));
      ecs.register(LaunchKinds.taskDefinition(LaunchKinds.AWSVPC, "awsvpc"));
      Launches launches = new Launches(ecs, sdk, docker, sizes.launchPoll(), emulator.pid());
      ctx.log("launch: " + sizes.launchWarmUps() + " unmeasured launch(es) of each kind first");
      for (int i = 0; i < sizes.launchWarmUps(); i++) {
        launches.emulator(LaunchKinds.BRIDGE);
        launches.emulator(LaunchKinds.AWSVPC);
        launches.plain();
        launches.plainSandbox();
        launches.raw();
        launches.rawSandbox();
      }
      if (!ctx.options().jitWarmUp().isZero()) {
        int calls = launches.warmUpPolling(ctx.options().jitWarmUp());
        ctx.log("launch: " + calls + " unmeasured DescribeTasks calls (JIT warm-up of the polled request)");
      }
      JfrRecording recording = ctx.options().profile()
          ? JfrRecording.start(emulator.pid(), ctx.options().workDir().resolve("launch.jfr")) : null;
      try {
        Kind[] kinds = Kind.values();
        for (int i = 0; i < sizes.launches(); i++) {
          for (int k = 0; k < kinds.length; k++) {
            Kind kind = kinds[(i + k) % kinds.length];
            switch (kind) {
              case BRIDGE -> bridge.add(launches.emulator(LaunchKinds.BRIDGE));
              case AWSVPC -> awsvpc.add(launches.emulator(LaunchKinds.AWSVPC));
              case PLAIN -> plain.add(launches.plain());
              case PLAIN_SANDBOX -> plainSandbox.add(launches.plainSandbox());
              case RAW -> raw.add(launches.raw());
              case RAW_SANDBOX -> rawSandbox.add(launches.rawSandbox());
            }
          }
          ctx.log(String.format("launch %d/%d: bridge %s ms (engine %s), plain %s ms, raw %s ms; awsvpc %s ms "
                  + "(engine %s), plain sandbox + container %s ms, raw %s ms; load %s", i + 1, sizes.launches(),
              Fmt.ms(last(bridge).observedMs()), Fmt.ms(last(bridge).engineMs()), Fmt.ms(last(plain).tookMs()),
              Fmt.ms(last(raw).tookMs()), Fmt.ms(last(awsvpc).observedMs()), Fmt.ms(last(awsvpc).engineMs()),
              Fmt.ms(last(plainSandbox).tookMs()), Fmt.ms(last(rawSandbox).tookMs()), MachineFacts.loadAverage()));
        }
        templates = launches.describeTemplates();
        cpuPerPoll = launches.emulatorCpuPerPollMs();
      } finally {
        if (recording != null) {
          recording.close();
          profile = recording.file().toString();
        }
      }
    }
    String loadAfter = MachineFacts.loadAverage();
    return report(ctx, launcher, new Measured(bridge, awsvpc, plain, plainSandbox, raw, rawSandbox, cpuPerPoll),
        templates, loadBefore, loadAfter, profile);
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }

  /** Every kind's launches, in measurement order (launch i of each kind ran in the same round). */
  private record Measured(List<EmulatorLaunch> bridge, List<EmulatorLaunch> awsvpc, List<RawLaunch> plain,
      List<RawLaunch> plainSandbox, List<RawLaunch> raw, List<RawLaunch> rawSandbox, double cpuPerPollMs) {}

  private static Section report(BenchContext ctx, EmulatorLauncher launcher, Measured m, List<String> templates,
      String loadBefore, String loadAfter, String profile) {
    int n = m.bridge().size();
    long pollMs = ctx.options().tasks().launchPoll().toMillis();
    Section.Builder section = Section.builder("Task launch latency against raw Docker");
    section.paragraph("RunTask → RUNNING of a one-container task (`" + LaunchKinds.IMAGE + "`, "
        + LaunchKinds.MEMORY_MIB + " MiB hard limit, " + LaunchKinds.CPU_UNITS + " CPU units, no health check, no "
        + "port mapping, EC2 launch type) as a user sees it: an AWS SDK v2 `EcsClient` (the SDK's default HTTP "
        + "client) sends RunTask, then DescribeTasks every " + pollMs + " ms until `lastStatus` is RUNNING; the time "
        + "runs from before RunTask to the answer that shows RUNNING. Also given: the task's own `startedAt − "
        + "createdAt` (the engine's time, without HTTP or polling). **Baseline (issue 21, the external "
        + "definition):** a plain `docker create` + `docker start` from a Docker SDK client (docker-java, the "
        + "emulator's own client library and transport) of a copy of the very container the emulator created for an "
        + "earlier task (same image, command, environment, memory and CPU limits; labels copied too), timed from before "
        + "the create call to the start's answer, with nothing polling meanwhile. For awsvpc the plain baseline is what "
        + "a Docker client does for a task with a network namespace of its own, as the ECS agent does it and the "
        + "emulator does it: create + start a copy of the task's sandbox (pause) container, then create + start the "
        + "container in its namespace. **Earlier baseline (issue 7):** the same copies, plus the inspect that sees "
        + "each one run, while a thread sends DescribeTasks of a stopped task at the polling pace. The six kinds take "
        + "turns, one launch each in a rotating order, " + n + " measured launches per kind after "
        + ctx.options().tasks().launchWarmUps() + " unmeasured and " + ctx.options().jitWarmUp().toSeconds()
        + " s of the SDK's DescribeTasks back to back (the JIT warm-up of the polled request); each launch is undone "
        + "(StopTask until STOPPED, or a forced remove) before the next. Emulator: `" + launcher.commandLine()
        + "`.");
    Summary plainTook = summary(m.plain(), RawLaunch::tookMs);
    Summary plainSandboxTook = summary(m.plainSandbox(), RawLaunch::tookMs);
    Summary rawTook = summary(m.raw(), RawLaunch::tookMs);
    Summary sandboxTook = summary(m.rawSandbox(), RawLaunch::tookMs);
    Summary bridgeSeen = summary(m.bridge(), EmulatorLaunch::observedMs);
    Summary bridgeEngine = summary(m.bridge(), EmulatorLaunch::engineMs);
    Summary awsvpcSeen = summary(m.awsvpc(), EmulatorLaunch::observedMs);
    Summary awsvpcEngine = summary(m.awsvpc(), EmulatorLaunch::engineMs);
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("**bridge: RunTask → RUNNING seen by the SDK's DescribeTasks**, against plain create+start",
        bridgeSeen, plainTook, paired(m.bridge(), m.plain(), EmulatorLaunch::observedMs)));
    rows.add(row("bridge: the engine's own startedAt − createdAt, against plain create+start", bridgeEngine,
        plainTook, paired(m.bridge(), m.plain(), EmulatorLaunch::engineMs)));
    rows.add(row("bridge: RunTask → RUNNING, against the earlier baseline", bridgeSeen, rawTook,
        paired(m.bridge(), m.raw(), EmulatorLaunch::observedMs)));
    rows.add(row("bridge baseline: plain docker create + start", plainTook, null, null));
    rows.add(row("bridge earlier baseline: create+start+inspect under polling", rawTook, null, null));
    rows.add(row("**awsvpc: RunTask → RUNNING seen by the SDK's DescribeTasks**, against plain sandbox + container",
        awsvpcSeen, plainSandboxTook, paired(m.awsvpc(), m.plainSandbox(), EmulatorLaunch::observedMs)));
    rows.add(row("awsvpc: the engine's own startedAt − createdAt, against plain sandbox + container", awsvpcEngine,
        plainSandboxTook, paired(m.awsvpc(), m.plainSandbox(), EmulatorLaunch::engineMs)));
    rows.add(row("awsvpc: RunTask → RUNNING, against plain create+start of the one container (no sandbox)",
        awsvpcSeen, plainTook, paired(m.awsvpc(), m.plain(), EmulatorLaunch::observedMs)));
    rows.add(row("awsvpc: RunTask → RUNNING, against the earlier baseline", awsvpcSeen, sandboxTook,
        paired(m.awsvpc(), m.rawSandbox(), EmulatorLaunch::observedMs)));
    rows.add(row("awsvpc baseline: plain sandbox create + start, then container create + start", plainSandboxTook,
        null, null));
    rows.add(row("awsvpc earlier baseline: the same with an inspect after each, under polling", sandboxTook, null,
        null));
    section.table(List.of("Launch", "Median ms", "p90 ms", "p95 ms", "Min–max ms",
        "Ratio to its baseline: medians / p90s", "Median of the " + n + " paired ratios"), rows);

    section.paragraph("Where the time goes (medians over the measured launches; Docker's `Created` and "
        + "`State.StartedAt` from `docker inspect`, on the same clock as the emulator's timestamps):");
    List<EmulatorLaunch> bridge = m.bridge();
    List<EmulatorLaunch> awsvpc = m.awsvpc();
    section.table(List.of("Step", "bridge", "awsvpc", "plain", "plain sandbox + container (the container)"), List.of(
        List.of("RunTask answered", med(bridge, EmulatorLaunch::runTaskMs), med(awsvpc, EmulatorLaunch::runTaskMs),
            "—", "—"),
        List.of("createdAt → pullStartedAt (RunTask's commit to the engine's pass; awsvpc: incl. the sandbox)",
            med(bridge, EmulatorLaunch::toPassMs), med(awsvpc, EmulatorLaunch::toPassMs), "—", "—"),
        List.of("pullStartedAt → pullStoppedAt (image check)", med(bridge, EmulatorLaunch::imageMs),
            med(awsvpc, EmulatorLaunch::imageMs), "—", "—"),
        List.of("→ Docker's Created (create request)", med(bridge, EmulatorLaunch::toCreatedMs),
            med(awsvpc, EmulatorLaunch::toCreatedMs), medRaw(m.plain(), RawLaunch::toCreatedMs),
            medRaw(m.plainSandbox(), RawLaunch::toCreatedMs)),
        List.of("Created → Docker's StartedAt (rest of create, emulator: commit; start until the process runs)",
            med(bridge, EmulatorLaunch::createdToStartedMs), med(awsvpc, EmulatorLaunch::createdToStartedMs),
            medRaw(m.plain(), RawLaunch::createdToStartedMs), medRaw(m.plainSandbox(), RawLaunch::createdToStartedMs)),
        List.of("StartedAt → task startedAt (emulator: start's return, inspect, commit) / start's return (plain)",
            med(bridge, EmulatorLaunch::afterStartMs), med(awsvpc, EmulatorLaunch::afterStartMs),
            medRaw(m.plain(), RawLaunch::afterStartMs), medRaw(m.plainSandbox(), RawLaunch::afterStartMs)),
        List.of("task startedAt → DescribeTasks shows RUNNING (commit, polling)", med(bridge, EmulatorLaunch::pollLagMs),
            med(awsvpc, EmulatorLaunch::pollLagMs), "—", "—"),
        List.of("DescribeTasks calls per launch", med(bridge, EmulatorLaunch::polls), med(awsvpc, EmulatorLaunch::polls),
            "—", "—"),
        List.of("The emulator's CPU time per launch, ms (launch path and poll answers; 10 ms ticks)",
            med(bridge, EmulatorLaunch::cpuMs), med(awsvpc, EmulatorLaunch::cpuMs), "—", "—")));

    section.headline(headline("RunTask → RUNNING, bridge, SDK polling every " + pollMs + " ms (median of " + n + ")",
        bridgeSeen, plainTook, "plain docker create + start", true));
    section.headline(headline("RunTask → RUNNING, awsvpc, SDK polling every " + pollMs + " ms (median of " + n + ")",
        awsvpcSeen, plainSandboxTook, "plain sandbox + container create + start", false));
    section.headline(headline("RunTask → RUNNING, bridge, against the earlier baseline", bridgeSeen, rawTook,
        "create+start+inspect under polling", false));

    List<String> notes = new ArrayList<>();
    notes.add(String.format("awsvpc's extra cost, the sandbox: %s ms more than bridge at the median on the emulator "
            + "(%s ms more for the plain equivalent).", Fmt.ms(awsvpcSeen.median() - bridgeSeen.median()),
        Fmt.ms(plainSandboxTook.median() - plainTook.median())));
    notes.add(String.format("The emulator's extra time at the median: bridge %s ms, awsvpc %s ms.",
        Fmt.ms(bridgeSeen.median() - plainTook.median()), Fmt.ms(awsvpcSeen.median() - plainSandboxTook.median())));
    notes.add(String.format("The emulator's CPU time per DescribeTasks answer, measured while the earlier "
            + "baseline's polling load ran (nothing else then): %s ms; so the polls of a bridge launch cost it about "
            + "%s ms of its %s ms per launch (10 ms ticks, summed over the raw launches).", Fmt.ms(m.cpuPerPollMs()),
        Fmt.ms(m.cpuPerPollMs() * summary(bridge, EmulatorLaunch::polls).median()),
        Fmt.ms(summary(bridge, EmulatorLaunch::cpuMs).median())));
    notes.add("What the baselines copy: " + String.join("; ", templates) + ".");
    notes.add("Load average before / after this benchmark: " + loadBefore + " / " + loadAfter + ".");
    if (profile != null) {
      notes.add("JFR profile of the emulator over the measured launches: `" + profile + "`.");
    }
    section.bullets(notes);
    return section.build();
  }

  private static Headline headline(String figure, Summary emulator, Summary baseline, String what, boolean goal) {
    double ratio = emulator.median() / baseline.median();
    return new Headline(figure, Fmt.ms(emulator.median()) + " ms (p90 " + Fmt.ms(emulator.percentile(90)) + ")",
        what + " " + Fmt.ms(baseline.median()) + " ms (p90 " + Fmt.ms(baseline.percentile(90)) + ")",
        Fmt.ratio(ratio) + " (p90 " + Fmt.ratio(emulator.percentile(90) / baseline.percentile(90)) + ")",
        goal ? "≤ " + GOAL_RATIO + "× plain" : "reported",
        goal ? Headline.Verdict.of(ratio <= GOAL_RATIO) : Headline.Verdict.NO_GOAL);
  }

  private static List<String> row(String what, Summary s, Summary baseline, Summary paired) {
    return List.of(what, Fmt.ms(s.median()), Fmt.ms(s.percentile(90)), Fmt.ms(s.percentile(95)),
        Fmt.ms(s.min()) + "–" + Fmt.ms(s.max()),
        baseline == null ? "—" : Fmt.ratio(s.median() / baseline.median()) + " / "
            + Fmt.ratio(s.percentile(90) / baseline.percentile(90)),
        paired == null ? "—" : Fmt.ratio(paired.median()) + " (" + Fmt.ratio(paired.min()) + "–"
            + Fmt.ratio(paired.max()) + ")");
  }

  /** Emulator ÷ baseline per round (launch i of each kind ran back to back). */
  private static Summary paired(List<EmulatorLaunch> emulator, List<RawLaunch> raw,
      ToDoubleFunction<EmulatorLaunch> figure) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(emulator.size(), raw.size()); i++) {
      ratios.add(figure.applyAsDouble(emulator.get(i)) / raw.get(i).tookMs());
    }
    return Summary.of(ratios);
  }

  private static <T> Summary summary(List<T> list, ToDoubleFunction<T> figure) {
    return Summary.of(list.stream().map(figure::applyAsDouble).toList());
  }

  private static String med(List<EmulatorLaunch> list, ToDoubleFunction<EmulatorLaunch> figure) {
    return Fmt.ms(summary(list, figure).median());
  }

  private static String medRaw(List<RawLaunch> list, ToDoubleFunction<RawLaunch> figure) {
    return Fmt.ms(summary(list, figure).median());
  }
}
