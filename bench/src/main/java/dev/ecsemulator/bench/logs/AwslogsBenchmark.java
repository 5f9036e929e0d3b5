package dev.ecsemulator.bench.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsemulator.bench.BenchContext;
import dev.ecsemulator.bench.Benchmark;
import dev.ecsemulator.bench.client.EcsRequest;
import dev.ecsemulator.bench.client.Poll;
import dev.ecsemulator.bench.client.RawEcsClient;
import dev.ecsemulator.bench.process.Dockerd;
import dev.ecsemulator.bench.process.EmulatorLauncher;
import dev.ecsemulator.bench.process.EmulatorProcess;
import dev.ecsemulator.bench.report.Fmt;
import dev.ecsemulator.bench.report.Headline;
import dev.ecsemulator.bench.report.MachineFacts;
import dev.ecsemulator.bench.report.Section;
import dev.ecsemulator.bench.stats.Summary;
import dev.ecsemulator.bench.tasks.EcsTasks;
import dev.ecsemulator.core.task.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * awslogs (issue 14): a task printing 10,000 lines a second for 10 seconds (about 100 bytes a line, a burst every
 * second) with the awslogs driver, shipped by the emulator to its CloudWatch Logs, against {@code docker logs
 * --follow} reading the same output of the same container definition with Docker's default driver, in the same run.
 * Each reading: lines per second from the first line printed to the last line readable (through GetLogEvents for the
 * emulator, on the CLI's output for docker logs), how long after it was printed the last line was readable, and the
 * CPU time of the emulator, of dockerd, and of the docker CLI over that time.
 */
public final class AwslogsBenchmark implements Benchmark {

  static final String CLUSTER = "bench-logs";
  static final String IMAGE = "ecs-emulator/sample-web:1";
  /** Issue 14's goal: keeping up, i.e. the last line readable soon after it was printed. */
  static final long GOAL_LAG_MILLIS = 2_000;

  @Override
  public String id() {
    return "awslogs";
  }

  /**
   * What one reading measured.
   *
   * @param lagMillis how long after it was printed the last line was readable; -1 when not measured
   * @param emulatorCpu the emulator's CPU time over the reading (with docker logs: launching the task only)
   * @param cliCpu the docker CLI's (0 for the emulator's reading)
   */
  record Reading(String reader, long lines, double seconds, long lagMillis, double emulatorCpu, double cliCpu,
      double dockerdCpu) {

    double linesPerSecond() {
      return lines / seconds;
    }

    double totalCpu() {
      return emulatorCpu + cliCpu + dockerdCpu;
    }
  }

  @Override
  public Section run(BenchContext ctx) {
    boolean smoke = ctx.options().smoke();
    int perSecond = smoke ? 1_000 : 10_000;
    int seconds = smoke ? 2 : 10;
    int repeats = ctx.options().repeats();
    EmulatorLauncher launcher = ctx.taskLauncher();
    OptionalLong dockerd = Dockerd.pid();
    String loadBefore = MachineFacts.loadAverage();
    List<Reading> shipped = new ArrayList<>();
    List<Reading> followed = new ArrayList<>();
    ctx.log("awslogs: starting the emulator: " + launcher.commandLine());
    try (EmulatorProcess emulator = launcher.start()) {
      EcsTasks ecs = new EcsTasks(emulator.client());
      ecs.createCluster(CLUSTER);
      String script = script(perSecond, seconds);
      for (int i = 1; i <= repeats; i++) {
        String group = "/bench/awslogs-" + i;
        emulator.client().ok(EcsRequest.Api.LOGS, "CreateLogGroup", Map.of("logGroupName", group));
        Reading ours = shipped(ecs, emulator, dockerd, group, script, perSecond * seconds);
        ctx.log(describe(ours));
        shipped.add(ours);
        Reading theirs = followed(ecs, emulator, dockerd, script, perSecond * seconds);
        ctx.log(describe(theirs));
        followed.add(theirs);
      }
    }
    return report(launcher, perSecond, seconds, dockerd.isPresent(), shipped, followed, loadBefore,
        MachineFacts.loadAverage());
  }

  /** busybox sh and awk: every second, {@code perSecond} numbered lines at once; then the container exits. */
  static String script(int perSecond, int seconds) {
    return "i=0; while [ $i -lt " + seconds + " ]; do awk -v s=$((i*" + perSecond + ")) 'BEGIN{for(n=s;n<s+"
        + perSecond + ";n++) printf \"line %07d INFO GET /api/items/%d status=200 bytes=1234 duration_ms=12 "
        + "user=alice\\n\", n, n}'; i=$((i+1)); sleep 1; done";
  }

  static Map<String, Object> definition(String family, String script, Map<String, Object> logConfiguration) {
    Map<String, Object> container = new LinkedHashMap<>(Map.of("name", "app", "image", IMAGE, "memory", 64,
        "essential", true, "command", List.of("sh", "-c", script)));
    if (logConfiguration != null) {
      container.put("logConfiguration", logConfiguration);
    }
    return Map.of("family", family, "containerDefinitions", List.of(container));
  }

  /** The task with awslogs; done when GetLogEvents shows its last line. */
  private static Reading shipped(EcsTasks ecs, EmulatorProcess emulator, OptionalLong dockerd, String group,
      String script, int lines) {
    String td = ecs.register(definition("bench-awslogs", script, Map.of("logDriver", "awslogs", "options",
        Map.of("awslogs-group", group, "awslogs-stream-prefix", "bench"))));
    double cpu0 = emulator.stats().cpuSeconds();
    double dockerd0 = Dockerd.cpuSeconds(dockerd);
    String arn = ecs.run(Map.of("cluster", CLUSTER, "taskDefinition", td)).get(0);
    String stream = "bench/app/" + arn.substring(arn.lastIndexOf('/') + 1);
    String last = String.format(Locale.ROOT, "line %07d ", lines - 1);
    RawEcsClient client = emulator.client();
    JsonNode newest = Poll.until("the last line shipped", Duration.ofSeconds(180), Duration.ofMillis(100), () -> {
      JsonNode events = client.call(new EcsRequest(EcsRequest.Api.LOGS, "GetLogEvents", RawEcsClient.json(Map.of(
          "logGroupName", group, "logStreamName", stream, "limit", 1)))).body().path("events");
      return events.size() == 1 && events.get(0).path("message").asText().startsWith(last) ? events.get(0) : null;
    });
    long readable = System.currentTimeMillis();
    double cpu = emulator.stats().cpuSeconds() - cpu0;
    double dockerdCpu = Dockerd.cpuSeconds(dockerd) - dockerd0;
    long first = client.ok(EcsRequest.Api.LOGS, "GetLogEvents", Map.of("logGroupName", group, "logStreamName",
        stream, "limit", 1, "startFromHead", true)).path("events").get(0).path("timestamp").asLong();
    long count = count(client, group, stream);
    if (count != lines) {
      throw new IllegalStateException("the stream holds " + count + " events, not " + lines);
    }
    ecs.await(CLUSTER, arn, TaskStatus.STOPPED.name(), Duration.ofMillis(200), Duration.ofSeconds(60));
    return new Reading("ecs-emulator (awslogs)", count, (readable - first) / 1000.0,
        readable - newest.path("timestamp").asLong(), cpu, 0, dockerdCpu);
  }

  /** Every event of the stream, counted by paging GetLogEvents from the head. */
  private static long count(RawEcsClient client, String group, String stream) {
    long count = 0;
    String token = null;
    while (true) {
      Map<String, Object> request = new LinkedHashMap<>(Map.of("logGroupName", group, "logStreamName", stream,
          "startFromHead", true));
      if (token != null) {
        request.put("nextToken", token);
      }
      JsonNode page = client.ok(EcsRequest.Api.LOGS, "GetLogEvents", request);
      count += page.path("events").size();
      String next = page.path("nextForwardToken").asText();
      if (next.equals(token)) {
        return count;
      }
      token = next;
    }
  }

  /** The same container with Docker's default driver, read by {@code docker logs --follow}. */
  private static Reading followed(EcsTasks ecs, EmulatorProcess emulator, OptionalLong dockerd, String script,
      int lines) {
    String td = ecs.register(definition("bench-json-file", script, null));
    double cpu0 = emulator.stats().cpuSeconds();
    double dockerd0 = Dockerd.cpuSeconds(dockerd);
    String arn = ecs.run(Map.of("cluster", CLUSTER, "taskDefinition", td)).get(0);
    JsonNode running =
        ecs.await(CLUSTER, arn, TaskStatus.RUNNING.name(), Duration.ofMillis(20), Duration.ofSeconds(60));
    String containerId = running.path("containers").get(0).path("runtimeId").asText();
    DockerLogsReader.Read read = DockerLogsReader.follow(containerId, Duration.ofSeconds(180));
    double dockerdCpu = Dockerd.cpuSeconds(dockerd) - dockerd0;
    double cpu = emulator.stats().cpuSeconds() - cpu0;
    if (read.lines() != lines) {
      throw new IllegalStateException("docker logs printed " + read.lines() + " lines, not " + lines);
    }
    ecs.await(CLUSTER, arn, TaskStatus.STOPPED.name(), Duration.ofMillis(200), Duration.ofSeconds(60));
    // The last line was printed about when the container stopped: its lag is not measured (its readers saw it
    // as soon as the stream ended).
    return new Reading("docker logs --follow", read.lines(), (read.lastArrivedMillis() - read.firstTimestampMillis())
        / 1000.0, -1, cpu, read.cliCpuSeconds(), dockerdCpu);
  }

  private static Summary summary(List<Reading> readings, java.util.function.ToDoubleFunction<Reading> figure) {
    return Summary.of(readings.stream().mapToDouble(figure).boxed().toList());
  }

  private static String describe(Reading r) {
    return String.format(Locale.ROOT, "awslogs: %s: %d lines in %.2f s (%s lines/s), CPU: emulator %.2f s, CLI "
        + "%.2f s, dockerd %.2f s", r.reader(), r.lines(), r.seconds(), Fmt.rate(r.linesPerSecond()), r.emulatorCpu(),
        r.cliCpu(), r.dockerdCpu());
  }

  private static Section report(EmulatorLauncher launcher, int perSecond, int seconds, boolean dockerdSeen,
      List<Reading> shipped, List<Reading> followed, String loadBefore, String loadAfter) {
    Section.Builder section = Section.builder("awslogs: shipping a task's output to CloudWatch Logs");
    section.paragraph("One emulator (`" + launcher.commandLine() + "`) runs a task whose container (`" + IMAGE
        + "`, busybox `sh` and `awk`) prints " + String.format(Locale.ROOT, "%,d", perSecond) + " numbered lines of "
        + "about 100 bytes at once every second for " + seconds + " s, then exits. With the awslogs driver the "
        + "emulator follows the container's json-file copy (`GET /containers/ID/logs?follow=1&timestamps=1`) and "
        + "appends the lines to the task's stream; the figure ends when GetLogEvents (polled every 100 ms for the "
        + "newest event) shows the last line, and the stream is then checked to hold every line once. The baseline, "
        + "in the same run, is the same container definition with Docker's default driver, read by `docker logs "
        + "--follow --timestamps` (the CLI as a process, its output read line by line). Lines/s: lines over the time "
        + "from the first line's Docker timestamp to the last line being readable. CPU: user + system time from "
        + "/proc over that reading, from RunTask on: the emulator's includes launching the task (in the baseline "
        + "that is all it does) and answering the polls; dockerd's includes starting the container and writing the "
        + "json-file copy, which both readings pay. The Docker engine is shared with other work on this machine, "
        + "so its figure is the noisiest." + (dockerdSeen ? "" : " No dockerd process is visible here "
        + "(a remote engine): its CPU is not measured."));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < shipped.size(); i++) {
      for (Reading r : List.of(shipped.get(i), followed.get(i))) {
        rows.add(List.of(String.valueOf(i + 1), r.reader(), String.format(Locale.ROOT, "%,d", r.lines()),
            String.format(Locale.ROOT, "%.2f s", r.seconds()), Fmt.rate(r.linesPerSecond()),
            r.lagMillis() < 0 ? "—" : String.format(Locale.ROOT, "%,d ms", r.lagMillis()),
            String.format(Locale.ROOT, "%.2f s", r.emulatorCpu()), String.format(Locale.ROOT, "%.2f s", r.cliCpu()),
            dockerdSeen ? String.format(Locale.ROOT, "%.2f s", r.dockerdCpu()) : "—"));
      }
    }
    section.table(List.of("Run", "Reader", "Lines", "First printed → last readable", "Lines/s",
        "Last line readable after", "Emulator CPU", "docker CLI CPU", "dockerd CPU"), rows);
    Summary rate = summary(shipped, Reading::linesPerSecond);
    Summary baseRate = summary(followed, Reading::linesPerSecond);
    Summary lag = summary(shipped, Reading::lagMillis);
    Summary cpu = summary(shipped, Reading::totalCpu);
    Summary baseCpu = summary(followed, Reading::totalCpu);
    section.headline(new Headline(String.format(Locale.ROOT, "awslogs, %,d lines/s for %d s: lines shipped per "
            + "second (last line readable after)", perSecond, seconds),
        Fmt.rate(rate.median()) + " lines/s (" + Fmt.ms(lag.median()) + " ms)",
        "docker logs --follow " + Fmt.rate(baseRate.median()) + " lines/s",
        Fmt.ratio(rate.median() / baseRate.median()), "keeps up: last line within " + Fmt.ms(GOAL_LAG_MILLIS) + " ms",
        Headline.Verdict.of(lag.max() <= GOAL_LAG_MILLIS)));
    if (dockerdSeen) {
      section.headline(new Headline(String.format(Locale.ROOT, "awslogs, %,d lines/s for %d s: CPU (emulator + "
              + "dockerd)", perSecond, seconds), String.format(Locale.ROOT, "%.2f s", cpu.median()),
          String.format(Locale.ROOT, "docker logs --follow (emulator + CLI + dockerd) %.2f s", baseCpu.median()),
          Fmt.ratio(cpu.median() / baseCpu.median()), "reported", Headline.Verdict.NO_GOAL));
    }
    section.bullets(List.of("Medians of " + shipped.size() + " run(s), each awslogs reading followed by its "
        + "baseline. Load average before / after this benchmark: " + loadBefore + " / " + loadAfter + "."));
    return section.build();
  }
}
