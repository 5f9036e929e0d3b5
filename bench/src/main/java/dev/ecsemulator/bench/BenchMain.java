package dev.ecsemulator.bench;

import dev.ecsemulator.bench.api.ApiBenchmark;
import dev.ecsemulator.bench.api.ColdApiBenchmark;
import dev.ecsemulator.bench.junit.JunitStartupBenchmark;
import dev.ecsemulator.bench.launch.LaunchBenchmark;
import dev.ecsemulator.bench.logs.AwslogsBenchmark;
import dev.ecsemulator.bench.rollout.RolloutBenchmark;
import dev.ecsemulator.bench.scale.ScaleBenchmark;
import dev.ecsemulator.bench.process.CdsArchive;
import dev.ecsemulator.bench.process.MotoProcess;
import dev.ecsemulator.bench.report.MachineFacts;
import dev.ecsemulator.bench.report.MarkdownReport;
import dev.ecsemulator.bench.report.Report;
import dev.ecsemulator.bench.report.Section;
import dev.ecsemulator.bench.startup.StartupBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark entry point bin/bench runs: every benchmark in turn, then {@code docs/benchmarks.md}. Exit code 0
 * when every benchmark ran (a figure that misses its goal is reported, not a failure), 1 when one failed.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Benchmarks ecs-emulator against baselines measured in the same run and writes a Markdown report.")
public final class BenchMain implements Callable<Integer> {

  @Option(names = "--smoke", description = "A seconds-long run of one scenario that only proves the harness works.")
  boolean smoke;

  @Option(names = "--scenario-warm-up", paramLabel = "SECONDS",
      description = "Unmeasured load before a scenario's first measurement (default 30; moto gets at most 5).")
  Double jitWarmUpSeconds;

  @Option(names = "--warm-up", paramLabel = "SECONDS", description = "Unmeasured load before each window (default 3).")
  Double warmUpSeconds;

  @Option(names = "--duration", paramLabel = "SECONDS", description = "Each measured window (default 10).")
  Double durationSeconds;

  @Option(names = "--repeats", paramLabel = "N", description = "Runs per configuration (default 3).")
  Integer repeats;

  @Option(names = "--connections", paramLabel = "N,N", split = ",",
      description = "API concurrency levels (default 1,16,64).")
  List<Integer> connections;

  @Option(names = "--startup-runs", paramLabel = "N",
      description = "Launches per start-up mode, and JVMs per mode of the JUnit benchmark (default 7).")
  Integer startupRuns;

  @Option(names = "--idle", paramLabel = "SECONDS", description = "Idle time before reading RSS (default 3).")
  Double idleSeconds;

  @Option(names = "--launches", paramLabel = "N",
      description = "Measured launches per kind in the launch benchmark (default 30).")
  Integer launches;

  @Option(names = "--launch-poll", paramLabel = "MS",
      description = "How often the launch benchmark polls DescribeTasks for RUNNING, in ms (default 10).")
  Integer launchPoll;

  @Option(names = "--rollout-sizes", paramLabel = "N,N", split = ",",
      description = "Task counts of the services the rollout benchmark updates (default 3,10).")
  List<Integer> rolloutSizes;

  @Option(names = "--rollout-repeats", paramLabel = "N", description = "Rollouts per size (default 3).")
  Integer rolloutRepeats;

  @Option(names = "--scale-tasks", paramLabel = "N", description = "Running tasks of the scale benchmark (default 200).")
  Integer scaleTasks;

  @Option(names = "--scale-idle", paramLabel = "SECONDS",
      description = "How long idle CPU is measured in the scale benchmark (default 30).")
  Double scaleIdleSeconds;

  @Option(names = "--only", paramLabel = "ID,ID", split = ",",
      description = "Benchmarks to run: api, cold, startup, junit, launch, rollout, scale, awslogs, elb, elb-rollout, "
          + "metrics (default all).")
  Set<String> only = new LinkedHashSet<>();

  @Option(names = "--scenario", paramLabel = "NAME", split = ",",
      description = "API scenarios to run, by name or operation (default all).")
  Set<String> scenarios = new LinkedHashSet<>();

  @Option(names = "--jar", paramLabel = "PATH", defaultValue = "emulator-api/target/ecs-emulator.jar",
      description = "The emulator's packaged jar (default ${DEFAULT-VALUE}).")
  Path jar;

  @Option(names = "--cds-archive", paramLabel = "PATH",
      description = "The class data sharing archive (default: the .jsa beside the jar, when the JVM accepts it).")
  Path cdsArchive;

  @Option(names = "--python", paramLabel = "PATH", defaultValue = "python3",
      description = "The Python that runs moto (default ${DEFAULT-VALUE}).")
  String python;

  @Option(names = "--out", paramLabel = "PATH",
      description = "The report to write (default docs/benchmarks.md; with --smoke, bench/target/benchmarks-smoke.md).")
  Path out;

  @Option(names = "--work-dir", paramLabel = "PATH", defaultValue = "bench/target/bench-work",
      description = "Scratch space for data directories, logs and profiles (default ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(names = "--command", paramLabel = "TEXT", description = "The command line to show in the report.")
  String command;

  @Option(names = "--emulator-arg", paramLabel = "ARG",
      description = "An extra option for the emulators of every benchmark but start-up (repeatable), e.g. --ephemeral.")
  List<String> emulatorArgs = new ArrayList<>();

  @Option(names = "--profile", description = "Record a JFR profile of the emulator during the API benchmark.")
  boolean profile;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  /**
   * Every benchmark, in the order they run and are reported. Add new ones here. Start-up goes first, before any
   * other benchmark has given the machine or the Docker engine work (the API benchmark ends with 100 task
   * containers to remove), since it measures wall time on two shared cores.
   */
  static List<Benchmark> benchmarks() {
    List<Benchmark> all = new ArrayList<>();
    all.add(new StartupBenchmark());
    all.add(new JunitStartupBenchmark());
    all.add(new ApiBenchmark());
    all.add(new ColdApiBenchmark());
    all.add(new LaunchBenchmark());
    all.add(new RolloutBenchmark());
    all.add(new ScaleBenchmark());
    all.add(new AwslogsBenchmark());
    all.add(new dev.ecsemulator.bench.elb.ElbBenchmark());
    all.add(new dev.ecsemulator.bench.elb.ElbRolloutBenchmark());
    all.add(new dev.ecsemulator.bench.scale.MetricsBenchmark());
    return all;
  }

  @Override
  public Integer call() throws Exception {
    BenchOptions options = options();
    Instant started = Instant.now();
    String loadBefore = MachineFacts.loadAverage();
    Optional<String> moto = MotoProcess.version(options.python());
    MachineFacts machine = MachineFacts.read(moto.map(v -> "moto " + v + " (`" + options.python()
        + " -m moto.server`)").orElse("none: " + options.python() + " cannot import moto"));
    List<Section> sections = new ArrayList<>();
    boolean failed = false;
    try (BenchContext context = new BenchContext(options, moto, System.err)) {
      context.log(options.describe());
      for (Benchmark benchmark : benchmarks()) {
        if (!options.runs(benchmark.id())) {
          continue;
        }
        context.log("running " + benchmark.id());
        try {
          sections.add(benchmark.run(context));
        } catch (Exception e) {
          failed = true;
          context.log(benchmark.id() + " FAILED: " + e);
          e.printStackTrace(System.err);
          sections.add(Section.builder("FAILED: " + benchmark.id())
              .paragraph("This benchmark failed, so it has no figures: " + e).build());
        }
      }
    }
    sections.add(findings());
    sections.add(extending());
    Report report = new Report(machine, started, Duration.between(started, Instant.now()), options.command(),
        options.describe(), loadBefore, MachineFacts.loadAverage(), sections);
    MarkdownReport.write(report, options.out());
    System.err.println("bench: wrote " + options.out());
    return failed ? 1 : 0;
  }

  private BenchOptions options() {
    Path archive = cdsArchive != null ? cdsArchive : dev.ecsemulator.bench.process.CdsArchive.besideJar(jar);
    Optional<Path> usable = CdsArchive.usable(jar, archive) ? Optional.of(archive.toAbsolutePath())
        : Optional.empty();
    if (!Files.isRegularFile(jar)) {
      throw new CommandLine.ParameterException(new CommandLine(this), "no emulator jar at " + jar
          + ": build it with `mvn -B -ntp -DskipTests package -pl emulator-api -am`");
    }
    Set<String> chosenScenarios = scenarios.isEmpty() && smoke ? Set.of("ListClusters") : scenarios;
    // The smoke run skips the cold API benchmark (the API benchmark's code with two more launches), the rollout
    // (each takes at least three health-check intervals: 15 s) and the scale benchmark (minutes of containers);
    // `--smoke --only rollout,scale` runs tiny versions of them by hand.
    Set<String> chosenBenchmarks = only.isEmpty() && smoke ? Set.of("api", "startup", "junit", "launch") : only;
    return new BenchOptions(smoke, seconds(jitWarmUpSeconds, smoke ? 0 : 30),
        seconds(warmUpSeconds, smoke ? 0.3 : 3), seconds(durationSeconds, smoke ? 1 : 10),
        repeats != null ? repeats : smoke ? 1 : 3,
        connections != null ? connections : smoke ? List.of(1) : List.of(1, 16, 64),
        startupRuns != null ? startupRuns : smoke ? 1 : 7,
        seconds(idleSeconds, smoke ? 1 : 3),
        chosenBenchmarks, chosenScenarios, jar.toAbsolutePath(), usable, python,
        out != null ? out : Path.of(smoke ? "bench/target/benchmarks-smoke.md" : "docs/benchmarks.md"),
        workDir.toAbsolutePath(),
        command != null ? command : "java -jar bench/target/ecs-emulator-bench.jar" + (smoke ? " --smoke" : ""),
        profile, emulatorArgs, new BenchOptions.TaskSizes(launches != null ? launches : smoke ? 1 : 30, smoke ? 0 : 5,
            Duration.ofMillis(launchPoll != null ? launchPoll : 10),
            rolloutSizes != null ? rolloutSizes : smoke ? List.of(1) : List.of(3, 10),
            rolloutRepeats != null ? rolloutRepeats : smoke ? 1 : 3,
            scaleTasks != null ? scaleTasks : smoke ? 3 : 200, seconds(scaleIdleSeconds, smoke ? 1 : 30)));
  }

  private static Duration seconds(Double given, double otherwise) {
    return Duration.ofMillis(Math.round((given != null ? given : otherwise) * 1000));
  }

  /**
   * The hand-written findings (profiles, fixes with their before/after figures, the next bottleneck), kept in
   * {@code bench/src/main/resources/dev/ecsemulator/bench/findings.md} so a regenerated report keeps them.
   */
  private static Section findings() throws java.io.IOException {
    try (var in = BenchMain.class.getResourceAsStream("findings.md")) {
      String text = in == null ? "(findings.md is missing)"
          : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      return Section.builder("Profile, fixes and the next bottleneck (written by hand, not regenerated)")
          .paragraph(text).build();
    }
  }

  /** The closing section: how to add what is still missing. */
  private static Section extending() {
    return Section.builder("Adding a benchmark")
        .paragraph("The harness is the `bench` module (`bench/src/main/java/dev/ecsemulator/bench`). A benchmark "
            + "implements `Benchmark` and is listed in `BenchMain.benchmarks()`; it starts the emulator's jar with "
            + "`EmulatorLauncher` (JVM flags, fresh data directory, `--port 0`), talks to it with `RawEcsClient`, "
            + "generates load with `LoadRun` (a separate JVM), reads RSS, heap and CPU with `ProcessStats`, "
            + "summarizes repeats with `Summary`, and returns a `Section` with its tables and `Headline`s (figure, "
            + "baseline from the same run, ratio, goal). A new API request is one `ApiScenario` in "
            + "`ApiScenarios.all()`.")
        .paragraph("The benchmarks on real containers (launch, rollout, scale) use `BenchDocker` (docker-java, built as "
            + "the emulator builds its client; every container it creates is labelled as the harness's own and "
            + "removed, pass or fail), `ContainerTemplate` (a copy of a container the emulator created, so a raw "
            + "baseline has the same image and limits by construction) and `EcsTasks` (task and service calls). The "
            + "awslogs benchmark runs its baseline as a task too (Docker's default driver), reads it with the docker "
            + "CLI (`DockerLogsReader`) and reads dockerd's CPU time through `Dockerd`.")
        .build();
  }
}
