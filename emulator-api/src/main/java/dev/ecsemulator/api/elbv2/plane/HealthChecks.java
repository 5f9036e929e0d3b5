package dev.ecsemulator.api.elbv2.plane;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.elbv2.health.HealthMachine;
import dev.ecsemulator.core.elbv2.model.TargetHealth;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Active HTTP health checks: one loop per target of a group in use, {@code GET} of the group's path on the target's
 * address and health check port every interval (the first at once), with the group's timeout, as an application load
 * balancer sends them ({@code User-Agent: ELB-HealthChecker/2.0}, redirects not followed). Each result goes through
 * the pure {@link HealthMachine}; a change of health is handed to {@link Recorder} (which stores it). Loops run on the
 * data plane's scheduler; all of this class runs on it too. Not thread-safe: confined to that thread.
 */
final class HealthChecks {

  /** Stores a target's new health. */
  interface Recorder {
    void record(Scope scope, String targetGroupArn, String id, int port, TargetHealth health);
  }

  /**
   * What a loop checks, and how: a change of any of it starts the loop afresh. The interval is the group's
   * HealthCheckIntervalSeconds as this emulator counts seconds (see DataPlane: shorter in tests).
   */
  record Check(Scope scope, String targetGroupArn, String id, int port, String host, int checkPort, String path,
      Duration interval, int timeoutSeconds, HealthMachine.Thresholds thresholds, String matcher) {}

  /** The client, started; called by the first check (see DataPlane: it starts with the first listener or check). */
  private final Supplier<HttpClient> http;
  private final ScheduledExecutorService scheduler;
  private final Recorder recorder;
  private final Map<String, Loop> loops = new HashMap<>();

  HealthChecks(Supplier<HttpClient> http, ScheduledExecutorService scheduler, Recorder recorder) {
    this.http = http;
    this.scheduler = scheduler;
    this.recorder = recorder;
  }

  /**
   * Makes the loops match {@code wanted} (target key to its check and its stored health): new ones start, changed ones
   * restart, others stop.
   */
  void reconcile(Map<String, Check> wanted, Map<String, TargetHealth> stored) {
    for (var it = loops.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      Check check = wanted.get(entry.getKey());
      if (check == null || !check.equals(entry.getValue().check)) {
        entry.getValue().stop();
        it.remove();
      }
    }
    for (var entry : wanted.entrySet()) {
      Loop loop = loops.get(entry.getKey());
      if (loop == null) {
        loops.put(entry.getKey(), new Loop(entry.getValue(), stored.get(entry.getKey())));
      } else {
        loop.health = stored.getOrDefault(entry.getKey(), loop.health);
      }
    }
  }

  Set<String> checked() {
    return Set.copyOf(loops.keySet());
  }

  void stopAll() {
    loops.values().forEach(Loop::stop);
    loops.clear();
  }

  /** One target's checks. */
  private final class Loop {
    final Check check;
    final ScheduledFuture<?> future;
    TargetHealth health;
    HealthMachine.Run run = HealthMachine.Run.NONE;
    boolean probing;
    boolean stopped;

    Loop(Check check, TargetHealth health) {
      this.check = check;
      this.health = health;
      this.future = scheduler.scheduleWithFixedDelay(this::probe, 0, check.interval().toMillis(),
          TimeUnit.MILLISECONDS);
    }

    void probe() {
      if (probing || stopped) {
        return;
      }
      probing = true;
      String url = "http://" + hostForUrl(check.host()) + ":" + check.checkPort() + check.path();
      http.get().newRequest(url)
          .timeout(check.timeoutSeconds(), TimeUnit.SECONDS)
          .followRedirects(false)
          .headers(h -> h.put(HttpHeader.USER_AGENT, "ELB-HealthChecker/2.0"))
          .send(result -> {
            HealthMachine.Probe probe;
            if (result.isFailed()) {
              probe = new HealthMachine.Probe(result.getFailure() instanceof TimeoutException
                  ? HealthMachine.Outcome.TIMEOUT : HealthMachine.Outcome.FAILED, 0);
            } else {
              probe = HealthMachine.Probe.of(result.getResponse().getStatus(), check.matcher());
            }
            scheduler.execute(() -> done(probe));
          });
    }

    void done(HealthMachine.Probe probe) {
      probing = false;
      if (stopped) {
        return;
      }
      HealthMachine.Step step = HealthMachine.next(health, run, probe, check.thresholds());
      run = step.run();
      if (!step.health().equals(health)) {
        // Not stored when it raced a deregistration: the next reconcile stops this loop then.
        recorder.record(check.scope(), check.targetGroupArn(), check.id(), check.port(), step.health());
      }
      health = step.health();
    }

    void stop() {
      stopped = true;
      future.cancel(false);
    }
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
