package dev.ecsemulator.api.recovery;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.ManagedResources;
import java.nio.file.Path;
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
import software.amazon.awssdk.services.ecs.model.Task;

/** What the restart, shutdown and outage tests share: the sample app, Docker facts, clean-up by label. */
final class RecoveryFixtures {

  static final String WEB_1 = "ecs-emulator/sample-web:1";
  static final String WEB_2 = "ecs-emulator/sample-web:2";
  static final String TASK_ARN_LABEL = "com.amazonaws.ecs.task-arn";

  private RecoveryFixtures() {}

  /** The sample app on a dynamic host port, with the sample's health check every {@code interval} seconds. */
  static ContainerDefinition web(String image, int interval) {
    return ContainerDefinition.builder()
        .name("web").image(image).memory(32)
        .portMappings(PortMapping.builder().containerPort(8080).build())
        .healthCheck(HealthCheck.builder()
            .command("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1")
            .interval(interval).timeout(2).retries(1).startPeriod(0).build())
        .build();
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
