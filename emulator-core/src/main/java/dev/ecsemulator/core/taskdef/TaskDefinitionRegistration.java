package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.model.RegisterTaskDefinitionRequest;
import dev.ecsemulator.core.model.TaskDefinition;

/**
 * Turns a RegisterTaskDefinition request into the task definition to store, minus what only the store knows
 * (ARN, revision, status, registration time and principal): checks its size limits, parses the task size, fills AWS's output defaults,
 * validates as AWS does, and computes {@code compatibilities} and {@code requiresAttributes}. Pure: the same
 * request always gives the same draft or the same error.
 */
public final class TaskDefinitionRegistration {

  private TaskDefinitionRegistration() {}

  /**
   * @throws dev.ecsemulator.core.error.ClientException with AWS's message for the first rule the request breaks
   */
  public static TaskDefinition prepare(RegisterTaskDefinitionRequest request) {
    DefinitionLimits.check(request);
    RegistrationValidator.checkFamily(request.family());
    TaskSize size = TaskSize.parse(request.cpu(), request.memory());
    TaskDefinition draft = TaskDefinitionDefaults.draft(request, size);
    RegistrationValidator.validate(draft);
    return draft.toBuilder()
        .compatibilities(Compatibilities.of(draft))
        .requiresAttributes(RequiredAttributes.of(draft))
        .build();
  }
}
