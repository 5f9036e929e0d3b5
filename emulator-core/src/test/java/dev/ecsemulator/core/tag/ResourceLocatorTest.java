package dev.ecsemulator.core.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.error.ClusterNotFoundException;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.ResourceNotFoundException;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.ContainerInstance;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.tag.ResourceLocator.ResourceType;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceLocatorTest {

  static final Scope SCOPE = new Scope("123456789012", "us-east-1");
  final InMemoryStateStore store = new InMemoryStateStore();

  @BeforeEach
  void seed() {
    store.write(SCOPE, txn -> {
      txn.put(EcsKinds.CLUSTER, "c", Cluster.builder().clusterName("c").clusterArn(Arns.cluster(SCOPE, "c")).status("ACTIVE").build());
      txn.put(EcsKinds.CLUSTER, "gone", Cluster.builder().clusterName("gone").clusterArn(Arns.cluster(SCOPE, "gone")).status("INACTIVE").build());
      txn.put(EcsKinds.TASK_DEFINITION, EcsKinds.taskDefinitionKey("web", 3), TaskDefinition.builder().family("web").revision(3).build());
      txn.put(EcsKinds.TASK, EcsKinds.taskKey("c", "abc"), Task.builder().build());
      txn.put(EcsKinds.SERVICE, EcsKinds.serviceKey("c", "api"), Service.builder().build());
      txn.put(EcsKinds.CONTAINER_INSTANCE, EcsKinds.containerInstanceKey("c", "i1"), ContainerInstance.builder().build());
      return null;
    });
  }

  @Test
  void findsEveryKindOfTaggableResource() {
    assertThat(locate(Arns.cluster(SCOPE, "c")).type()).isEqualTo(ResourceType.CLUSTER);
    assertThat(locate(Arns.taskDefinition(SCOPE, "web", 3)).type()).isEqualTo(ResourceType.TASK_DEFINITION);
    assertThat(locate(Arns.task(SCOPE, "c", "abc")).type()).isEqualTo(ResourceType.TASK);
    assertThat(locate(Arns.service(SCOPE, "c", "api")).type()).isEqualTo(ResourceType.SERVICE);
    assertThat(locate(Arns.containerInstance(SCOPE, "c", "i1")).type()).isEqualTo(ResourceType.CONTAINER_INSTANCE);
    assertThat(locate(Arns.capacityProvider(SCOPE, "FARGATE")).type()).isEqualTo(ResourceType.CAPACITY_PROVIDER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"task-definition/web:4", "task/c/zzz", "service/c/nope", "container-instance/c/i9",
      "capacity-provider/mine"})
  void aMissingResourceIsResourceNotFound(String resource) {
    assertThatThrownBy(() -> locate(Arns.of(SCOPE, resource))).isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("The specified resource wasn't found.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cluster/nope", "cluster/gone", "task/nope/abc", "service/nope/api"})
  void aMissingOrInactiveClusterIsClusterNotFound(String resource) {
    assertThatThrownBy(() -> locate(Arns.of(SCOPE, resource))).isInstanceOf(ClusterNotFoundException.class)
        .hasMessage("Cluster not found.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-arn", "arn:aws:ecr:us-east-1:123456789012:repository/x",
      "arn:aws:ecs:us-east-1:123456789012:task-set/c/s/ts", "arn:aws:ecs:us-east-1:123456789012:task-definition/web",
      "arn:aws:ecs:us-east-1:123456789012:cluster/"})
  void anythingElseIsAnInvalidArn(String arn) {
    assertThatThrownBy(() -> locate(arn)).isInstanceOf(InvalidParameterException.class)
        .hasMessage("The ARN provided is invalid.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"service/api", "task/abc", "container-instance/i1"})
  void shortArnsAreRefusedAsAwsDoes(String resource) {
    assertThatThrownBy(() -> locate(Arns.of(SCOPE, resource))).isInstanceOf(InvalidParameterException.class)
        .hasMessage("Long arn format must be used for tagging operations");
  }

  private ResourceLocator.Located locate(String arn) {
    return store.read(SCOPE, view -> ResourceLocator.require(view, SCOPE, arn));
  }
}
