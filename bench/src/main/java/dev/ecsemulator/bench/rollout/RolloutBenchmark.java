package dev.ecsemulator.bench.rollout;

import dev.ecsemulator.bench.BenchContext;
import dev.ecsemulator.bench.BenchOptions;
import dev.ecsemulator.bench.Benchmark;
import dev.ecsemulator.bench.docker.BenchDocker;
import dev.ecsemulator.bench.docker.ContainerTemplate;
import dev.ecsemulator.bench.process.EmulatorLauncher;
import dev.ecsemulator.bench.process.EmulatorProcess;
import dev.ecsemulator.bench.report.Fmt;
import dev.ecsemulator.bench.report.Headline;
import dev.ecsemulator.bench.report.MachineFacts;
import dev.ecsemulator.bench.report.Section;
import dev.ecsemulator.bench.stats.Summary;
import dev.ecsemulator.bench.tasks.EcsTasks;
import dev.ecsemulator.scheduler.service.RolloutTimeCalculator;
import dev.ecsemulator.scheduler.service.RolloutTimeCalculator.StepDurations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;

/**
 * Rolling update time against its theoretical minimum (issues 5 and 7): services of 3 and 10 sample-web:1 tasks
 * with a health check at ECS's minimum settings, updated to :2 with the default deployment configuration
 * (100/200). Before each rollout, a raw Docker wave of the same size measures the three steps the minimum is made
 * of (launch, first passing health check, stop); the scheduler's own {@link RolloutTimeCalculator} turns them into
 * the minimum, taking every step the instant the deployment configuration allows.
 */
public final class RolloutBenchmark implements Benchmark {

  /** Issue 5's goal: within 1.2× the theoretical minimum. */
  public static final double GOAL_RATIO = 1.2;

  @Override
  public String id() {
    return "rollout";
  }

  /** One rollout and the raw wave measured right before it. */
  record Round(int size, RawWave.Measured raw, double minimumMs, EmulatorRollout.Measured rollout) {
    double ratio() {
      return rollout.wallMs() / minimumMs;
    }
  }

  @Override
  public Section run(BenchContext ctx) {
    BenchOptions.TaskSizes sizes = ctx.options().tasks();
    List<String> args = new ArrayList<>(ctx.options().emulatorArgs());
    args.addAll(List.of("--instance-cpu", String.valueOf(RolloutKinds.instanceCpu(
        sizes.rolloutSizes().stream().mapToInt(Integer::intValue).max().orElse(1)))));
    EmulatorLauncher launcher = ctx.taskLauncher().withArgs(args);
    String loadBefore = MachineFacts.loadAverage();
    List<Round> rounds = new ArrayList<>();
    ctx.log("rollout: starting the emulator: " + launcher.commandLine());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (EmulatorProcess emulator = launcher.start(); BenchDocker docker = BenchDocker.connect()) {
      EcsTasks ecs = new EcsTasks(emulator.client());
      ecs.createCluster(RolloutKinds.CLUSTER);
      String old = ecs.register(RolloutKinds.taskDefinition(RolloutKinds.OLD_IMAGE));
      String fresh = ecs.register(RolloutKinds.taskDefinition(RolloutKinds.NEW_IMAGE));
      EmulatorRollout rollouts = new EmulatorRollout(ecs, docker);
      RawWave waves = new RawWave(docker, pool);
      int serial = 0;
      for (int size : sizes.rolloutSizes()) {
        for (int r = 0; r < sizes.rolloutRepeats(); r++) {
          String service = "bench-rollout-" + size + "-" + (++serial);
          rollouts.prepare(service, old, size);
          ContainerTemplate oldContainer = rollouts.template(service);
          RawWave.Measured raw = waves.run(oldContainer, oldContainer.withImage(RolloutKinds.NEW_IMAGE), size);
          double minimum = RolloutTimeCalculator.minimumRolloutTime(size, RolloutKinds.MIN_HEALTHY_PERCENT,
              RolloutKinds.MAX_PERCENT, steps(raw)).toNanos() / 1e6;
          EmulatorRollout.Measured rollout = rollouts.update(service, old, fresh, size);
          rounds.add(new Round(size, raw, minimum, rollout));
          ctx.log(String.format("rollout of %d, %d/%d: %s ms; minimum %s ms (raw launch %s + healthy %s + stop %s); "
                  + "ratio %s", size, r + 1, sizes.rolloutRepeats(), Fmt.ms(rollout.wallMs()), Fmt.ms(minimum),
              Fmt.ms(raw.launchMs()), Fmt.ms(raw.healthyMs()), Fmt.ms(raw.stopMs()),
              Fmt.ratio(rollout.wallMs() / minimum)));
          ecs.deleteService(RolloutKinds.CLUSTER, service, RolloutKinds.FAMILY, Duration.ofMinutes(3));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return report(ctx, launcher, rounds, loadBefore, MachineFacts.loadAverage());
  }

  static StepDurations steps(RawWave.Measured raw) {
    return new StepDurations(millis(raw.launchMs()), millis(raw.healthyMs()), millis(raw.stopMs()));
  }

  private static Duration millis(double ms) {
    return Duration.ofNanos(Math.round(ms * 1e6));
  }

  private static Section report(BenchContext ctx, EmulatorLauncher launcher, List<Round> rounds, String loadBefore,
      String loadAfter) {
    Section.Builder section = Section.builder("Rollout time against its theoretical minimum");
    section.paragraph("A REPLICA service of N tasks of `" + RolloutKinds.OLD_IMAGE + "` (bridge, port 8080 on a "
        + "dynamic host port, 32 MiB, 128 CPU units, the sample app's health check `wget -q -O- "
        + "http://localhost:8080/health` at the smallest settings ECS accepts: interval " + RolloutKinds.INTERVAL_S
        + " s, timeout " + RolloutKinds.TIMEOUT_S + " s, retries " + RolloutKinds.RETRIES + ", start period "
        + RolloutKinds.START_PERIOD_S + " s), default deployment configuration (minimumHealthyPercent "
        + RolloutKinds.MIN_HEALTHY_PERCENT + ", maximumPercent " + RolloutKinds.MAX_PERCENT + ", no circuit "
        + "breaker), on an emulator whose instance has room for 2N such tasks (`--instance-cpu`; the default, this "
        + "machine's 2 × 1,024 units, would hold back new tasks and add waves), is created and left to become stable with every task HEALTHY (untimed). UpdateService to `"
        + RolloutKinds.NEW_IMAGE + "` is then timed from sending it to the first DescribeServices answer (every "
        + EmulatorRollout.POLL.toMillis() + " ms) that meets `aws ecs wait services-stable`'s condition: one "
        + "deployment (the new one) and runningCount == desiredCount. Emulator: `" + launcher.commandLine() + "`.");
    section.paragraph("**The theoretical minimum**: every step takes exactly as long as it takes on "
        + "raw Docker, and each is taken the instant the deployment configuration allows it. Right before each "
        + "rollout the harness measures the three steps on raw Docker (docker-java, the emulator's client), for a "
        + "wave of N containers copied from the service's own (same image, limits, labels, port, health check): "
        + "**launch** = create+start N copies of a task's container on :2 at once, until the last start call "
        + "returned; **healthy** = the longest time from a copy's `State.StartedAt` to the end of its first "
        + "passing probe in Docker's health log (Docker runs the first probe one interval after the start, so "
        + "this is about interval + one probe); **stop** = `docker stop` of N running :1 copies at once, with the "
        + "task's stop timeout, until the last call returned. The scheduler's own "
        + "`RolloutTimeCalculator.minimumRolloutTime(N, 100, 200, steps)` then plays the deployment "
        + "configuration's rules: it starts new tasks while running + pending stays within "
        + "floor(N × maximumPercent / 100) and stops healthy old tasks while at least ceil(N × "
        + "minimumHealthyPercent / 100) healthy tasks remain. At 100/200 that is one wave: all N new tasks "
        + "start at once (2N ≤ 200 %), no old task may stop until N new ones are healthy, then all N old ones "
        + "stop at once, so minimum = launch + healthy + stop. Each ratio below pairs a rollout with the raw "
        + "wave measured just before it.");
    List<List<String>> rows = new ArrayList<>();
    Map<Integer, List<Round>> bySize = new LinkedHashMap<>();
    rounds.forEach(round -> bySize.computeIfAbsent(round.size(), k -> new ArrayList<>()).add(round));
    for (var entry : bySize.entrySet()) {
      List<Round> of = entry.getValue();
      Summary wall = summary(of, r -> r.rollout().wallMs());
      Summary minimum = summary(of, Round::minimumMs);
      Summary ratio = summary(of, Round::ratio);
      rows.add(List.of(String.valueOf(entry.getKey()), String.valueOf(of.size()),
          Fmt.spread(wall, Fmt::ms), Fmt.spread(minimum, Fmt::ms),
          Fmt.ms(summary(of, r -> r.raw().launchMs()).median()) + " + "
              + Fmt.ms(summary(of, r -> r.raw().healthyMs()).median()) + " + "
              + Fmt.ms(summary(of, r -> r.raw().stopMs()).median()),
          Fmt.ms(summary(of, r -> r.raw().probeMs()).median()),
          Fmt.ratio(ratio.median()) + " (" + Fmt.ratio(ratio.min()) + "–" + Fmt.ratio(ratio.max()) + ")"));
      section.headline(new Headline("Rolling update, " + entry.getKey() + " tasks, sample-web:1 → :2 (100/200, "
          + "health check every " + RolloutKinds.INTERVAL_S + " s)",
          Fmt.ms(wall.median()) + " ms",
          "theoretical minimum " + Fmt.ms(minimum.median()) + " ms",
          Fmt.ratio(ratio.median()), "≤ 1.2× theoretical minimum",
          Headline.Verdict.of(ratio.median() <= GOAL_RATIO)));
    }
    section.table(List.of("Tasks", "Rollouts", "Rollout ms, UpdateService → services-stable",
        "Theoretical minimum ms", "Raw steps ms: launch + healthy + stop (medians)", "One passing probe ms",
        "Ratio (median of paired, min–max)"), rows);

    section.paragraph("Where the emulator's rollout time goes (medians; milliseconds after UpdateService was sent, "
        + "from the tasks' own timestamps and Docker's health logs of the new containers):");
    List<List<String>> timeline = new ArrayList<>();
    for (var entry : bySize.entrySet()) {
      List<Round> of = entry.getValue();
      timeline.add(List.of(String.valueOf(entry.getKey()),
          med(of, m -> m.firstCreatedAtMs()), med(of, m -> m.lastStartedAtMs()), med(of, m -> m.launchMs()),
          med(of, m -> m.firstHealthyAtMs()), med(of, m -> m.lastHealthyAtMs()), med(of, m -> m.firstStoppingAtMs()),
          med(of, m -> m.firstStoppingAtMs() - m.firstHealthyAtMs()), med(of, m -> m.lastStoppedAtMs()),
          med(of, m -> m.stopMs()), med(of, m -> m.wallMs() - m.lastStoppedAtMs())));
    }
    section.table(List.of("Tasks", "First new task created", "Last new task RUNNING",
        "Longest new-task launch (createdAt → startedAt)", "First new container's first probe passed",
        "Last new container's first probe passed", "First old task told to stop",
        "Reaction: first passing probe → first stop (an old task may stop once one new task is healthy)", "Last old task STOPPED",
        "Longest stop (stoppingAt → stoppedAt)", "Last STOPPED → services-stable seen"), timeline);
    section.bullets(List.of(
        "Load average before / after this benchmark: " + loadBefore + " / " + loadAfter + ".",
        "The raw wave and the rollout run back to back, " + ctx.options().tasks().rolloutRepeats() + " time(s) per "
            + "size; the service's N old tasks are running (idle but for their probes) while the raw wave runs."));
    return section.build();
  }

  private static Summary summary(List<Round> rounds, ToDoubleFunction<Round> figure) {
    return Summary.of(rounds.stream().map(figure::applyAsDouble).toList());
  }

  private static String med(List<Round> rounds, ToDoubleFunction<EmulatorRollout.Measured> figure) {
    return Fmt.ms(summary(rounds, r -> figure.applyAsDouble(r.rollout())).median());
  }
}
