package dev.ecsemulator.api.ui;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plain-language explanations of what ECS says: service event messages, stop codes and reasons, container
 * reasons and exit codes, rollout states. They are the dashboard's own teaching texts, not AWS wording.
 *
 * <p>Each entry names a topic (what kind of value it explains) and a regular expression, matched against the whole
 * value in the browser too ({@code new RegExp}): so the patterns keep to what Java and JavaScript read alike
 * (literals, classes, {@code \d}, {@code \(}, anchors, {@code .*}). The first entry of a topic that matches wins.
 *
 * <p>Immutable; thread-safe.
 */
public final class Explanations {

  /** What kind of value an explanation is for. */
  public enum Topic {
    /** A service event's {@code message}. */
    EVENT,
    /** A task's {@code stopCode}. */
    STOP_CODE,
    /** A task's {@code stoppedReason}. */
    STOPPED_REASON,
    /** A container's {@code reason}. */
    CONTAINER_REASON,
    /** A container's {@code exitCode}. */
    EXIT_CODE,
    /** A deployment's {@code rolloutState}. */
    ROLLOUT_STATE,
    /** A deployment's {@code rolloutStateReason}. */
    ROLLOUT_REASON,
    /** A deployment's {@code status}. */
    DEPLOYMENT_STATUS,
    /** A task's {@code lastStatus}. */
    TASK_STATUS,
    /** A task's or container's {@code healthStatus}. */
    HEALTH
  }

  /**
   * One explanation.
   *
   * @param topic what kind of value it explains
   * @param pattern a regular expression the whole value must match
   * @param text the explanation, a sentence or three
   */
  public record Entry(Topic topic, String pattern, String text) {}

  private static final String SERVICE = "\\(service [^)]+\\) ";
  private static final String TASK_ID = "\\(task [0-9a-f]+\\)";

  private static final List<Entry> CATALOGUE = List.of(
      // ---- service events (ServiceEvents in the scheduler; the load-balancer ones are not emulated) ----
      new Entry(Topic.EVENT, SERVICE + "has reached a steady state\\.",
          "Nothing left to do: one deployment is left, it runs as many tasks as the service wants, and they passed their"
              + " health checks. ECS says so again now and then while the service stays this way."),
      new Entry(Topic.EVENT, SERVICE + "has started \\d+ tasks: .*",
          "The scheduler launched tasks: to reach the desired count, to replace tasks that stopped or failed their"
              + " health checks, or as the next step of a rolling update (maximumPercent caps how many tasks may run at"
              + " once during it)."),
      new Entry(Topic.EVENT, SERVICE + "has stopped \\d+ running tasks: .*",
          "The scheduler stopped tasks: the desired count went down, or a rolling update replaces old tasks by new ones"
              + " (minimumHealthyPercent says how many healthy tasks must stay while it does)."),
      new Entry(Topic.EVENT, SERVICE + "stopped \\d+ pending tasks\\.",
          "The scheduler stopped tasks that had not reached RUNNING yet: the desired count went down, or they belonged"
              + " to a deployment being replaced or rolled back."),
      new Entry(Topic.EVENT, SERVICE + TASK_ID + " failed container health checks\\.",
          "An essential container's health check command failed 'retries' times in a row, so the task became"
              + " UNHEALTHY. A service stops such a task and starts a replacement; a task started with RunTask would keep"
              + " running."),
      new Entry(Topic.EVENT, SERVICE + "\\(deployment [^)]+\\) deployment completed\\.",
          "This deployment runs its desired count of healthy tasks and the older deployments have none left: the"
              + " rollout is over (rolloutState COMPLETED)."),
      new Entry(Topic.EVENT, SERVICE + "\\(deployment [^)]+\\) deployment failed: .*",
          "The deployment circuit breaker gave up on this deployment: too many of its tasks failed to start or to"
              + " become healthy. With rollback on, ECS returns to the last deployment that completed."),
      new Entry(Topic.EVENT, SERVICE + "rolling back to deployment [^ ]+\\.",
          "The circuit breaker failed the newer deployment and rollback is on: the last deployment that completed is"
              + " the PRIMARY again, under its own ID, and its tasks that still run are kept."),
      new Entry(Topic.EVENT, SERVICE + "is unable to consistently start tasks successfully\\.",
          "Tasks of this service keep stopping before they reach RUNNING, so ECS waits longer and longer between"
              + " attempts (up to 15 minutes) instead of looping. The stopped tasks' reasons say why; registering a new"
              + " task definition in the service resets the wait."),
      new Entry(Topic.EVENT, SERVICE + "was unable to stop or start tasks during a deployment because of the service"
          + " deployment configuration\\..*",
          "minimumHealthyPercent forbids stopping an old task and maximumPercent forbids starting a new one, so the"
              + " rollout cannot move. Raise maximumPercent (room for an extra task) or lower minimumHealthyPercent."),
      new Entry(Topic.EVENT, SERVICE + "was unable to place a task because no container instance met all of its"
          + " requirements\\..*",
          "No container instance has the CPU, memory or free ports the task needs, or none is connected. Here the one"
              + " container instance is your Docker engine: is it running, and does the task fit in what it offers?"
              + " ECS keeps trying."),
      new Entry(Topic.EVENT, SERVICE + "(registered|deregistered) \\d+ targets in .*",
          "Tasks were added to (or taken out of) the load balancer's target group, so it sends them traffic (or"
              + " stops). Load balancers are not emulated."),
      new Entry(Topic.EVENT, "\\(service [^)]+\\) has begun draining connections on \\d+ tasks\\.",
          "The load balancer stops sending new requests to these tasks and waits for open ones to finish before ECS"
              + " stops them. Load balancers are not emulated."),

      // ---- stop codes (the model's TaskStopCode) ----
      new Entry(Topic.STOP_CODE, "EssentialContainerExited",
          "A container marked essential stopped (it exited, crashed, or was killed), and a task cannot run without its"
              + " essential containers, so ECS stopped the whole task. The container's exit code and reason say why."),
      new Entry(Topic.STOP_CODE, "TaskFailedToStart",
          "The task never ran: its image could not be pulled, a container could not be created or started, or a"
              + " resource (a volume, a secret, host access) could not be set up. The stopped reason names the error."),
      new Entry(Topic.STOP_CODE, "UserInitiated",
          "Someone called StopTask (the console, the CLI, an SDK, or this dashboard's Stop button)."),
      new Entry(Topic.STOP_CODE, "ServiceSchedulerInitiated",
          "The service scheduler stopped the task: to scale in, to replace it during a rolling update, or because it"
              + " failed its health checks."),
      new Entry(Topic.STOP_CODE, "SpotInterruption",
          "AWS took back the Spot capacity the task ran on. This does not happen in the emulator."),
      new Entry(Topic.STOP_CODE, "TerminationNotice",
          "The instance or Fargate host the task ran on was being retired. This does not happen in the emulator."),
      new Entry(Topic.STOP_CODE, "InfrastructureHealth",
          "ECS stopped the task because the infrastructure under it was unhealthy. This does not happen in the"
              + " emulator."),

      // ---- stopped reasons ----
      new Entry(Topic.STOPPED_REASON, "Essential container in task exited",
          "See the containers below: the one with an exit code is the essential container that ended the task."),
      new Entry(Topic.STOPPED_REASON, "Task stopped by user",
          "StopTask was called without a reason of its own; this is ECS's default wording."),
      new Entry(Topic.STOPPED_REASON, "Scaling activity initiated by \\(deployment [^)]+\\)",
          "The named deployment's scheduler stopped this task, to scale in or to make room while replacing old tasks."),
      new Entry(Topic.STOPPED_REASON, "Task failed container health checks",
          "An essential container stayed UNHEALTHY, so the service replaced the task."),
      new Entry(Topic.STOPPED_REASON, "Task stopped because ecs-emulator shut down.*",
          "The emulator was stopped with --stop-tasks-on-exit, which stops every task on the way out."),

      // ---- container reasons (the agent's "<ErrorName>: <message>") ----
      new Entry(Topic.CONTAINER_REASON, "OutOfMemoryError: .*",
          "The container used more memory than its hard limit ('memory' of the container, or the task's memory) and"
              + " the kernel's OOM killer ended it (exit code 137). The emulator gives the container that same limit"
              + " in Docker, so it is killed here just as it would be on ECS. Raise the limit or find what grows."),
      new Entry(Topic.CONTAINER_REASON, "CannotPullContainerError: .*",
          "The image could not be pulled: a wrong name or tag, a registry that cannot be reached, or missing"
              + " credentials. The emulator uses a local image of that name when there is one."),
      new Entry(Topic.CONTAINER_REASON, "CannotCreateContainerError: .*",
          "Docker refused to create the container; the rest of the message is Docker's, or the emulator's refusal of"
              + " host-level access (privileged mode, host paths) without --allow-host-access."),
      new Entry(Topic.CONTAINER_REASON, "CannotStartContainerError: .*",
          "The container was created but would not start: usually a command or entry point that does not exist in the"
              + " image, or a port already taken on the host."),
      new Entry(Topic.CONTAINER_REASON, "ContainerVanishedError: .*",
          "The container was removed behind the emulator's back (while it was stopped), so the task could not go on."),
      new Entry(Topic.CONTAINER_REASON, "DockerTimeoutError: .*",
          "The Docker engine did not answer in time."),
      new Entry(Topic.CONTAINER_REASON, "ResourceInitializationError: .*",
          "Something the task needs before its containers start (on Fargate: the network, secrets, log"
              + " configuration) could not be set up."),

      // ---- exit codes ----
      new Entry(Topic.EXIT_CODE, "0", "The process ended by itself, successfully."),
      new Entry(Topic.EXIT_CODE, "137",
          "128 + 9: the process was killed with SIGKILL, either by the OOM killer (the reason then says"
              + " OutOfMemoryError) or because it ignored SIGTERM for longer than its stopTimeout."),
      new Entry(Topic.EXIT_CODE, "143",
          "128 + 15: the process ended on SIGTERM, the signal a stop sends first. A clean stop."),
      new Entry(Topic.EXIT_CODE, "139", "128 + 11: a segmentation fault (SIGSEGV)."),
      new Entry(Topic.EXIT_CODE, "1[2-9][0-9]|2[0-5][0-9]", "Above 128: the process was ended by signal (code - 128)."),
      new Entry(Topic.EXIT_CODE, "\\d+", "The process exited by itself with an error status; its logs say why."),

      // ---- deployments ----
      new Entry(Topic.DEPLOYMENT_STATUS, "PRIMARY",
          "The newest deployment: the task definition and configuration the service is moving to. New tasks are"
              + " started for it."),
      new Entry(Topic.DEPLOYMENT_STATUS, "ACTIVE",
          "An older deployment that still has tasks. The scheduler drains it as the PRIMARY one becomes healthy,"
              + " within the minimum and maximum percent."),
      new Entry(Topic.DEPLOYMENT_STATUS, "INACTIVE", "A deployment that has no tasks left and is done."),
      new Entry(Topic.ROLLOUT_STATE, "IN_PROGRESS", "The rollout is under way."),
      new Entry(Topic.ROLLOUT_STATE, "COMPLETED", "The deployment reached a steady state."),
      new Entry(Topic.ROLLOUT_STATE, "FAILED",
          "The circuit breaker stopped this deployment: it starts no new tasks."),
      new Entry(Topic.ROLLOUT_REASON, "ECS deployment circuit breaker: tasks failed to start\\.",
          "Tasks of this deployment failed in a row (to start, or their health checks) as many times as the circuit"
              + " breaker's threshold: half the desired count, at least 3 and at most 200."),
      new Entry(Topic.ROLLOUT_REASON, "ECS deployment circuit breaker: rolling back to deploymentId .*",
          "The circuit breaker tripped on the newer deployment, and rollback is on: this deployment, the last one that"
              + " had completed, is being brought back."),
      new Entry(Topic.ROLLOUT_REASON, "ECS deployment .* in progress\\.",
          "Tasks of this deployment are being started and older ones stopped, step by step."),
      new Entry(Topic.ROLLOUT_REASON, "ECS deployment .* completed\\.",
          "This deployment reached its desired count of healthy tasks."),

      // ---- task statuses and health ----
      new Entry(Topic.TASK_STATUS, "PROVISIONING",
          "ECS prepares what the task needs before its containers: on awsvpc, its network interface."),
      new Entry(Topic.TASK_STATUS, "PENDING", "The image is pulled and the containers are created and started."),
      new Entry(Topic.TASK_STATUS, "ACTIVATING", "The task is being registered with load balancers or service discovery."),
      new Entry(Topic.TASK_STATUS, "RUNNING", "Every container of the task runs (or has finished, if not essential)."),
      new Entry(Topic.TASK_STATUS, "DEACTIVATING", "The task is being taken out of load balancers or service discovery."),
      new Entry(Topic.TASK_STATUS, "STOPPING",
          "The containers got SIGTERM and have their stopTimeout (30 s by default) to exit before SIGKILL."),
      new Entry(Topic.TASK_STATUS, "DEPROVISIONING", "What was provisioned for the task is being released."),
      new Entry(Topic.TASK_STATUS, "STOPPED",
          "Every container has exited. ECS keeps showing the task for about an hour, with its stop code and reason."),
      new Entry(Topic.HEALTH, "HEALTHY", "Every essential container with a health check passes it."),
      new Entry(Topic.HEALTH, "UNHEALTHY",
          "An essential container failed its health check 'retries' times in a row. A service replaces the task."),
      new Entry(Topic.HEALTH, "UNKNOWN",
          "No verdict yet: the health checks are still in their start period, or no essential container has one."));

  /** The catalogue's patterns, compiled once, in the same order. */
  private static final List<Pattern> COMPILED = CATALOGUE.stream().map(e -> Pattern.compile(e.pattern())).toList();

  private Explanations() {}

  /** Every entry, in matching order. */
  public static List<Entry> catalogue() {
    return CATALOGUE;
  }

  /** The explanation of {@code value} as a {@code topic}, if there is one. */
  public static Optional<String> explain(Topic topic, String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (int i = 0; i < CATALOGUE.size(); i++) {
      Entry entry = CATALOGUE.get(i);
      if (entry.topic() == topic && COMPILED.get(i).matcher(value).matches()) {
        return Optional.of(entry.text());
      }
    }
    return Optional.empty();
  }
}
