package dev.ecsemulator.core.ssm;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.ssm.error.InvalidResourceId;
import dev.ecsemulator.core.state.StateView;

/**
 * The resolver of a tagging operation's ResourceType and ResourceId. Only parameters exist in the emulator, named by
 * name or ARN ("For the Document and Parameter values, use the name of the resource"); any other resource type has
 * nothing to tag, so its IDs are answered as AWS answers an ID that names nothing.
 */
final class ParameterResources {

  static final String PARAMETER = "Parameter";

  private ParameterResources() {}

  /** @throws InvalidResourceId unless the type is Parameter and the ID names a parameter (without a selector) */
  static StoredParameter require(StateView view, Scope scope, String resourceType, String resourceId) {
    if (!PARAMETER.equals(resourceType)) {
      throw new InvalidResourceId(SsmMessages.INVALID_RESOURCE_ID);
    }
    return ParameterNames.resolve(scope, resourceId)
        .filter(reference -> !reference.hasSelector())
        .flatMap(reference -> ParameterTable.find(view, reference.name()))
        .orElseThrow(() -> new InvalidResourceId(SsmMessages.INVALID_RESOURCE_ID));
  }
}
