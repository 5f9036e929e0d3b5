package dev.ecsemulator.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.bench.BenchContext;
import dev.ecsemulator.bench.Benchmark;
import dev.ecsemulator.bench.process.EmulatorLauncher;
import dev.ecsemulator.bench.process.EmulatorProcess;
import dev.ecsemulator.bench.process.ProcessStats;
import dev.ecsemulator.bench.report.Headline;
import dev.ecsemulator.bench.report.Section;
import dev.ecsemulator.bench.tasks.EcsTasks;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CPU cost of publishing AWS/ECS metrics (issue 19): one emulator with {@code --metrics-period 5s} (twelve times
 * AWS's rate, so the cost shows), measured with no task and then with {@code scaleTasks} running tasks (the scale
 * benchmark's idle containers). Per stage, over the idle window: the loop's own totals from the health answer (ticks,
 * Docker stats calls, wall time of reading usage, CPU time of the loop's thread), the emulator process's CPU, and the
 * Docker engine's ({@code dockerd}, which answers the stats calls; shared with whatever else uses the engine).
 */
public final class MetricsBenchmark implements Benchmark {

  static final String PERIOD = "5s";

  @Override
  public String id() {
    return "metrics";
  }

  /** One stage's figures over its window. */
  record Stage(String name, int tasks, double seconds, long ticks, long calls, double collectSeconds,
      double loopCpuSeconds, double emulatorCpuSeconds, Optional<Double> dockerdCpuSeconds) {}

  @Override
  public Section run(BenchContext ctx) {
    int total = ctx.options().tasks().scaleTasks();
    Duration window = ctx.options().tasks().scaleIdle();
    EmulatorLauncher launcher = ctx.taskLauncher().withArgs(List.of("--metrics-period", PERIOD));
    List<Stage> stages = new ArrayList<>();
    ctx.log("metrics: starting the emulator: " + launcher.commandLine());
    try (EmulatorProcess emulator = launcher.start()) {
      ScaleFleet fleet = new ScaleFleet(new EcsTasks(emulator.client()));
      fleet.prepare();
      stages.add(measure(emulator, "no task", 0, window));
      ctx.log("metrics: starting " + total + " tasks");
      fleet.run(ScaleFleet.FILL, total);
      emulator.idle(Duration.ofSeconds(10)); // every container's first sample taken
      stages.add(measure(emulator, total + " tasks RUNNING", total, window));
      fleet.stopAll(ScaleFleet.FILL);
    }
    return report(launcher, stages, window);
  }

  private static Stage measure(EmulatorProcess emulator, String name, int tasks, Duration window) {
    JsonNode before = health(emulator);
    ProcessStats.Snapshot start = emulator.stats();
    Optional<Long> dockerd = dockerdPid();
    Optional<Double> dockerdStart = dockerd.map(pid -> ProcessStats.of(pid).cpuSeconds());
    long begin = System.nanoTime();
    emulator.idle(window);
    double seconds = (System.nanoTime() - begin) / 1e9;
    ProcessStats.Snapshot end = emulator.stats();
    Optional<Double> dockerdCpu = dockerd.flatMap(pid -> dockerdStart.map(s -> ProcessStats.of(pid).cpuSeconds() - s));
    JsonNode after = health(emulator);
    return new Stage(name, tasks, seconds, delta(before, after, "ticks"), delta(before, after, "statsCalls"),
        deltaSeconds(before, after, "collectSeconds"), deltaSeconds(before, after, "cpuSeconds"),
        end.cpuSeconds() - start.cpuSeconds(), dockerdCpu);
  }

  private static long delta(JsonNode before, JsonNode after, String field) {
    return after.path(field).asLong() - before.path(field).asLong();
  }

  private static double deltaSeconds(JsonNode before, JsonNode after, String field) {
    return after.path(field).asDouble() - before.path(field).asDouble();
  }

  /** The health answer's {@code metrics} member. */
  private static JsonNode health(EmulatorProcess emulator) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          emulator.endpoint().resolve("/_emulator/health")).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new ObjectMapper().readTree(response.body()).path("metrics");
    } catch (IOException e) {
      throw new IllegalStateException("health did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The local Docker engine's process, when it runs on this machine. */
  private static Optional<Long> dockerdPid() {
    try (var procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
        try {
          return Files.readString(p.resolve("comm")).trim().equals("dockerd");
        } catch (IOException gone) {
          return false;
        }
      }).map(p -> Long.parseLong(p.getFileName().toString())).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Section report(EmulatorLauncher launcher, List<Stage> stages, Duration window) {
    Section.Builder section = Section.builder("Metrics: the cost of AWS/ECS CPUUtilization and MemoryUtilization");
    section.paragraph("One emulator (`" + launcher.commandLine() + "`) publishes the metrics of its running tasks "
        + "every 5 s (AWS: every 60 s) from one Docker stats call per container (`stats?stream=false&one-shot=true`), "
        + "then evaluates its alarms. Over " + window.toSeconds() + " s idle, with no task and then with the scale "
        + "benchmark's idle containers: the loop's ticks and stats calls, the wall time of one collection, the CPU "
        + "time per tick of the loop's thread and its reading threads (stats calls, parsing, publishing, alarms), and "
        + "the CPU of the emulator "
        + "process and of dockerd, as a share of one core (dockerd is shared: other work on the engine counts too).");
    List<List<String>> rows = new ArrayList<>();
    for (Stage s : stages) {
      double perTick = s.ticks() == 0 ? 0 : 1000 * s.loopCpuSeconds() / s.ticks();
      double collect = s.ticks() == 0 ? 0 : 1000 * s.collectSeconds() / s.ticks();
      rows.add(List.of(s.name(), String.valueOf(s.ticks()), String.valueOf(s.calls()),
          String.format(Locale.ROOT, "%.1f ms", collect), String.format(Locale.ROOT, "%.1f ms", perTick),
          percent(s.emulatorCpuSeconds(), s.seconds()),
          s.dockerdCpuSeconds().map(d -> percent(d, s.seconds())).orElse("—")));
    }
    section.table(List.of("Stage", "Ticks", "Stats calls", "Collection wall time per tick",
        "Loop CPU per tick (all its threads)", "Emulator CPU (of one core)", "dockerd CPU (of one core)"), rows);
    Stage full = stages.get(stages.size() - 1);
    Stage none = stages.get(0);
    double perTick = full.ticks() == 0 ? 0 : 1000 * full.loopCpuSeconds() / full.ticks();
    section.headline(new Headline("Metrics loop CPU per 5 s period with " + full.tasks() + " tasks",
        String.format(Locale.ROOT, "%.1f ms (%s of a core)", perTick,
            percent(full.loopCpuSeconds(), full.seconds())),
        "no task: " + percent(none.loopCpuSeconds(), none.seconds()), "—", "reported", Headline.Verdict.NO_GOAL));
    full.dockerdCpuSeconds().ifPresent(d -> section.headline(new Headline("dockerd CPU answering the stats calls of "
        + full.tasks() + " tasks every 5 s", percent(d, full.seconds()) + " of a core",
        none.dockerdCpuSeconds().map(n -> "no task: " + percent(n, none.seconds())).orElse("—"), "—", "reported",
        Headline.Verdict.NO_GOAL)));
    return section.build();
  }

  private static String percent(double cpuSeconds, double seconds) {
    return String.format(Locale.ROOT, "%.2f %%", 100 * cpuSeconds / seconds);
  }
}
