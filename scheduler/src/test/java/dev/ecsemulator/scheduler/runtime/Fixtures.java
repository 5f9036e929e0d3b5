package dev.ecsemulator.scheduler.runtime;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.ContainerOverride;
import dev.ecsemulator.core.model.KeyValuePair;
import dev.ecsemulator.core.model.PortMapping;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.TaskOverride;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Task definitions and launch contexts for tests, built with the generated model's builders. */
final class Fixtures {

  static final Scope SCOPE = new Scope("123456789012", "eu-west-1");
  static final String CLUSTER = "demo";
  static final String TASK_ID = "0123456789abcdef0123456789abcdef";
  static final String TASK_ARN = "arn:aws:ecs:eu-west-1:123456789012:task/demo/" + TASK_ID;
  static final Map<String, String> INSTANCE_LABELS =
      Map.of("ecs-emulator.managed", "true", "ecs-emulator.instance", "abcdefabcdef");
  static final String SAMPLE_IMAGE = "ecs-emulator/sample-web:1";

  private Fixtures() {}

  static ContainerDefinition.Builder container(String name) {
    return ContainerDefinition.builder().name(name).image(SAMPLE_IMAGE).essential(true);
  }

  static TaskDefinition task(String networkMode, ContainerDefinition... containers) {
    return TaskDefinition.builder()
        .family("web")
        .revision(3)
        .networkMode(networkMode)
        .containerDefinitions(Arrays.asList(containers))
        .build();
  }

  static LaunchContext ec2() {
    return context("EC2", true);
  }

  static LaunchContext context(String launchType, boolean taskCgroups) {
    return new LaunchContext(SCOPE, CLUSTER, TASK_ARN, TASK_ID, launchType, "127.0.0.1", INSTANCE_LABELS, null,
        taskCgroups, null);
  }

  static LaunchContext withArn(LaunchContext context, String taskArn) {
    return new LaunchContext(context.scope(), context.clusterName(), taskArn, context.taskId(), context.launchType(),
        context.bindAddress(), context.instanceLabels(), context.taskEndpoint(), context.taskCgroups(),
        context.sandbox());
  }

  static LaunchContext withEndpoint(LaunchContext context, TaskEndpoint endpoint) {
    return new LaunchContext(context.scope(), context.clusterName(), context.taskArn(), context.taskId(),
        context.launchType(), context.bindAddress(), context.instanceLabels(), endpoint, context.taskCgroups(),
        context.sandbox());
  }

  static Sandbox sandbox(String memberCgroupParent) {
    return new Sandbox("f".repeat(64), "ecs-web-3-internalecspause-x", "172.17.0.9", memberCgroupParent, List.of());
  }

  static KeyValuePair env(String name, String value) {
    return KeyValuePair.builder().name(name).value(value).build();
  }

  static PortMapping port(Integer containerPort, Integer hostPort, String protocol) {
    return PortMapping.builder().containerPort(containerPort).hostPort(hostPort).protocol(protocol).build();
  }

  static TaskOverride overrides(ContainerOverride... containers) {
    return TaskOverride.builder().containerOverrides(Arrays.asList(containers)).build();
  }
}
