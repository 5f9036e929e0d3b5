package dev.ecsemulator.api.operations;

import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;

import dev.ecsemulator.api.support.EmulatorExtension;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;

/**
 * What DescribeTasks and DescribeContainerInstances answer about the list they are given, through the AWS SDK v2: an
 * empty list is AWS's InvalidParameterException, checked before the cluster (so a missing cluster with an empty list
 * is the empty-list error; ECS's own order is unverified). No test here needs Docker.
 */
class DescribeListsTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.withoutDocker();
  static final EcsClient ecs = EMULATOR.client();

  @Test
  void anEmptyListOfContainerInstancesIsRefusedAsAwsRefusesIt() {
    assertEmptyListRefusedBeforeTheCluster("Container instance cannot be empty.",
        (cluster, ids) -> ecs.describeContainerInstances(b -> b.cluster(cluster).containerInstances(ids)));
  }

  @Test
  void anEmptyListOfTasksIsRefusedAsAwsRefusesIt() {
    assertEmptyListRefusedBeforeTheCluster("Tasks cannot be empty.",
        (cluster, ids) -> ecs.describeTasks(b -> b.cluster(cluster).tasks(ids)));
  }

  /** {@code describe} with an empty list fails with {@code message}, whether the cluster exists or not. */
  static void assertEmptyListRefusedBeforeTheCluster(String message, BiConsumer<String, List<String>> describe) {
    ecs.createCluster(b -> b.clusterName("apps"));

    assertAwsError(() -> describe.accept("apps", List.of()), InvalidParameterException.class, message);
    assertAwsError(() -> describe.accept("nope", List.of()), InvalidParameterException.class, message);
    assertAwsError(() -> describe.accept("nope", List.of("0123456789abcdef0123456789abcdef")),
        ClusterNotFoundException.class, "Cluster not found.");
  }

  @Test
  void moreThanAHundredContainerInstancesAreRefused() {
    ecs.createCluster(b -> b.clusterName("apps"));
    List<String> many = IntStream.range(0, 101).mapToObj(i -> "id" + i).toList();

    assertAwsError(() -> ecs.describeContainerInstances(b -> b.cluster("apps").containerInstances(many)),
        InvalidParameterException.class, "containerInstances must name between 1 and 100 container instances.");
  }
}
