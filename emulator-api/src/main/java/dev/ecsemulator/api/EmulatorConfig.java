package dev.ecsemulator.api;

import dev.ecsemulator.core.logs.LogsSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * How one emulator runs. Built by {@link Main} from options and {@code ECS_EMULATOR_*} variables, or by
 * tests directly.
 *
 * @param port the HTTP port; 0 picks a free one
 * @param bind the address to listen on; loopback unless the user asks otherwise
 * @param region the region of requests that carry none in their signature
 * @param accountId the account of requests whose access key is not a 12-digit account ID
 * @param dataDir where state lives; also the source of the emulator's instance ID
 * @param dockerHost the Docker engine to use, e.g. {@code unix:///var/run/docker.sock}
 * @param ephemeral keep state in memory only: nothing survives the process
 * @param resetState move the saved state aside and start empty (ignored when ephemeral)
 * @param scheduler how tasks are run (capacity, image pulls, retention)
 * @param allowedHosts host names clients may address the emulator by besides localhost and its bind address
 *     ({@code *}: any); see {@link dev.ecsemulator.api.edge.HostRules}
 * @param logs how CloudWatch Logs keeps events (the byte budget of a log group)
 * @param metricsPeriod how often metrics are published and alarms evaluated ({@code --metrics-period})
 * @param healthCheckSecond how long one second of a target group's health check interval lasts
 *     ({@code --elb-health-check-second}; a second unless shortened for tests)
 */
public record EmulatorConfig(int port, String bind, String region, String accountId, Path dataDir, String dockerHost,
    boolean ephemeral, boolean resetState, SchedulerOptions scheduler, List<String> allowedHosts, LogsSettings logs,
    java.time.Duration metricsPeriod, java.time.Duration healthCheckSecond) {

  /** CloudWatch's period of the AWS/ECS metrics, and of alarm evaluation: one minute. */
  public static final java.time.Duration DEFAULT_METRICS_PERIOD = java.time.Duration.ofSeconds(60);
  static final java.time.Duration SECOND = java.time.Duration.ofSeconds(1);
  /** The shortest health check second: AWS's shortest interval (5 s) then lasts 50 ms, not a busy loop. */
  static final java.time.Duration SHORTEST_HEALTH_CHECK_SECOND = java.time.Duration.ofMillis(10);

  public static final int DEFAULT_PORT = 4566;
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";

  public EmulatorConfig {
    scheduler = scheduler == null ? SchedulerOptions.defaults() : scheduler;
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    logs = logs == null ? LogsSettings.defaults() : logs;
    metricsPeriod = metricsPeriod == null ? DEFAULT_METRICS_PERIOD : metricsPeriod;
    if (!isMetricsPeriod(metricsPeriod)) {
      throw new IllegalArgumentException("the metrics period must be whole seconds from 1s to 60s, not "
          + metricsPeriod);
    }
    healthCheckSecond = healthCheckSecond == null ? SECOND : healthCheckSecond;
    if (!isHealthCheckSecond(healthCheckSecond)) {
      throw new IllegalArgumentException("the health check second must be from 10ms to 1s, not " + healthCheckSecond);
    }
  }

  /** Whether {@code period} is a metrics period CloudWatch's alarms can use here: whole seconds, 1s to 60s. */
  static boolean isMetricsPeriod(java.time.Duration period) {
    return period.toSeconds() >= 1 && period.toSeconds() <= 60 && period.toMillis() % 1000 == 0;
  }

  /** Whether {@code second} is a health check second this emulator accepts: 10ms to 1s. */
  static boolean isHealthCheckSecond(java.time.Duration second) {
    return second.compareTo(SHORTEST_HEALTH_CHECK_SECOND) >= 0 && second.compareTo(SECOND) <= 0;
  }

  public EmulatorConfig(int port, String bind, String region, String accountId, Path dataDir, String dockerHost,
      boolean ephemeral, boolean resetState, SchedulerOptions scheduler, List<String> allowedHosts, LogsSettings logs,
      java.time.Duration metricsPeriod) {
    this(port, bind, region, accountId, dataDir, dockerHost, ephemeral, resetState, scheduler, allowedHosts, logs,
        metricsPeriod, null);
  }

  public EmulatorConfig(int port, String bind, String region, String accountId, Path dataDir, String dockerHost,
      boolean ephemeral, boolean resetState, SchedulerOptions scheduler, List<String> allowedHosts, LogsSettings logs) {
    this(port, bind, region, accountId, dataDir, dockerHost, ephemeral, resetState, scheduler, allowedHosts, logs, null);
  }

  /** No host allowed beyond the defaults; default CloudWatch Logs settings. */
  public EmulatorConfig(int port, String bind, String region, String accountId, Path dataDir, String dockerHost,
      boolean ephemeral, boolean resetState, SchedulerOptions scheduler) {
    this(port, bind, region, accountId, dataDir, dockerHost, ephemeral, resetState, scheduler, List.of(), null);
  }

  /** Durable, default scheduling. */
  public EmulatorConfig(int port, String bind, String region, String accountId, Path dataDir, String dockerHost) {
    this(port, bind, region, accountId, dataDir, dockerHost, false, false, SchedulerOptions.defaults());
  }

  public static Path defaultDataDir() {
    return Path.of(System.getProperty("user.home"), ".ecs-emulator");
  }

  /**
   * Defaults everywhere but the given port and data dir, and state in memory only: what tests usually
   * want. Tests of durability use {@code forTests(port, dir).withEphemeral(false)}.
   */
  public static EmulatorConfig forTests(int port, Path dataDir) {
    return new EmulatorConfig(port, DEFAULT_BIND, DEFAULT_REGION, DEFAULT_ACCOUNT_ID, dataDir, null, true, false,
        SchedulerOptions.defaults());
  }

  public EmulatorConfig withEphemeral(boolean inMemoryOnly) {
    return new EmulatorConfig(port, bind, region, accountId, dataDir, dockerHost, inMemoryOnly, resetState,
        scheduler, allowedHosts, logs, metricsPeriod, healthCheckSecond);
  }

  public EmulatorConfig withResetState(boolean reset) {
    return new EmulatorConfig(port, bind, region, accountId, dataDir, dockerHost, ephemeral, reset, scheduler,
        allowedHosts, logs, metricsPeriod, healthCheckSecond);
  }

  public EmulatorConfig withScheduler(SchedulerOptions options) {
    return new EmulatorConfig(port, bind, region, accountId, dataDir, dockerHost, ephemeral, resetState, options,
        allowedHosts, logs, metricsPeriod, healthCheckSecond);
  }

  public EmulatorConfig withDockerHost(String host) {
    return new EmulatorConfig(port, bind, region, accountId, dataDir, host, ephemeral, resetState, scheduler,
        allowedHosts, logs, metricsPeriod, healthCheckSecond);
  }

  public EmulatorConfig withAllowedHosts(List<String> hosts) {
    return new EmulatorConfig(port, bind, region, accountId, dataDir, dockerHost, ephemeral, resetState, scheduler,
        hosts, logs, metricsPeriod, healthCheckSecond);
  }

  public EmulatorConfig withBind(String address) {
    return new EmulatorConfig(port, address, region, accountId, dataDir, dockerHost, ephemeral, resetState, scheduler,
        allowedHosts, logs, metricsPeriod, healthCheckSecond);
  }

  public EmulatorConfig withLogs(LogsSettings settings) {
    return new EmulatorConfig(port, bind, region, accountId, dataDir, dockerHost, ephemeral, resetState, scheduler,
        allowedHosts, settings, metricsPeriod, healthCheckSecond);
  }

  /** With another period of the AWS/ECS metrics and alarm evaluation ({@code --metrics-period}). */
  public EmulatorConfig withMetricsPeriod(java.time.Duration period) {
    return new EmulatorConfig(port, bind, region, accountId, dataDir, dockerHost, ephemeral, resetState, scheduler,
        allowedHosts, logs, period, healthCheckSecond);
  }

  /**
   * With target group health checks every interval of {@code second} a second ({@code --elb-health-check-second}):
   * AWS's shortest interval, 5 s, lasts half a second at 100 ms. Timeouts stay as set.
   */
  public EmulatorConfig withHealthCheckSecond(java.time.Duration second) {
    return new EmulatorConfig(port, bind, region, accountId, dataDir, dockerHost, ephemeral, resetState, scheduler,
        allowedHosts, logs, metricsPeriod, second);
  }

  /**
   * The configuration {@code java -jar ecs-emulator.jar ARGS} would run with, from the command-line options alone
   * (no {@code ECS_EMULATOR_*} variable is read), for programs that embed the emulator, such as the JUnit extension.
   *
   * @throws IllegalArgumentException for a bad option, with the one-line message the jar prints; also for
   *     {@code --help} and {@code --version}, which start nothing
   */
  public static EmulatorConfig fromArguments(String... args) {
    try {
      CommandLineOptions.Parsed parsed = Main.OPTIONS.parse(args, name -> null);
      if (parsed.action() != CommandLineOptions.Parsed.Action.RUN) {
        throw new IllegalArgumentException("--help and --version start no emulator");
      }
      return Main.config(parsed.values());
    } catch (CommandLineOptions.UsageException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Where durable state lives. */
  public Path stateDir() {
    return dataDir.resolve("state");
  }
}
