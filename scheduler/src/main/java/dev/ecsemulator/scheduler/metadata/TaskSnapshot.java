package dev.ecsemulator.scheduler.metadata;

import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one metadata answer is made from, read at one moment: the task as the API shows it, its task
 * definition, and Docker's facts about its containers.
 *
 * @param facts Docker's facts by container name, for the containers Docker has; the awsvpc sandbox under
 *     {@code ~internal~ecs~pause}
 * @param taskTags the task's tags ({@code /taskWithTags} only), else null
 * @param containerInstanceTags the tags of the task's container instance ({@code /taskWithTags} only), else
 *     null
 */
public record TaskSnapshot(Task task, TaskDefinition definition, Map<String, ContainerFacts> facts,
    List<Tag> taskTags, List<Tag> containerInstanceTags) {

  public TaskSnapshot {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(definition, "definition");
    facts = facts == null ? Map.of() : Map.copyOf(facts);
  }
}
