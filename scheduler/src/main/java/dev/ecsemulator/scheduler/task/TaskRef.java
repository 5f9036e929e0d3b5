package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arn;
import java.util.Optional;

/** Where a task lives in the store: its scope and key, both derivable from its ARN. */
public record TaskRef(Scope scope, String key) {

  /** From {@code arn:aws:ecs:REGION:ACCOUNT:task/CLUSTER/ID}; empty for anything else. */
  public static Optional<TaskRef> fromArn(String taskArn) {
    return Arn.parse(taskArn)
        .filter(arn -> arn.resourceType().equals("task"))
        .flatMap(arn -> {
          String[] path = arn.resourcePath().split("/");
          return path.length == 2
              ? Optional.of(new TaskRef(new Scope(arn.accountId(), arn.region()), EcsKinds.taskKey(path[0], path[1])))
              : Optional.empty();
        });
  }

  /** The executor key: one reconcile at a time per task. */
  public String id() {
    return scope + "/" + key;
  }
}
