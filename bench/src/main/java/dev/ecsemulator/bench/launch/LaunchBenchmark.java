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
 * Task launch latency against raw Docker (issues 4 and 7): RunTask → RUNNING of a one-container bridge task and of
 * an awsvpc task, each against a raw docker-java create+start of copies of the very containers the emulator
 * created (for awsvpc: its sandbox, then the container in the sandbox's namespace). The four kinds are interleaved
 * one for one, in a rotating order, so a burst of load from others hits all alike.
 */
public final class LaunchBenchmark implements Benchmark {

  /** Issue 7's goal: RunTask → RUNNING at most 1.15× a raw create+start (+ the inspect that sees it run). */
  public static final double GOAL_RATIO = 1.15;

  private enum Kind { BRIDGE, AWSVPC, RAW, RAW_SANDBOX }

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
    List<RawLaunch> raw = new ArrayList<>();
    List<RawLaunch> rawSandbox = new ArrayList<>();
    String loadBefore = MachineFacts.loadAverage();
    List<String> templates;
    String profile = null;
    ctx.log("launch: starting the emulator: " + launcher.commandLine());
    try (EmulatorProcess emulator = launcher.start(); BenchDocker docker = BenchDocker.connect()) {
      EcsTasks ecs = new EcsTasks(emulator.client());
      ecs.createCluster(LaunchKinds.CLUSTER);
      ecs.register(LaunchKinds.taskDefinition(LaunchKinds.BRIDGE, "bridge"));
      ecs.register(LaunchKinds.taskDefinition(LaunchKinds.AWSVPC, "awsvpc"));
      Launches launches = new Launches(ecs, docker, sizes.launchPoll());
      ctx.log("launch: " + sizes.launchWarmUps() + " unmeasured launch(es) of each kind first");
      for (int i = 0; i < sizes.launchWarmUps(); i++) {
        launches.emulator(LaunchKinds.BRIDGE);
        launches.emulator(LaunchKinds.AWSVPC);
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
              case RAW -> raw.add(launches.raw());
              case RAW_SANDBOX -> rawSandbox.add(launches.rawSandbox());
            }
          }
          ctx.log(String.format("launch %d/%d: bridge %s ms (engine %s), raw %s ms; awsvpc %s ms (engine %s), raw "
                  + "sandbox + container %s ms", i + 1, sizes.launches(), Fmt.ms(last(bridge).observedMs()),
              Fmt.ms(last(bridge).engineMs()), Fmt.ms(last(raw).tookMs()), Fmt.ms(last(awsvpc).observedMs()),
              Fmt.ms(last(awsvpc).engineMs()), Fmt.ms(last(rawSandbox).tookMs())));
        }
        templates = launches.describeTemplates();
      } finally {
        if (recording != null) {
          recording.close();
          profile = recording.file().toString();
        }
      }
    }
    String loadAfter = MachineFacts.loadAverage();
    return report(ctx, launcher, bridge, awsvpc, raw, rawSandbox, templates, loadBefore, loadAfter, profile);
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }

  private static Section report(BenchContext ctx, EmulatorLauncher launcher, List<EmulatorLaunch> bridge,
      List<EmulatorLaunch> awsvpc, List<RawLaunch> raw, List<RawLaunch> rawSandbox, List<String> templates,
      String loadBefore, String loadAfter, String profile) {
    int n = bridge.size();
    Section.Builder section = Section.builder("Task launch latency against raw Docker");
    section.paragraph("RunTask → RUNNING of a one-container task (`" + LaunchKinds.IMAGE + "`, "
        + LaunchKinds.MEMORY_MIB + " MiB hard limit, " + LaunchKinds.CPU_UNITS + " CPU units, no health check, no port mapping, EC2 launch type), timed "
        + "from sending RunTask to the first DescribeTasks answer that shows `lastStatus` RUNNING (DescribeTasks "
        + "every " + ctx.options().tasks().launchPoll().toMillis() + " ms), and by the task's own `startedAt − createdAt` (the engine's "
        + "time, without HTTP or polling). Baseline: a raw docker-java create+start (the emulator's own client "
        + "library and transport) of a copy of the very container the emulator created for an earlier task (same "
        + "image, command, environment, labels, memory and CPU limits), timed from before the create call to the answer of an inspect that shows it running (as the emulator "
        + "must inspect to learn that it runs), while a thread sends DescribeTasks of a stopped task at the same pace "
        + "as the emulator launch is polled (the observation costs CPU on these two shared cores; the raw launch "
        + "pays the same, so the ratio is the emulator's own overhead). "
        + "For awsvpc, the baseline creates and starts a copy of the task's sandbox and then the container in its "
        + "network namespace. The four kinds take turns, one launch each in a rotating order, " + n + " measured "
        + "launches per kind after " + ctx.options().tasks().launchWarmUps() + " unmeasured and "
        + ctx.options().jitWarmUp().toSeconds() + " s of DescribeTasks back to back (so that polling costs the "
        + "steady-state CPU: cold, polling every 10 ms slowed Docker's own start of the emulator's containers by "
        + "about 100–150 ms on these two cores); each launch is undone "
        + "(StopTask until STOPPED, or a forced remove) before the next. Emulator: `" + launcher.commandLine()
        + "`.");
    Summary rawTook = summary(raw, RawLaunch::tookMs);
    Summary sandboxTook = summary(rawSandbox, RawLaunch::tookMs);
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("bridge: RunTask → RUNNING seen by DescribeTasks", summary(bridge, EmulatorLaunch::observedMs),
        rawTook, paired(bridge, raw, EmulatorLaunch::observedMs)));
    rows.add(row("bridge: the engine's own startedAt − createdAt", summary(bridge, EmulatorLaunch::engineMs),
        rawTook, paired(bridge, raw, EmulatorLaunch::engineMs)));
    rows.add(row("bridge baseline: raw create+start+inspect", rawTook, null, null));
    rows.add(row("awsvpc: RunTask → RUNNING seen by DescribeTasks", summary(awsvpc, EmulatorLaunch::observedMs),
        sandboxTook, paired(awsvpc, rawSandbox, EmulatorLaunch::observedMs)));
    rows.add(row("awsvpc: the engine's own startedAt − createdAt", summary(awsvpc, EmulatorLaunch::engineMs),
        sandboxTook, paired(awsvpc, rawSandbox, EmulatorLaunch::engineMs)));
    rows.add(row("awsvpc baseline: raw sandbox create+start+inspect, then container create+start+inspect", sandboxTook, null, null));
    section.table(List.of("Launch", "Median ms", "p95 ms", "Min–max ms", "Ratio to its baseline: medians / p95s",
        "Median of the " + n + " paired ratios"), rows);

    section.paragraph("Where the time goes (medians over the measured launches; Docker's `Created` and "
        + "`State.StartedAt` from `docker inspect`, on the same clock as the emulator's timestamps):");
    section.table(List.of("Step", "bridge", "awsvpc", "raw", "raw sandbox + container (the container)"), List.of(
        List.of("RunTask answered", med(bridge, EmulatorLaunch::runTaskMs), med(awsvpc, EmulatorLaunch::runTaskMs),
            "—", "—"),
        List.of("createdAt → pullStartedAt (RunTask's commit to the engine's pass; awsvpc: incl. the sandbox)",
            med(bridge, EmulatorLaunch::toPassMs), med(awsvpc, EmulatorLaunch::toPassMs), "—", "—"),
        List.of("pullStartedAt → pullStoppedAt (image check)", med(bridge, EmulatorLaunch::imageMs),
            med(awsvpc, EmulatorLaunch::imageMs), "—", "—"),
        List.of("→ Docker's Created (create request)", med(bridge, EmulatorLaunch::toCreatedMs),
            med(awsvpc, EmulatorLaunch::toCreatedMs), medRaw(raw, RawLaunch::toCreatedMs),
            medRaw(rawSandbox, RawLaunch::toCreatedMs)),
        List.of("Created → Docker's StartedAt (rest of create, emulator: commit; start until the process runs)",
            med(bridge, EmulatorLaunch::createdToStartedMs), med(awsvpc, EmulatorLaunch::createdToStartedMs),
            medRaw(raw, RawLaunch::createdToStartedMs), medRaw(rawSandbox, RawLaunch::createdToStartedMs)),
        List.of("StartedAt → task startedAt (emulator: start's return, inspect, commit) / start's return and inspect (raw)",
            med(bridge, EmulatorLaunch::afterStartMs), med(awsvpc, EmulatorLaunch::afterStartMs),
            medRaw(raw, RawLaunch::afterStartMs), medRaw(rawSandbox, RawLaunch::afterStartMs)),
        List.of("task startedAt → DescribeTasks shows RUNNING (commit, polling)", med(bridge, EmulatorLaunch::pollLagMs),
            med(awsvpc, EmulatorLaunch::pollLagMs), "—", "—")));

    Summary bridgeSeen = summary(bridge, EmulatorLaunch::observedMs);
    Summary bridgeEngine = summary(bridge, EmulatorLaunch::engineMs);
    Summary awsvpcSeen = summary(awsvpc, EmulatorLaunch::observedMs);
    section.headline(headline("RunTask → RUNNING, bridge (median of " + n + ", DescribeTasks every "
        + ctx.options().tasks().launchPoll().toMillis() + " ms)",
        bridgeSeen, rawTook, "raw create+start+inspect", true));
    section.headline(headline("RunTask → RUNNING, bridge, engine's own startedAt − createdAt", bridgeEngine, rawTook,
        "raw create+start+inspect", true));
    section.headline(headline("RunTask → RUNNING, awsvpc (median of " + n + ")", awsvpcSeen, sandboxTook,
        "raw sandbox + container", false));

    List<String> notes = new ArrayList<>();
    notes.add(String.format("awsvpc's extra cost, the sandbox: %s ms more than bridge at the median on the emulator "
            + "(%s ms more for the raw equivalent).", Fmt.ms(awsvpcSeen.median() - bridgeSeen.median()),
        Fmt.ms(sandboxTook.median() - rawTook.median())));
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
    return new Headline(figure, Fmt.ms(emulator.median()) + " ms (p95 " + Fmt.ms(emulator.percentile(95)) + ")",
        what + " " + Fmt.ms(baseline.median()) + " ms (p95 " + Fmt.ms(baseline.percentile(95)) + ")",
        Fmt.ratio(ratio) + " (p95 " + Fmt.ratio(emulator.percentile(95) / baseline.percentile(95)) + ")",
        goal ? "≤ 1.15× raw" : "reported", goal ? Headline.Verdict.of(ratio <= GOAL_RATIO) : Headline.Verdict.NO_GOAL);
  }

  private static List<String> row(String what, Summary s, Summary baseline, Summary paired) {
    return List.of(what, Fmt.ms(s.median()), Fmt.ms(s.percentile(95)), Fmt.ms(s.min()) + "–" + Fmt.ms(s.max()),
        baseline == null ? "—" : Fmt.ratio(s.median() / baseline.median()) + " / "
            + Fmt.ratio(s.percentile(95) / baseline.percentile(95)),
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
