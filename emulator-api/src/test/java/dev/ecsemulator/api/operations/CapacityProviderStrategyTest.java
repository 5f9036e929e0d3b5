package dev.ecsemulator.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * RunTask with a capacity provider strategy, through the AWS SDK v2: the tasks are split among its providers by base
 * and weight, each showing where it went in {@code capacityProviderName}. Fargate providers only, without a Docker
 * engine: RunTask's answer is what is checked (the tasks then fail to start). Services and Auto Scaling group
 * providers on the local engine: {@code CapacityProviderContainersIT}.
 */
class CapacityProviderStrategyTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.withoutDocker();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void fargateCluster() {
    ecs.createCluster(b -> b.clusterName("default").capacityProviders("FARGATE", "FARGATE_SPOT"));
    ecs.registerTaskDefinition(b -> b.family("job").networkMode(NetworkMode.AWSVPC)
        .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
        .containerDefinitions(c -> c.name("app").image("ecs-emulator/sample-web:1")));
  }

  static CapacityProviderStrategyItem item(String provider, int base, int weight) {
    return CapacityProviderStrategyItem.builder().capacityProvider(provider).base(base).weight(weight).build();
  }

  static RunTaskResponse run(int count, List<CapacityProviderStrategyItem> strategy) {
    return ecs.runTask(b -> b.taskDefinition("job").count(count).capacityProviderStrategy(strategy)
        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1"))));
  }

  static Map<String, Integer> byProvider(List<Task> tasks) {
    Map<String, Integer> counts = new TreeMap<>();
    tasks.forEach(t -> counts.merge(t.capacityProviderName(), 1, Integer::sum));
    return counts;
  }

  @Test
  void runTaskSplitsItsTasksByBaseThenWeight() {
    RunTaskResponse response = run(5, List.of(item("FARGATE", 1, 1), item("FARGATE_SPOT", 0, 3)));

    assertThat(response.failures()).isEmpty();
    // The base task on FARGATE, then the other four 1:3.
    assertThat(byProvider(response.tasks())).isEqualTo(Map.of("FARGATE", 2, "FARGATE_SPOT", 3));
    assertThat(response.tasks()).allSatisfy(t -> assertThat(t.launchTypeAsString()).isEqualTo("FARGATE"));
    List<String> arns = response.tasks().stream().map(Task::taskArn).toList();
    assertThat(byProvider(ecs.describeTasks(b -> b.tasks(arns)).tasks()))
        .isEqualTo(Map.of("FARGATE", 2, "FARGATE_SPOT", 3));
  }

  @Test
  void theClustersDefaultStrategySplitsTasksStartedWithoutOne() {
    ecs.putClusterCapacityProviders(b -> b.cluster("default").capacityProviders("FARGATE", "FARGATE_SPOT")
        .defaultCapacityProviderStrategy(item("FARGATE", 0, 1), item("FARGATE_SPOT", 0, 1)));

    RunTaskResponse response = ecs.runTask(b -> b.taskDefinition("job").count(4)
        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1"))));

    assertThat(byProvider(response.tasks())).isEqualTo(Map.of("FARGATE", 2, "FARGATE_SPOT", 2));
  }

  @Test
  void aBaseLargerThanTheCountTakesEveryTask() {
    RunTaskResponse response = run(3, List.of(item("FARGATE_SPOT", 0, 1), item("FARGATE", 5, 0)));

    assertThat(byProvider(response.tasks())).isEqualTo(Map.of("FARGATE", 3));
  }
}
