package dev.ecsemulator.bench.planned;

import dev.ecsemulator.bench.planned.PendingBenchmark.Figure;
import java.util.List;

/**
 * The benchmarks of issue 7 that wait for tasks, services and rollouts. Each is a {@link PendingBenchmark} until
 * it is written; replace its entry in {@link dev.ecsemulator.bench.BenchMain#benchmarks()} with the real one.
 * The pieces they need exist: {@link dev.ecsemulator.bench.process.EmulatorLauncher} (the jar with JVM flags),
 * {@link dev.ecsemulator.bench.client.RawEcsClient} (RunTask, DescribeTasks, services),
 * {@link dev.ecsemulator.bench.process.ProcessStats} (RSS, heap, CPU), {@link dev.ecsemulator.bench.stats.Summary}
 * and {@link dev.ecsemulator.bench.load.LoadRun} (p99 under load), {@link dev.ecsemulator.bench.report.Section}.
 */
public final class PlannedBenchmarks {

  private PlannedBenchmarks() {}

  public static PendingBenchmark launch() {
    return new PendingBenchmark("launch", "Task launch latency against raw Docker",
        List.of("RunTask", "DescribeTasks"),
        List.of(new Figure("RunTask → RUNNING, bridge (median, p95 of 30)", "≤ 1.15× raw docker create+start"),
            new Figure("RunTask → RUNNING, awsvpc (median, p95 of 30)", "reported beside bridge")),
        List.of("LaunchBenchmark: 30 one-container tasks (sample-web:1, no health check, bridge), each timed from "
                + "sending RunTask to the first DescribeTasks that shows lastStatus RUNNING (poll every 10 ms).",
            "Baseline, interleaved one for one: docker-java create+start of the same image with the same limits "
                + "(memory, CPU shares, labels), timed to the start call's return; remove each container after.",
            "Report median and p95 of both, their ratio (goal ≤ 1.15×), and the same for an awsvpc task beside it.",
            "Needs a docker-java dependency in bench/pom.xml (docker-java-core + transport-httpclient5, as "
                + "scheduler uses) and StopTask/reset cleanup between launches."));
  }

  public static PendingBenchmark rollout() {
    return new PendingBenchmark("rollout", "Rollout time against its theoretical minimum",
        List.of("CreateService", "UpdateService", "DescribeServices"),
        List.of(new Figure("Rolling update, 3 tasks, sample-web:1 → :2", "≤ 1.2× theoretical minimum"),
            new Figure("Rolling update, 10 tasks, sample-web:1 → :2", "≤ 1.2× theoretical minimum")),
        List.of("RolloutBenchmark: a service of 3 (then 10) sample-web:1 tasks with a health check at the minimum "
                + "interval; UpdateService to sample-web:2; time until the deployment is COMPLETED and every "
                + "running task is :2.",
            "Baseline: scheduler/src/main/java/dev/ecsemulator/scheduler/service/RolloutTimeCalculator.java "
                + "with the launch, first-passing-health-check and stop times measured in the same run "
                + "(from the launch benchmark's figures).",
            "Report wall time, the minimum and the ratio (goal ≤ 1.2×)."));
  }

  public static PendingBenchmark scale() {
    return new PendingBenchmark("scale", "Scale: 200 running tasks",
        List.of("RunTask", "DescribeTasks", "ListTasks"),
        List.of(new Figure("Emulator RSS and heap with 200 running tasks", "reported"),
            new Figure("Emulator CPU while idle with 200 tasks", "reported"),
            new Figure("API p99 at 200 tasks vs 0 tasks", "≤ 1.5× (flat)")),
        List.of("ScaleBenchmark: start 200 small sleep containers as tasks (RunTask count 10, 20 times); wait for "
                + "RUNNING.",
            "Read ProcessStats.of(pid) (RSS) and ProcessStats.heap(pid) (jcmd GC.heap_info), and CPU seconds "
                + "over 30 s idle (ProcessStats.cpuSeconds before and after).",
            "API p99 of DescribeTasks and ListTasks with LoadRun at 16 connections with 200 tasks against the "
                + "same requests on a fresh emulator with 0 tasks, in the same run; ratio goal ≤ 1.5×."));
  }

  public static List<PendingBenchmark> all() {
    return List.of(launch(), rollout(), scale());
  }
}
