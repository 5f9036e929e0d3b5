package dev.ecsemulator.api;

import dev.ecsemulator.core.logs.LogsSettings;
import dev.ecsemulator.core.state.durable.StateDamagedException;
import java.nio.file.Path;
import dev.ecsemulator.api.CommandLineOptions.Spec;
import dev.ecsemulator.api.CommandLineOptions.UsageException;
import dev.ecsemulator.api.edge.HostRules;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar ecs-emulator.jar [options]}: runs the emulator in the foreground and prints one line
 * with its URL when it is ready. Every option can also be set with an {@code ECS_EMULATOR_<NAME>}
 * environment variable. Bad options: one line on stderr and exit code 2.
 */
public final class Main {

  static final CommandLineOptions OPTIONS = new CommandLineOptions(List.of(
      new Spec("port", "PORT", "4566", "HTTP port; 0 picks a free port."),
      new Spec("bind", "ADDRESS", "127.0.0.1",
          "Address to listen on. Use 0.0.0.0 only if other machines must reach the emulator."),
      new Spec("allowed-hosts", "NAMES", null,
          "Host names, comma-separated, by which clients may call the emulator besides localhost and its bind"
              + " address (others are refused against DNS rebinding); * allows any."),
      new Spec("region", "REGION", "us-east-1", "Region of requests whose signature names none."),
      new Spec("account-id", "ID", "000000000000", "Account ID used in ARNs."),
      new Spec("data-dir", "DIR", null, "Directory for the emulator's state (default ~/.ecs-emulator)."),
      new Spec("ephemeral", null, "false", "Keep state in memory only: nothing survives a restart."),
      new Spec("reset-state", null, "false",
          "Move the saved state aside (to DIR/state.reset-<time>) and start empty, e.g. when it is damaged."),
      new Spec("docker-host", "URI", null,
          "Docker engine (default: DOCKER_HOST, else unix:///var/run/docker.sock)."),
      new Spec("instance-cpu", "UNITS", null,
          "CPU units the local Docker engine offers as a container instance (default: host cores x 1024)."),
      new Spec("instance-memory", "MIB", null,
          "Memory in MiB the local Docker engine offers as a container instance (default: host memory)."),
      new Spec("image-pull-behavior", "POLICY", "prefer-cached", "When images are pulled: prefer-cached, always or once."),
      new Spec("stopped-task-retention", "DURATION", "1h",
          "How long stopped tasks stay describable, e.g. 90s, 30m, 2h."),
      new Spec("task-cleanup-delay", "DURATION", "1h", "How long a stopped task's containers are kept for their logs."),
      new Spec("stop-tasks-on-exit", null, "false",
          "On SIGTERM or Ctrl-C, stop every task (reason: the emulator stopped) instead of leaving its "
              + "containers running for the next start to adopt."),
      new Spec("allow-host-access", null, "false",
          "Run tasks that reach the host: privileged containers, added capabilities, devices, host PID/IPC "
              + "namespaces, weakened security options, bind mounts outside your home and temp directories "
              + "(the Docker socket, /etc, ...). Off: such tasks stop with TaskFailedToStart."),
      new Spec("logs-max-group-bytes", "SIZE", "64MiB",
          "The most a CloudWatch Logs log group holds (bytes, or with KiB, MiB, GiB); past it its oldest events go."),
      new Spec("metrics-period", "DURATION", "60s",
          "How often the AWS/ECS CPUUtilization and MemoryUtilization and the AWS/ApplicationELB metrics are "
              + "published and alarms evaluated (AWS: 60s); 1s to 60s. Shorter, target-tracking alarms use it as "
              + "their period, so scaling shows in seconds."),
      new Spec("bake-minute", "DURATION", "60s",
          "How long one minute of a BLUE_GREEN, LINEAR or CANARY deployment's bake times lasts (bakeTimeInMinutes, "
              + "stepBakeTimeInMinutes, canaryBakeTimeInMinutes); shorter, e.g. 1s, for tests. At most 60s."),
      new Spec("elb-health-check-second", "DURATION", "1s",
          "How long one second of a target group's health check interval (HealthCheckIntervalSeconds) lasts; "
              + "shorter, e.g. 100ms, for tests (timeouts stay as set). From 10ms to 1s."),

      new Spec("task-metadata", null, "true",
          "Serve the task metadata (v3, v4) and credentials endpoints to tasks at 169.254.170.2, as the ECS agent "
              + "does, and set ECS_CONTAINER_METADATA_URI(_V4) and the credentials URI in their containers."),
      new Spec("inject-aws-endpoint-url", null, "false",
          "Also serve the API to tasks at http://169.254.170.2:PORT (reachable only from this machine and its "
              + "containers) and set AWS_ENDPOINT_URL to it in task containers, so their own SDK calls reach the "
              + "emulator.")));

  private Main() {
  }

  /**
   * Jetty sizes its queue padding by the references per CPU cache line; unless told, it asks the JVM through JMX,
   * and starting the platform MBean server cost 30 to 80 ms of every start-up here, on the path to the first
   * request. 16 is the figure for compressed references (64-byte lines, 4-byte references: the JVM's default below
   * 32 GiB of heap); a wrong figure would only change padding.
   */
  static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
    }
    // First, so that building the server and reading the model overlap with parsing the options.
    Prestart prestart = Prestart.begin();
    int code = run(args, prestart);
    if (code != 0) {
      System.exit(code);
    }
  }

  private static int run(String[] args, Prestart prestart) throws InterruptedException {
    EmulatorConfig config;
    try {
      CommandLineOptions.Parsed parsed = OPTIONS.parse(args, System::getenv);
      switch (parsed.action()) {
        case HELP -> {
          System.out.print(OPTIONS.help("ecs-emulator [OPTIONS]",
              "A local emulator of Amazon ECS that runs tasks as real Docker containers."));
          return 0;
        }
        case VERSION -> {
          System.out.println("ecs-emulator " + BuildInfo.version());
          return 0;
        }
        default -> config = config(parsed.values());
      }
    } catch (UsageException e) {
      System.err.println("ecs-emulator: " + e.getMessage() + " (see --help)");
      return 2;
    }
    Emulator emulator;
    try {
      emulator = Emulator.start(config, prestart);
    } catch (StateDamagedException e) {
      System.err.println("ecs-emulator: cannot start: " + e.getMessage()
          + "; start with --reset-state to move it aside and start empty");
      return 1;
    } catch (RuntimeException e) {
      System.err.println("ecs-emulator: cannot start: " + rootMessage(e));
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "ecs-emulator-shutdown"));
    // Joined, not concatenated: the first string concatenation of a shape links method handles (about 10 ms of CPU
    // here, measured), and this line is what clients wait for (docs/benchmarks.md, issue 21 goal 3).
    System.out.println(String.join("", "ecs-emulator ", BuildInfo.version(), " ready at ", emulator.url(),
        " (region ", config.region(), ", account ", config.accountId(), ", data ",
        emulator.instance().dataDir().toString(), config.ephemeral() ? ", ephemeral" : "", ")"));
    System.out.flush();
    stopped.await();
    return 0;
  }

  /** The configuration the resolved options describe; checks what commons-cli cannot. */
  static EmulatorConfig config(Map<String, String> values) {
    int port = integer(values, "port");
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be between 0 and 65535, got " + port);
    }
    String accountId = values.get("account-id");
    if (!accountId.matches("\\d{12}")) {
      throw new UsageException("--account-id must be 12 digits, got '" + accountId + "'");
    }
    boolean ephemeral = Boolean.parseBoolean(values.get("ephemeral"));
    boolean resetState = Boolean.parseBoolean(values.get("reset-state"));
    if (ephemeral && resetState) {
      throw new UsageException("--reset-state has no effect with --ephemeral: an ephemeral emulator reads no saved state");
    }
    Path dir = values.containsKey("data-dir") ? Path.of(values.get("data-dir")) : EmulatorConfig.defaultDataDir();
    return new EmulatorConfig(port, values.get("bind"), values.get("region"), accountId, dir, values.get("docker-host"),
        ephemeral, resetState, schedulerOptions(values), allowedHosts(values.get("allowed-hosts")),
        LogsSettings.defaults().withMaxGroupBytes(bytes("--logs-max-group-bytes", values.get("logs-max-group-bytes"))),
        metricsPeriod(values.get("metrics-period")), healthCheckSecond(values.get("elb-health-check-second")));
  }

  private static List<String> allowedHosts(String text) {
    try {
      return HostRules.parseAllowed(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--allowed-hosts: " + e.getMessage());
    }
  }

  private static SchedulerOptions schedulerOptions(Map<String, String> values) {
    String imagePullBehavior = values.get("image-pull-behavior");
    try {
      dev.ecsemulator.scheduler.runtime.PullPolicy.parse(imagePullBehavior);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "--image-pull-behavior must be prefer-cached, always or once, got '" + imagePullBehavior + "'");
    }
    Integer instanceCpu = values.containsKey("instance-cpu") ? integer(values, "instance-cpu") : null;
    Integer instanceMemory = values.containsKey("instance-memory") ? integer(values, "instance-memory") : null;
    if ((instanceCpu != null && instanceCpu < 128) || (instanceMemory != null && instanceMemory < 128)) {
      throw new UsageException("--instance-cpu and --instance-memory must be at least 128");
    }
    boolean taskMetadata = Boolean.parseBoolean(values.get("task-metadata"));
    boolean injectEndpointUrl = Boolean.parseBoolean(values.get("inject-aws-endpoint-url"));
    if (injectEndpointUrl && !taskMetadata) {
      throw new UsageException("--inject-aws-endpoint-url needs the task endpoint: not with --task-metadata=false");
    }
    return new SchedulerOptions(instanceCpu, instanceMemory, imagePullBehavior,
        duration("--stopped-task-retention", values.get("stopped-task-retention")),
        duration("--task-cleanup-delay", values.get("task-cleanup-delay")),
        java.time.Duration.ofSeconds(30), Boolean.parseBoolean(values.get("stop-tasks-on-exit")),
        Boolean.parseBoolean(values.get("allow-host-access")), taskMetadata, injectEndpointUrl,
        bakeMinute(values.get("bake-minute")));
  }

  /** A size: {@code 1048576}, or a whole number of {@code KiB}, {@code MiB} or {@code GiB} ({@code K}, {@code M}, {@code G}). */
  static long bytes(String option, String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,12})\\s*(?:([kmg])(?:ib)?)?")
        .matcher(text.trim().toLowerCase(java.util.Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) < 1) {
      throw new UsageException(option + " must be a size such as 67108864, 512KiB or 64MiB, got '" + text + "'");
    }
    int shift = m.group(2) == null ? 0 : switch (m.group(2)) {
      case "k" -> 10;
      case "m" -> 20;
      default -> 30;
    };
    return Long.parseLong(m.group(1)) << shift;
  }

  private static int integer(Map<String, String> values, String name) {
    String text = values.get(name);
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, got '" + text + "'");
    }
  }

  private static java.time.Duration bakeMinute(String text) {
    java.time.Duration minute = duration("--bake-minute", text);
    if (minute.isZero() || minute.compareTo(SchedulerOptions.MINUTE) > 0) {
      throw new UsageException("--bake-minute must be more than 0 and at most 60s, got '" + text + "'");
    }
    return minute;
  }

  private static java.time.Duration healthCheckSecond(String text) {
    java.time.Duration second = duration("--elb-health-check-second", text);
    if (!EmulatorConfig.isHealthCheckSecond(second)) {
      throw new UsageException("--elb-health-check-second must be from 10ms to 1s, got '" + text + "'");
    }
    return second;
  }

  private static java.time.Duration metricsPeriod(String text) {
    java.time.Duration period = duration("--metrics-period", text);
    if (!EmulatorConfig.isMetricsPeriod(period)) {
      throw new UsageException("--metrics-period must be whole seconds from 1s to 60s, got '" + text + "'");
    }
    return period;
  }

  /** {@code 100ms}, {@code 90s}, {@code 30m}, {@code 2h}, or an ISO-8601 duration. */
  private static java.time.Duration duration(String option, String text) {
    try {
      String t = text.trim().toLowerCase(java.util.Locale.ROOT);
      if (t.matches("\\d+ms")) {
        return java.time.Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.matches("\\d+[smh]")) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
          case 's' -> java.time.Duration.ofSeconds(n);
          case 'm' -> java.time.Duration.ofMinutes(n);
          default -> java.time.Duration.ofHours(n);
        };
      }
      return java.time.Duration.parse(text);
    } catch (RuntimeException e) {
      throw new UsageException(option + " must be a duration such as 90s, 30m or 2h, got '" + text + "'");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
