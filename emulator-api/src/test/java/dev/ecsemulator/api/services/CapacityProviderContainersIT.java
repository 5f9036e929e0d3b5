package dev.ecsemulator.api.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.support.EmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Auto Scaling group capacity providers on the local Docker engine: a service's and RunTask's tasks split among the
 * strategy's providers by base and weight, each placed on the local container instance and naming its provider in
 * {@code capacityProviderName}; a service that scales keeps the split.
 */
class CapacityProviderContainersIT {

  static final Duration LONG = Duration.ofSeconds(90);

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void clusterWithTwoAutoScalingGroups() {
    for (String name : List.of("asg-a", "asg-b")) {
      ecs.createCapacityProvider(b -> b.name(name).autoScalingGroupProvider(a -> a.autoScalingGroupArn(
          "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:00000000-0000-0000-0000-000000000000:"
              + "autoScalingGroupName/" + name)));
    }
    ecs.createCluster(b -> b.clusterName("default").capacityProviders("asg-a", "asg-b"));
    ecs.registerTaskDefinition(b -> b.family("web")
        .containerDefinitions(c -> c.name("web").image("ecs-emulator/sample-web:1").memory(16)));
  }

  static CapacityProviderStrategyItem item(String provider, int base, int weight) {
    return CapacityProviderStrategyItem.builder().capacityProvider(provider).base(base).weight(weight).build();
  }

  static Map<String, Integer> byProvider(List<Task> tasks) {
    Map<String, Integer> counts = new TreeMap<>();
    tasks.forEach(t -> counts.merge(t.capacityProviderName(), 1, Integer::sum));
    return counts;
  }

  static List<Task> serviceTasks() {
    List<String> arns = ecs.listTasks(b -> b.serviceName("web")).taskArns();
    return arns.isEmpty() ? List.of() : ecs.describeTasks(b -> b.tasks(arns)).tasks();
  }

  static void awaitServiceTasks(Map<String, Integer> expected) {
    int total = expected.values().stream().mapToInt(Integer::intValue).sum();
    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() -> serviceTasks().size() == total);
    assertThat(byProvider(serviceTasks())).isEqualTo(expected);
  }

  @Test
  void aServicesTasksAreSplitByBaseThenWeightAndKeepTheSplitWhenItScales() {
    ecs.createService(b -> b.serviceName("web").taskDefinition("web").desiredCount(5)
        .capacityProviderStrategy(item("asg-a", 1, 1), item("asg-b", 0, 1)));

    // The base task on asg-a, then the other four 1:1.
    awaitServiceTasks(Map.of("asg-a", 3, "asg-b", 2));
    String instance = ecs.listContainerInstances(b -> b.cluster("default")).containerInstanceArns().get(0);
    assertThat(serviceTasks()).allSatisfy(t -> {
      assertThat(t.launchTypeAsString()).isEqualTo("EC2");
      assertThat(t.containerInstanceArn()).isEqualTo(instance);
    });

    ecs.updateService(b -> b.service("web").desiredCount(7));

    awaitServiceTasks(Map.of("asg-a", 4, "asg-b", 3));
  }

  @Test
  void runTaskSplitsItsTasksOnTheLocalInstance() {
    RunTaskResponse response = ecs.runTask(b -> b.taskDefinition("web").count(3)
        .capacityProviderStrategy(item("asg-a", 0, 1), item("asg-b", 0, 2)));

    assertThat(response.failures()).isEmpty();
    assertThat(byProvider(response.tasks())).isEqualTo(Map.of("asg-a", 1, "asg-b", 2));
    assertThat(response.tasks()).allSatisfy(t -> assertThat(t.containerInstanceArn()).isNotNull());
  }
}
