package dev.ecsemulator.api.tasks;

import org.junit.jupiter.api.parallel.Isolated;
import static dev.ecsemulator.api.tasks.TaskFixtures.awaitStatus;
import static dev.ecsemulator.api.tasks.TaskFixtures.container;
import static dev.ecsemulator.api.tasks.TaskFixtures.web;
import static dev.ecsemulator.api.tasks.TaskEndpointProbe.exec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.SchedulerOptions;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * {@code --inject-aws-endpoint-url}: a task's own calls reach the emulator's API at 169.254.170.2, which
 * only this machine and its containers can reach (the API itself stays on loopback).
 */
// Alone: the task endpoint is one address on the machine (169.254.170.2:80), and one emulator at a time serves it.
@Isolated
class TaskEndpointUrlContainersIT {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension(config -> config.withScheduler(
      SchedulerOptions.defaults().withTaskMetadata(true, true)));
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  @Test
  void aTaskCallsTheApiThroughAwsEndpointUrlUnlessItSetsItsOwn() throws Exception {
    ecs.createCluster(b -> b.clusterName("default"));
    ContainerDefinition own = web("own", 64).toBuilder()
        .environment(KeyValuePair.builder().name("AWS_ENDPOINT_URL").value("http://example.invalid").build()).build();
    String td = ecs.registerTaskDefinition(b -> b.family("meta-url").containerDefinitions(web("app", 64), own))
        .taskDefinition().taskDefinitionArn();
    Task task = awaitStatus(ecs, ecs.runTask(b -> b.taskDefinition(td)).tasks().get(0).taskArn(), "RUNNING");
    TaskEndpointProbe.requireLocalEndpoint(emulator);
    String appId = container(task, "app").runtimeId();

    String url = exec(appId, "echo \"$AWS_ENDPOINT_URL\"").trim();
    String listed = exec(appId, "wget -q -O- --header 'X-Amz-Target: AmazonEC2ContainerServiceV20141113.ListTasks'"
        + " --header 'Content-Type: application/x-amz-json-1.1' --post-data '{}' \"$AWS_ENDPOINT_URL/\"");

    assertThat(url).isEqualTo("http://169.254.170.2:" + emulator.emulator().port());
    assertThat(listed).contains(task.taskArn());
    assertThat(exec(container(task, "own").runtimeId(), "echo \"$AWS_ENDPOINT_URL\"").trim())
        .as("the task's own value wins").isEqualTo("http://example.invalid");
    String fromBrowser = exec(appId, "wget -q -O- --header 'Origin: http://evil.example' --header"
        + " 'X-Amz-Target: AmazonEC2ContainerServiceV20141113.ListTasks' --post-data '{}' \"$AWS_ENDPOINT_URL/\" 2>&1");
    assertThat(fromBrowser).contains("403");
  }
}
