package dev.ecsemulator.core.task;

import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.DescribeTasksRequest;
import dev.ecsemulator.core.model.DescribeTasksResponse;
import dev.ecsemulator.core.model.Failure;
import dev.ecsemulator.core.model.ListTasksRequest;
import dev.ecsemulator.core.model.ListTasksResponse;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * DescribeTasks and ListTasks. Stopped tasks stay visible until the scheduler purges them (at least an
 * hour, as on AWS: the tasks-stopped waiter depends on it). Thread-safe.
 */
public final class TaskQueries {

  /** DescribeTasks takes at most 100 tasks (Model docs). */
  public static final int MAX_DESCRIBE = 100;

  private final StateStore store;

  public TaskQueries(StateStore store) {
    this.store = store;
  }

  /**
   * DescribeTasks. The list is checked before the cluster is looked up (unverified: see
   * {@link dev.ecsemulator.core.instance.ContainerInstanceQueries#describe}).
   *
   * @throws InvalidParameterException "Tasks cannot be empty." (AWS's: sil-org/ecs-deploy#63, aws/copilot-cli#3551),
   *     or more than {@value #MAX_DESCRIBE} tasks
   * @throws dev.ecsemulator.core.error.ClusterNotFoundException for a missing or INACTIVE cluster
   */
  public DescribeTasksResponse describe(Scope scope, DescribeTasksRequest request) {
    if (request.tasks().isEmpty()) {
      throw new InvalidParameterException("Tasks cannot be empty.");
    }
    if (request.tasks().size() > MAX_DESCRIBE) {
      throw new InvalidParameterException("Tasks cannot have more than " + MAX_DESCRIBE + " elements.");
    }
    boolean withTags = request.include() != null && request.include().contains("TAGS");
    return store.read(scope, view -> {
      Cluster cluster = Clusters.require(view, scope, request.cluster());
      List<Task> tasks = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      for (String ref : request.tasks()) {
        String id = ref.substring(ref.lastIndexOf('/') + 1);
        var found = view.get(TASK, EcsKinds.taskKey(cluster.clusterName(), id));
        if (found.isEmpty()) {
          String arn = ref.startsWith("arn:") ? ref : Arns.task(scope, cluster.clusterName(), ref);
          failures.add(Failure.builder().arn(arn).reason("MISSING").build());
        } else {
          tasks.add(withTags ? withTags(view, found.get()) : found.get());
        }
      }
      return DescribeTasksResponse.builder().tasks(tasks).failures(failures).build();
    });
  }

  public ListTasksResponse list(Scope scope, ListTasksRequest request) {
    String desired = request.desiredStatus() == null ? TaskStatus.RUNNING.name() : request.desiredStatus();
    return store.read(scope, view -> {
      Cluster cluster = Clusters.require(view, scope, request.cluster());
      Predicate<Task> match = t -> desired.equals(t.desiredStatus());
      if (request.serviceName() != null) {
        match = match.and(t -> ("service:" + request.serviceName()).equals(t.group()));
      }
      if (request.startedBy() != null) {
        match = match.and(t -> request.startedBy().equals(t.startedBy()));
      }
      if (request.launchType() != null) {
        match = match.and(t -> request.launchType().equals(t.launchType()));
      }
      if (request.containerInstance() != null) {
        String ci = request.containerInstance();
        String ciId = ci.substring(ci.lastIndexOf('/') + 1);
        match = match.and(t -> t.containerInstanceArn() != null && t.containerInstanceArn().endsWith("/" + ciId));
      }
      // The family's tasks only, when it is given: a cluster may hold many others (the scale benchmark's case).
      List<Task> candidates = request.family() != null
          ? view.listByIndex(EcsKinds.TASKS_BY_FAMILY, EcsKinds.clusterFamily(cluster.clusterName(), request.family()))
          : view.listByKeyPrefix(TASK, EcsKinds.clusterKeyPrefix(cluster.clusterName()));
      List<Task> inCluster = candidates.stream().filter(match).toList();
      Paging.Page<Task> page = Paging.page(inCluster, Task::taskArn, request.maxResults(), request.nextToken(), 100, 100);
      return ListTasksResponse.builder()
          .taskArns(page.items().stream().map(Task::taskArn).toList())
          .nextToken(page.nextToken())
          .build();
    });
  }

  private static Task withTags(StateView view, Task task) {
    return task.toBuilder()
        .tags(dev.ecsemulator.core.tag.ResourceTagging.get(view, task.taskArn()))
        .build();
  }
}
