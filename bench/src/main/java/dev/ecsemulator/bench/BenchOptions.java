package dev.ecsemulator.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How a run is configured. {@link BenchMain} builds it from the command line; {@code --smoke} shrinks everything to
 * seconds.
 *
 * @param jitWarmUp load at 16 connections before a scenario's first measurement, on each server, so the JVM has
 *     compiled the request path (as in an emulator that has been up for a while)
 * @param warmUp load before each measured window, not counted
 * @param duration each measured window
 * @param repeats how many times each configuration runs (interleaved with its baseline), for the median and spread
 * @param connections the concurrency levels of the API benchmark
 * @param startupRuns launches per start-up mode
 * @param idle how long a started server idles before its resident memory is read
 * @param benchmarks the benchmark IDs to run (empty: all)
 * @param scenarios the API scenarios to run, by name (empty: all)
 * @param jar the emulator's packaged jar
 * @param cdsArchive the class data sharing archive bin/ecs-emulator trains, when there is one
 * @param python the Python that runs moto
 * @param out the Markdown report to write
 * @param workDir scratch space: data directories, logs, flight recordings
 * @param command the command line shown in the report
 * @param profile whether the emulator records a JFR profile during the API and launch benchmarks
 * @param emulatorArgs extra emulator options for every benchmark but start-up, for A/B runs
 * @param tasks the sizes of the task benchmarks (launch, rollout, scale)
 */
public record BenchOptions(boolean smoke, Duration jitWarmUp, Duration warmUp,
    Duration duration, int repeats, List<Integer> connections,
    int startupRuns, Duration idle, Set<String> benchmarks, Set<String> scenarios, Path jar,
    Optional<Path> cdsArchive, String python, Path out, Path workDir, String command, boolean profile,
    List<String> emulatorArgs, TaskSizes tasks) {

  /**
   * How big the benchmarks on real containers are.
   *
   * @param launches measured launches per kind (emulator bridge, emulator awsvpc, and their raw baselines)
   * @param launchWarmUps unmeasured launches per kind first (JIT, page cache, Docker's caches)
   * @param launchPoll how often the launch benchmark asks DescribeTasks whether a task is RUNNING
   * @param rolloutSizes the services' task counts, one rollout benchmark each
   * @param rolloutRepeats rollouts per size
   * @param scaleTasks running tasks of the scale benchmark
   * @param scaleIdle how long the emulator's idle CPU is measured, with and without those tasks
   */
  public record TaskSizes(int launches, int launchWarmUps, Duration launchPoll, List<Integer> rolloutSizes, int rolloutRepeats,
      int scaleTasks, Duration scaleIdle) {

    public TaskSizes {
      rolloutSizes = List.copyOf(rolloutSizes);
      if (launches < 1 || launchWarmUps < 0 || rolloutRepeats < 1 || scaleTasks < 1) {
        throw new IllegalArgumentException("launches, rollout repeats and scale tasks must be at least 1");
      }
    }
  }

  public BenchOptions {
    connections = List.copyOf(connections);
    emulatorArgs = List.copyOf(emulatorArgs);
    benchmarks = Set.copyOf(benchmarks);
    scenarios = Set.copyOf(scenarios);
    if (repeats < 1 || startupRuns < 1) {
      throw new IllegalArgumentException("repeats and start-up runs must be at least 1");
    }
  }

  public boolean runs(String benchmarkId) {
    return benchmarks.isEmpty() || benchmarks.contains(benchmarkId);
  }

  /** Whether the API scenario named so (or sending that operation) is selected. */
  public boolean runsScenario(String name, String operation) {
    return scenarios.isEmpty() || scenarios.contains(name) || scenarios.contains(operation);
  }

  /** The settings in words, for the report. */
  public String describe() {
    return String.format(Locale.ROOT, "%s; API: %s s warm-up per scenario, then %s s warm-up + %s s measured per "
            + "configuration, %d repeat(s) "
            + "interleaved with the baseline, connections %s; start-up: %d launch(es) per mode, idle %s s before "
            + "reading RSS; launch: %d measured (+%d warm-up) per kind; rollout: %s tasks, %d repeat(s); "
            + "scale: %d tasks, %s s idle",
        smoke ? "SMOKE RUN (figures meaningless)" : "full run", seconds(jitWarmUp),
        seconds(warmUp), seconds(duration), repeats,
        connections, startupRuns, seconds(idle), tasks.launches(), tasks.launchWarmUps(), tasks.rolloutSizes(),
        tasks.rolloutRepeats(), tasks.scaleTasks(), seconds(tasks.scaleIdle()));
  }

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
  }
}
