package dev.ecsemulator.bench.rollout;

import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.ecsemulator.bench.client.Poll;
import dev.ecsemulator.bench.docker.BenchDocker;
import dev.ecsemulator.bench.docker.ContainerTemplate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The rollout's baseline steps, measured on raw Docker right before each rollout: the three durations issue 5's
 * theoretical minimum is made of, for one wave of {@code n} tasks, each taken exactly as the emulator would take
 * it (all {@code n} at once, through docker-java) but with nothing of the emulator in between.
 *
 * <ol>
 *   <li>launch: create+start {@code n} copies of a :2 task container at once, until the last start returned;
 *   <li>become healthy: the longest time from a copy's {@code State.StartedAt} to the end of its first passing
 *       health probe (Docker's own health log: the probe runs one interval after the start, then must pass);
 *   <li>stop: stop {@code n} running copies of a :1 task container at once ({@code docker stop} with the task's
 *       stop timeout), until the last stop returned.
 * </ol>
 * Every container it creates is the harness's own and removed before it returns. Not thread-safe.
 */
final class RawWave {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final Duration HEALTH_POLL = Duration.ofMillis(100);

  /**
   * One raw wave.
   *
   * @param launchMs creating and starting the new copies, all at once
   * @param healthyMs the longest start → end of the first passing probe among them
   * @param probeMs the median duration of one passing probe
   * @param stopMs stopping the old copies, all at once
   */
  record Measured(double launchMs, double healthyMs, double probeMs, double stopMs) {}

  private final BenchDocker docker;
  private final ExecutorService pool;
  private final AtomicInteger names = new AtomicInteger();

  RawWave(BenchDocker docker, ExecutorService pool) {
    this.docker = docker;
    this.pool = pool;
  }

  Measured run(ContainerTemplate old, ContainerTemplate fresh, int n) {
    List<String> created = new ArrayList<>();
    try {
      List<String> olds = all(n, i -> docker.createAndStart(old, name()).id());
      created.addAll(olds);
      long begin = System.nanoTime();
      List<String> news = all(n, i -> docker.createAndStart(fresh, name()).id());
      double launchMs = (System.nanoTime() - begin) / 1e6;
      created.addAll(news);
      List<InspectContainerResponse> healthy = Poll.until(n + " raw containers healthy", TIMEOUT, HEALTH_POLL, () -> {
        List<InspectContainerResponse> inspected = news.stream().map(docker::inspect).toList();
        return inspected.stream().allMatch(c -> "healthy".equals(c.getState().getHealth().getStatus()))
            ? inspected : null;
      });
      double healthyMs = 0;
      List<Double> probes = new ArrayList<>();
      for (InspectContainerResponse c : healthy) {
        HealthStateLog pass = firstPassingProbe(c);
        healthyMs = Math.max(healthyMs, ms(time(c.getState().getStartedAt()), time(pass.getEnd())));
        probes.add(ms(time(pass.getStart()), time(pass.getEnd())));
      }
      int timeout = old.stopTimeoutSeconds() == null ? 30 : old.stopTimeoutSeconds();
      begin = System.nanoTime();
      all(n, i -> docker.stop(olds.get(i), timeout));
      double stopMs = (System.nanoTime() - begin) / 1e6;
      probes.sort(Double::compare);
      return new Measured(launchMs, healthyMs, probes.get(probes.size() / 2), stopMs);
    } finally {
      all(created.size(), i -> {
        docker.remove(created.get(i));
        return null;
      });
    }
  }

  /** The first probe in the container's health log that passed (exit code 0). */
  static HealthStateLog firstPassingProbe(InspectContainerResponse container) {
    return container.getState().getHealth().getLog().stream()
        .filter(l -> l.getExitCodeLong() != null && l.getExitCodeLong() == 0)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no passing probe in the log of " + container.getId()));
  }

  /** Docker's timestamps (RFC 3339 with nanoseconds, UTC or an offset). */
  static Instant time(String dockerTime) {
    return OffsetDateTime.parse(dockerTime).toInstant();
  }

  static double ms(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }

  /** Runs {@code n} calls at once on the pool and waits for all of them. */
  private <T> List<T> all(int n, Function<Integer, T> call) {
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(pool.submit(() -> call.apply(index)));
    }
    List<T> results = new ArrayList<>();
    RuntimeException failure = null;
    for (Future<T> f : futures) {
      try {
        results.add(f.get());
      } catch (java.util.concurrent.ExecutionException e) {
        failure = failure != null ? failure : new IllegalStateException("a raw Docker call failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }

  private String name() {
    return "bench-wave-" + ProcessHandle.current().pid() + "-" + names.incrementAndGet();
  }
}
