package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.state.Kind;

/**
 * The last revision ever registered in a family. Revisions are never reused, even after every revision of the
 * family is deregistered or deleted (Model TaskDefinition.revision: "always increases by one ... even if you
 * deregistered previous revisions"; DeleteTaskDefinitions: "The task definition name is retained by Amazon ECS
 * and the revision is incremented the next time"), so the counter lives apart from the revisions themselves.
 */
public record TaskDefinitionFamily(String family, long lastRevision) {

  /** Key: the family name. The kind name is part of the durable format: never rename it. */
  public static final Kind<TaskDefinitionFamily> KIND = Kind.of("task-definition-family", TaskDefinitionFamily.class);
}
