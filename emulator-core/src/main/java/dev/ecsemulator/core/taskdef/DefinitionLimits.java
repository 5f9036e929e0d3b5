package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.error.ClientException;
import dev.ecsemulator.core.json.EcsJson;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.RegisterTaskDefinitionRequest;
import java.nio.charset.StandardCharsets;

/**
 * The documented size limits of a task definition, checked on the request before its rules
 * ({@link RegistrationValidator}), each a {@link ClientException} with the message in {@link Messages}. Pure.
 */
final class DefinitionLimits {

  /**
   * Guide service-quotas ("Task definition size", 64 KiB) and AWS's answer beyond it. Measured as the request's
   * compact JSON in UTF-8 without its tags (which are not part of the task definition): how AWS counts is not
   * documented (unverified).
   */
  static final int MAX_BYTES = 65536;

  /** Guide service-quotas: "Containers per task definition", 10, not adjustable. */
  static final int MAX_CONTAINERS = 10;

  /** Model ContainerDefinition.environmentFiles: "You can specify up to ten environment files." */
  static final int MAX_ENVIRONMENT_FILES = 10;

  /** Model RegisterTaskDefinitionRequest.placementConstraints: "a maximum of 10 constraints for each task". */
  static final int MAX_PLACEMENT_CONSTRAINTS = 10;

  private DefinitionLimits() {}

  static void check(RegisterTaskDefinitionRequest request) {
    int bytes = EcsJson.compact(request.toBuilder().tags(null).build()).getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new ClientException(Messages.definitionTooLarge(bytes, MAX_BYTES));
    }
    if (request.containerDefinitions() != null && request.containerDefinitions().size() > MAX_CONTAINERS) {
      throw new ClientException(Messages.TOO_MANY_CONTAINERS);
    }
    if (request.placementConstraints() != null && request.placementConstraints().size() > MAX_PLACEMENT_CONSTRAINTS) {
      throw new ClientException(Messages.tooManyPlacementConstraints(MAX_PLACEMENT_CONSTRAINTS));
    }
    if (request.containerDefinitions() != null) {
      for (ContainerDefinition c : request.containerDefinitions()) {
        if (c != null && c.environmentFiles() != null && c.environmentFiles().size() > MAX_ENVIRONMENT_FILES) {
          throw new ClientException(Messages.invalidContainerSetting("environmentFiles", c.name()));
        }
      }
    }
  }
}
