package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.error.ClientException;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.StateView;
import java.util.Comparator;

/** TEMPORARY stand-in until the task-definitions branch lands: only the launch resolver. */
public final class TaskDefinitions {

  private TaskDefinitions() {}

  public static TaskDefinition resolveForLaunch(StateView view, Scope scope, String ref) {
    String r = ref.startsWith("arn:") ? ref.substring(ref.indexOf("task-definition/") + 16) : ref;
    TaskDefinition found;
    if (r.contains(":")) {
      String family = r.substring(0, r.indexOf(':'));
      long revision = Long.parseLong(r.substring(r.indexOf(':') + 1));
      found = view.get(EcsKinds.TASK_DEFINITION, EcsKinds.taskDefinitionKey(family, revision)).orElse(null);
    } else {
      found = view.list(EcsKinds.TASK_DEFINITION, td -> td.family().equals(r) && "ACTIVE".equals(td.status())).stream()
          .max(Comparator.comparing(TaskDefinition::revision)).orElse(null);
    }
    if (found == null) {
      throw new ClientException("Unable to describe task definition.");
    }
    if (!"ACTIVE".equals(found.status())) {
      throw new ClientException("TaskDefinition is inactive");
    }
    return found;
  }
}
