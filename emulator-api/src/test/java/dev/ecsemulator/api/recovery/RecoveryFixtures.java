package dev.ecsemulator.api.recovery;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.ManagedResources;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;

/** What the restart, shutdown and outage tests share: the sample app, Docker facts, clean-up by label. */
final class RecoveryFixtures {

  static final String WEB_1 = "ecs-emulator/sample-web:1";
  static final String WEB_2 = "ecs-emulator/sample-web:2";
  static final String TASK_ARN_LABEL = "com.amazonaws.ecs.task-arn";

  private RecoveryFixtures() {}

  /** The sample app on a dynamic host port, with {@link #healthCheck} every {@code interval} seconds. */
  static ContainerDefinition web(String image, int interval) {
    return ContainerDefinition.builder()
        .name("web").image(image).memory(32)
        .portMappings(PortMapping.builder().containerPort(8080).build())
        .healthCheck(healthCheck(interval))
        .build();
  }

  /**
   * The sample's health check every {@code interval} seconds, tolerant of a loaded machine. These tests are about
   * what survives a restart, a shutdown or an outage, and count the tasks launched: a task replaced for failing its
   * health checks fails them. With a 2 s timeout and 1 retry, a single check that failed or took over 2 s (Docker's
   * exec plus the sample's forks, on a loaded 2-core machine) made a task UNHEALTHY and the service replaced it, as
   * ECS does: so CI once failed RestartAdoptionJarIT. Here a task turns UNHEALTHY only after 3 checks in a row fail
   * or take over 5 s; it still turns HEALTHY at its first passing check, so no wait gets longer.
   */
  static HealthCheck healthCheck(int interval) {
    return HealthCheck.builder()
        .command("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1")
        .interval(interval).timeout(5).retries(3).startPeriod(0).build();
  }

  static Service service(EcsClient ecs, String name) {
    return ecs.describeServices(b -> b.services(name)).services().get(0);
  }

  /** One deployment, COMPLETED, running the desired number of tasks. */
  static boolean stable(Service s) {
    return s.deployments().size() == 1 && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString())
        && s.runningCount().equals(s.desiredCount()) && s.pendingCount() == 0;
  }

  static Task task(EcsClient ecs, String arn) {
    return ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0);
  }

  /** Every task the emulator lists (RUNNING and STOPPED desired status), described. */
  static List<Task> allTasks(EcsClient ecs) {
    List<String> arns = new java.util.ArrayList<>();
    for (DesiredStatus status : List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED)) {
      arns.addAll(ecs.listTasksPaginator(b -> b.desiredStatus(status)).taskArns().stream().toList());
    }
    List<Task> tasks = new java.util.ArrayList<>();
    for (int i = 0; i < arns.size(); i += 100) {
      List<String> page = arns.subList(i, Math.min(arns.size(), i + 100));
      tasks.addAll(ecs.describeTasks(b -> b.tasks(page)).tasks());
    }
    return tasks;
  }

  /**
   * What a failed assertion on a service needs to be diagnosed from CI output alone: the service's events, oldest
   * first, and each of its tasks with its status, health, times, its stop code and reason when stopped, and the
   * last health checks Docker ran in its container while that container exists (how long each took, its exit).
   */
  static String history(EcsClient ecs, DockerClient docker, String name) {
    StringBuilder out = new StringBuilder("%nservice %s events, oldest first:".formatted(name));
    service(ecs, name).events().stream().sorted(Comparator.comparing(ServiceEvent::createdAt))
        .forEach(e -> out.append("%n  %s %s".formatted(e.createdAt(), e.message())));
    out.append("%ntasks of service:%s:".formatted(name));
    allTasks(ecs).stream().filter(t -> ("service:" + name).equals(t.group()))
        .sorted(Comparator.comparing(Task::createdAt))
        .forEach(t -> {
          out.append("%n  %s %s created %s started %s %s/%s health %s stopped %s %s %s".formatted(
              t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1), t.taskDefinitionArn().replaceAll(".*/", ""),
              t.createdAt(), t.startedAt(), t.lastStatus(), t.desiredStatus(), t.healthStatusAsString(),
              t.stoppedAt(), t.stopCodeAsString(), t.stoppedReason()));
          t.containers().stream().filter(c -> c.runtimeId() != null)
              .forEach(c -> healthLog(docker, c.runtimeId()).forEach(l -> out.append("%n    check %s".formatted(l))));
        });
    return out.toString();
  }

  /** Docker's record of the last health checks of a container (start, end, exit code), empty when it is gone. */
  private static List<String> healthLog(DockerClient docker, String containerId) {
    try {
      HealthState health = docker.inspectContainerCmd(containerId).exec().getState().getHealth();
      if (health == null || health.getLog() == null) {
        return List.of();
      }
      return health.getLog().stream().map(l -> "%s .. %s exit %s %s".formatted(l.getStart(), l.getEnd(),
          l.getExitCodeLong(), l.getOutput() == null ? "" : l.getOutput().strip())).toList();
    } catch (NotFoundException gone) {
      return List.of();
    }
  }

  /** Container name → Docker ID of a task. */
  static Map<String, String> runtimeIds(Task task) {
    Map<String, String> ids = new HashMap<>();
    task.containers().forEach(c -> ids.put(c.name(), c.runtimeId()));
    return ids;
  }

  /** Docker's {@code State.StartedAt} of a container, empty when it does not exist. */
  static Optional<String> startedAt(DockerClient docker, String containerId) {
    try {
      return Optional.of(docker.inspectContainerCmd(containerId).exec().getState().getStartedAt());
    } catch (NotFoundException gone) {
      return Optional.empty();
    }
  }

  static boolean exists(DockerClient docker, String containerId) {
    try {
      docker.inspectContainerCmd(containerId).exec();
      return true;
    } catch (NotFoundException gone) {
      return false;
    }
  }

  /** The containers labelled with this emulator instance whose task the emulator does not list. */
  static Set<String> orphans(DockerEngine engine, Path dataDir, EcsClient ecs) {
    Set<String> known = new HashSet<>();
    allTasks(ecs).forEach(t -> known.add(t.taskArn()));
    Set<String> orphans = new HashSet<>();
    for (Container c : new ManagedResources(engine, EmulatorInstance.forDataDir(dataDir)).containers()) {
      String arn = c.getLabels().get(TASK_ARN_LABEL);
      if (arn == null || !known.contains(arn)) {
        orphans.add(c.getNames()[0] + " (task " + arn + ")");
      }
    }
    return orphans;
  }

  /** Removes every container and network the emulator on {@code dataDir} created on {@code engine}. */
  static void removeContainersOf(DockerEngine engine, Path dataDir) {
    new ManagedResources(engine, EmulatorInstance.forDataDir(dataDir)).removeAll();
  }
}
