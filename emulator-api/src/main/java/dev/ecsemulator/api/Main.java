package dev.ecsemulator.api;

import dev.ecsemulator.core.state.durable.StateDamagedException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar ecs-emulator.jar [options]}: runs the emulator in the foreground and prints one line
 * with its URL when it is ready. Every option can also be set with an {@code ECS_EMULATOR_<NAME>}
 * environment variable. Bad options: one line on stderr and exit code 2.
 */
@Command(name = "ecs-emulator", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    sortOptions = false,
    description = "A local emulator of Amazon ECS that runs tasks as real Docker containers.")
public final class Main implements Callable<Integer> {

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:ECS_EMULATOR_PORT:-4566}",
      description = "HTTP port (env ECS_EMULATOR_PORT; default ${DEFAULT-VALUE}; 0 picks a free port).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "${env:ECS_EMULATOR_BIND:-127.0.0.1}",
      description = "Address to listen on (env ECS_EMULATOR_BIND; default ${DEFAULT-VALUE}). "
          + "Use 0.0.0.0 only if other machines must reach the emulator.")
  String bind;

  @Option(names = "--region", paramLabel = "REGION", defaultValue = "${env:ECS_EMULATOR_REGION:-us-east-1}",
      description = "Region of requests whose signature names none (env ECS_EMULATOR_REGION; default ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--account-id", paramLabel = "ID", defaultValue = "${env:ECS_EMULATOR_ACCOUNT_ID:-000000000000}",
      description = "Account ID used in ARNs (env ECS_EMULATOR_ACCOUNT_ID; default ${DEFAULT-VALUE}).")
  String accountId;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:ECS_EMULATOR_DATA_DIR}",
      description = "Directory for the emulator's state (env ECS_EMULATOR_DATA_DIR; default ~/.ecs-emulator).")
  Path dataDir;

  @Option(names = "--ephemeral", arity = "0..1", fallbackValue = "true", paramLabel = "BOOLEAN",
      defaultValue = "${env:ECS_EMULATOR_EPHEMERAL:-false}",
      description = "Keep state in memory only: nothing survives a restart (env ECS_EMULATOR_EPHEMERAL; default ${DEFAULT-VALUE}).")
  boolean ephemeral;

  @Option(names = "--reset-state", arity = "0..1", fallbackValue = "true", paramLabel = "BOOLEAN",
      defaultValue = "${env:ECS_EMULATOR_RESET_STATE:-false}",
      description = "Move the saved state aside (to DIR/state.reset-<time>) and start empty, e.g. when it is damaged "
          + "(env ECS_EMULATOR_RESET_STATE; default ${DEFAULT-VALUE}).")
  boolean resetState;

  @Option(names = "--docker-host", paramLabel = "URI", defaultValue = "${env:ECS_EMULATOR_DOCKER_HOST}",
      description = "Docker engine (env ECS_EMULATOR_DOCKER_HOST; default: DOCKER_HOST, else unix:///var/run/docker.sock).")
  String dockerHost;

  @Option(names = "--instance-cpu", paramLabel = "UNITS", defaultValue = "${env:ECS_EMULATOR_INSTANCE_CPU}",
      description = "CPU units the local Docker engine offers as a container instance (env ECS_EMULATOR_INSTANCE_CPU; default: host cores x 1024).")
  Integer instanceCpu;

  @Option(names = "--instance-memory", paramLabel = "MIB", defaultValue = "${env:ECS_EMULATOR_INSTANCE_MEMORY}",
      description = "Memory in MiB the local Docker engine offers as a container instance (env ECS_EMULATOR_INSTANCE_MEMORY; default: host memory).")
  Integer instanceMemory;

  @Option(names = "--image-pull-behavior", paramLabel = "POLICY",
      defaultValue = "${env:ECS_EMULATOR_IMAGE_PULL_BEHAVIOR:-prefer-cached}",
      description = "When images are pulled: prefer-cached, always or once (env ECS_EMULATOR_IMAGE_PULL_BEHAVIOR; default ${DEFAULT-VALUE}).")
  String imagePullBehavior;

  @Option(names = "--stopped-task-retention", paramLabel = "DURATION",
      defaultValue = "${env:ECS_EMULATOR_STOPPED_TASK_RETENTION:-1h}",
      description = "How long stopped tasks stay describable, e.g. 90s, 30m, 2h (env ECS_EMULATOR_STOPPED_TASK_RETENTION; default ${DEFAULT-VALUE}).")
  String stoppedTaskRetention;

  @Option(names = "--task-cleanup-delay", paramLabel = "DURATION",
      defaultValue = "${env:ECS_EMULATOR_TASK_CLEANUP_DELAY:-1h}",
      description = "How long a stopped task's containers are kept for their logs (env ECS_EMULATOR_TASK_CLEANUP_DELAY; default ${DEFAULT-VALUE}).")
  String taskCleanupDelay;

  @Option(names = "--stop-tasks-on-exit", arity = "0..1", fallbackValue = "true", paramLabel = "BOOLEAN",
      defaultValue = "${env:ECS_EMULATOR_STOP_TASKS_ON_EXIT:-false}",
      description = "On SIGTERM or Ctrl-C, stop every task (reason: the emulator stopped) instead of leaving its "
          + "containers running for the next start to adopt (env ECS_EMULATOR_STOP_TASKS_ON_EXIT; default ${DEFAULT-VALUE}).")
  boolean stopTasksOnExit;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setParameterExceptionHandler((e, argv) -> {
      System.err.println("ecs-emulator: " + e.getMessage() + " (see --help)");
      return 2;
    });
    int code = cli.execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--port must be between 0 and 65535, got " + port);
    }
    if (!accountId.matches("\\d{12}")) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--account-id must be 12 digits, got '" + accountId + "'");
    }
    if (ephemeral && resetState) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--reset-state has no effect with --ephemeral: an ephemeral emulator reads no saved state");
    }
    Path dir = dataDir != null ? dataDir : EmulatorConfig.defaultDataDir();
    EmulatorConfig config = new EmulatorConfig(port, bind, region, accountId, dir, dockerHost, ephemeral, resetState,
        schedulerOptions());
    Emulator emulator;
    try {
      emulator = Emulator.start(config);
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
    System.out.println("ecs-emulator " + BuildInfo.version() + " ready at " + emulator.url()
        + " (region " + region + ", account " + accountId + ", data " + emulator.instance().dataDir()
        + (ephemeral ? ", ephemeral" : "") + ")");
    System.out.flush();
    stopped.await();
    return 0;
  }

  private SchedulerOptions schedulerOptions() {
    try {
      dev.ecsemulator.scheduler.runtime.PullPolicy.parse(imagePullBehavior);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--image-pull-behavior must be prefer-cached, always or once, got '" + imagePullBehavior + "'");
    }
    if ((instanceCpu != null && instanceCpu < 128) || (instanceMemory != null && instanceMemory < 128)) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--instance-cpu and --instance-memory must be at least 128");
    }
    return new SchedulerOptions(instanceCpu, instanceMemory, imagePullBehavior,
        duration("--stopped-task-retention", stoppedTaskRetention), duration("--task-cleanup-delay", taskCleanupDelay),
        java.time.Duration.ofSeconds(30), stopTasksOnExit);
  }

  /** {@code 90s}, {@code 30m}, {@code 2h}, or an ISO-8601 duration. */
  private java.time.Duration duration(String option, String text) {
    try {
      String t = text.trim().toLowerCase(java.util.Locale.ROOT);
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
      throw new CommandLine.ParameterException(new CommandLine(this),
          option + " must be a duration such as 90s, 30m or 2h, got '" + text + "'");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ecs-emulator " + BuildInfo.version()};
    }
  }
}
