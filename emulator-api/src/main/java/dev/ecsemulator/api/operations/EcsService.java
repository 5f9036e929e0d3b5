package dev.ecsemulator.api.operations;

import dev.ecsemulator.api.protocol.AwsService;
import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.api.protocol.ServiceErrors;
import dev.ecsemulator.api.protocol.ServiceModel;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.ServerException;
import dev.ecsemulator.core.error.UnsupportedFeatureException;

/**
 * ECS on the endpoint: how it words protocol errors. Its operations are registered by the composition root, which
 * builds the scheduler they need (see the other classes of this package).
 */
public final class EcsService {

  /** The ECS model resource. */
  public static final String MODEL = ServiceModel.ECS;

  /**
   * Validation failures are InvalidParameterException (ECS's exact code for these is unverified, see
   * docs/differences-from-aws.md); an operation of the model not implemented is ECS's own
   * UnsupportedFeatureException, naming it.
   */
  public static final ServiceErrors ERRORS = new ServiceErrors(
      InvalidParameterException::new,
      ServiceErrors.MemberNames.AS_SENT,
      operation -> new UnsupportedFeatureException("ecs-emulator does not implement the " + operation
          + " operation yet. See the README for the supported operations."),
      ServerException::new);

  private EcsService() {}

  public static AwsService of(ServiceModel model, OperationTable operations) {
    return new AwsService(model, operations, ERRORS, false);
  }
}
