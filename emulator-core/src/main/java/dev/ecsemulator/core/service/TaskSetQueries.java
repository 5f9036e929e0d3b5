package dev.ecsemulator.core.service;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.DescribeTaskSetsRequest;
import dev.ecsemulator.core.model.DescribeTaskSetsResponse;
import dev.ecsemulator.core.model.Failure;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.TaskSet;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.tag.ResourceTagging;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** DescribeTaskSets. Thread-safe: every call is one store read. */
public final class TaskSetQueries {

  private final StateStore store;

  public TaskSetQueries(StateStore store) {
    this.store = store;
  }

  /**
   * DescribeTaskSets: the named sets (by ID or ARN), or every set of the service when none is named; an unknown
   * one is a failure with reason MISSING and the reference as given; {@code include: ["TAGS"]} adds tags. A
   * DRAINING set is described until its tasks are gone.
   *
   * @throws InvalidParameterException for a service that is not EXTERNAL
   */
  public DescribeTaskSetsResponse describe(Scope scope, DescribeTaskSetsRequest request) {
    boolean withTags = request.include() != null && request.include().contains("TAGS");
    return store.read(scope, view -> {
      Cluster cluster = Clusters.require(view, scope, request.cluster());
      Service service = TaskSetCommands.requireExternal(view, scope, cluster, request.service());
      List<String> refs = request.taskSets() == null || request.taskSets().isEmpty()
          ? TaskSets.of(service).stream().map(TaskSet::taskSetArn).toList()
          : request.taskSets();
      List<TaskSet> found = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      for (String ref : refs) {
        Optional<TaskSet> set = TaskSets.find(service, ref);
        if (set.isPresent()) {
          found.add(withTags ? set.get().toBuilder().tags(ResourceTagging.get(view, set.get().taskSetArn())).build()
              : set.get());
        } else {
          failures.add(Failure.builder().arn(ref).reason("MISSING").build());
        }
      }
      return DescribeTaskSetsResponse.builder().taskSets(found).failures(failures).build();
    });
  }
}
