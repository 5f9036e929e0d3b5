package dev.ecsemulator.core.service;

import dev.ecsemulator.core.ApiEnum;
import dev.ecsemulator.core.model.DeploymentController;
import dev.ecsemulator.core.model.Service;

/** A service's {@code deploymentController.type} (Model: DeploymentControllerType). */
public enum DeploymentControllerType implements ApiEnum {
  /** The rolling update the service scheduler runs (the default). */
  ECS,
  /** Blue/green through CodeDeploy: not emulated. */
  CODE_DEPLOY,
  /** A third-party controller drives the service through task sets. */
  EXTERNAL;

  /** The type a request names: ECS when it names none. */
  public static String of(DeploymentController controller) {
    return controller == null || controller.type() == null ? ECS.name() : controller.type();
  }

  /** Whether the stored service is driven through task sets (a service stored without a controller is ECS). */
  public static boolean external(Service service) {
    return EXTERNAL.is(of(service.deploymentController()));
  }
}
