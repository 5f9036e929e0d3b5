package dev.ecsemulator.api.tasks;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Task;

/** Task definitions and waits shared by the task tests. */
final class TaskFixtures {

  static final String WEB_1 = "ecs-emulator/sample-web:1";
  static final Duration LONG = Duration.ofSeconds(60);

  private TaskFixtures() {}

  /** The sample web app on 8080, with {@code memory} MiB. */
  static ContainerDefinition web(String name, int memory) {
    return ContainerDefinition.builder()
        .name(name)
        .image(WEB_1)
        .memory(memory)
        .portMappings(PortMapping.builder().containerPort(8080).build())
        .build();
  }

  /** The probe that works in the sample image, at the minimum interval ECS allows. */
  static HealthCheck healthCheck() {
    return HealthCheck.builder()
        .command("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1")
        .interval(5).timeout(2).retries(2).startPeriod(0)
        .build();
  }

  static Task describe(EcsClient ecs, String taskArn) {
    return ecs.describeTasks(b -> b.tasks(taskArn)).tasks().get(0);
  }

  static Task awaitTask(EcsClient ecs, String taskArn, Predicate<Task> condition) {
    await().atMost(LONG).pollInterval(Duration.ofMillis(100)).until(() -> condition.test(describe(ecs, taskArn)));
    return describe(ecs, taskArn);
  }

  static Task awaitStatus(EcsClient ecs, String taskArn, String lastStatus) {
    return awaitTask(ecs, taskArn, t -> lastStatus.equals(t.lastStatus()));
  }

  static Container container(Task task, String name) {
    return task.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  /** GET on the host port ECS reports for the container's port 8080. */
  static HttpResponse<String> get(Container container, String path) throws IOException, InterruptedException {
    var binding = container.networkBindings().stream().filter(b -> b.containerPort() == 8080).findFirst().orElseThrow();
    URI uri = URI.create("http://127.0.0.1:" + binding.hostPort() + path);
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The shared engine, to look at what the emulator created (docker inspect) or act behind its back. */
  static DockerClient docker() {
    return ENGINE.client();
  }

  private static final DockerEngine ENGINE = new DockerEngine(DockerEngine.resolveHost(null));

  static List<String> arns(List<Task> tasks) {
    return tasks.stream().map(Task::taskArn).toList();
  }
}
