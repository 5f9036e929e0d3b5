package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.service.DeploymentLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The theoretical minimum time of a rolling update (issue 5, "Done when"): every old task healthy at 0,
 * each step taken the instant the deployment configuration allows it, each step lasting exactly the
 * given durations. Pure; used by the benchmark to compare a real rollout with its floor.
 *
 * <p>The model: a new task is active from its launch, RUNNING after {@code launch}, healthy
 * {@code becomeHealthy} later; an old task being stopped holds its slot for {@code stop}. At every
 * instant, new tasks are launched while fewer than desiredCount exist and the active tasks stay within
 * {@code floor(desired × maximumPercent / 100)}, and healthy old tasks are stopped while at least
 * {@code ceil(desired × minimumHealthyPercent / 100)} healthy tasks remain: the same rules as
 * {@link RolloutPlanner}. The rollout ends when every new task is healthy and every old task STOPPED.
 */
public final class RolloutTimeCalculator {

  /**
   * How long each step takes.
   *
   * @param launch from the launch decision to RUNNING (create and start the containers)
   * @param becomeHealthy from RUNNING to counted healthy (see {@link #dockerTimeToHealthy}; 40 s
   *     without health checks)
   * @param stop from the stop decision to STOPPED
   */
  public record StepDurations(Duration launch, Duration becomeHealthy, Duration stop) {
    public StepDurations {
      Objects.requireNonNull(launch, "launch");
      Objects.requireNonNull(becomeHealthy, "becomeHealthy");
      Objects.requireNonNull(stop, "stop");
    }
  }

  private RolloutTimeCalculator() {}

  /**
   * The minimum time to replace {@code desiredCount} healthy tasks by as many new ones.
   *
   * @throws IllegalArgumentException when the configuration can never finish (for example desired 2 at
   *     75/100: nothing can be started or stopped)
   */
  public static Duration minimumRolloutTime(
      int desiredCount, int minimumHealthyPercent, int maximumPercent, StepDurations steps) {
    DeploymentLimits limits = new DeploymentLimits(desiredCount, minimumHealthyPercent, maximumPercent);
    Duration newTaskReady = steps.launch().plus(steps.becomeHealthy());
    List<Duration> newHealthyAt = new ArrayList<>();
    List<Duration> oldStoppedAt = new ArrayList<>();
    int oldHealthy = desiredCount;
    Duration t = Duration.ZERO;
    while (true) {
      Duration now = t;
      oldStoppedAt.removeIf(done -> done.compareTo(now) <= 0);
      int active = oldHealthy + oldStoppedAt.size() + newHealthyAt.size();
      while (newHealthyAt.size() < desiredCount && active < limits.maxTasks()) {
        newHealthyAt.add(now.plus(newTaskReady));
        active++;
      }
      int healthy = oldHealthy + (int) newHealthyAt.stream().filter(h -> h.compareTo(now) <= 0).count();
      while (oldHealthy > 0 && healthy - 1 >= limits.minHealthy()) {
        oldHealthy--;
        healthy--;
        oldStoppedAt.add(now.plus(steps.stop()));
      }
      boolean newAllHealthy =
          newHealthyAt.size() == desiredCount && newHealthyAt.stream().allMatch(h -> h.compareTo(now) <= 0);
      if (oldHealthy == 0 && oldStoppedAt.isEmpty() && newAllHealthy) {
        return now;
      }
      Duration next = Stream.concat(newHealthyAt.stream(), oldStoppedAt.stream())
          .filter(e -> e.compareTo(now) > 0)
          .min(Duration::compareTo)
          .orElseThrow(() -> new IllegalArgumentException("A rolling update of " + desiredCount + " tasks at "
              + minimumHealthyPercent + "/" + maximumPercent + " can neither start nor stop a task"));
      t = next;
    }
  }

  /**
   * How long a container takes to report HEALTHY on the Docker Engine API 1.41 that the emulator
   * targets: Docker runs the first probe {@code interval} after the container starts and each next
   * one {@code interval} after the previous one ended ("Also the time before the first probe", moby
   * {@code daemon/health.go}); the first passing probe turns the container healthy. The
   * {@code startPeriod} only forgives failing probes, so it does not delay a passing one (engines from
   * API 1.44 add a start interval; 1.41 has none).
   *
   * @param interval the health check interval
   * @param appReadyAfter how long after the start the probe first passes
   * @param probe how long one probe takes
   */
  public static Duration dockerTimeToHealthy(Duration interval, Duration appReadyAfter, Duration probe) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    Duration probeStart = interval;
    while (probeStart.compareTo(appReadyAfter) < 0) {
      probeStart = probeStart.plus(probe).plus(interval);
    }
    return probeStart.plus(probe);
  }
}
