package dev.ecsemulator.api.autoscaling;

import dev.ecsemulator.api.protocol.AwsService;
import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.api.protocol.ServiceErrors;
import dev.ecsemulator.api.protocol.ServiceModel;
import dev.ecsemulator.core.autoscaling.ApplicationAutoScaling;
import dev.ecsemulator.core.autoscaling.error.InternalServiceException;
import dev.ecsemulator.core.autoscaling.error.ValidationException;
import dev.ecsemulator.core.error.InvalidAction;

/** Application Auto Scaling on the endpoint (AWS JSON 1.1, target prefix {@code AnyScaleFrontendService}). */
public final class AutoScalingService {

  /** The model resource. */
  public static final String MODEL = "/aws/application-autoscaling-2016-02-06.service.json.gz";

  /**
   * Constraint violations are ValidationException with members in lower camel case ("1 validation error detected:
   * Value 'x' at 'scalableDimension' failed to satisfy constraint: ..."), as Application Auto Scaling words them;
   * an operation not implemented is the common InvalidAction; a bug is InternalServiceException.
   */
  static final ServiceErrors ERRORS = new ServiceErrors(
      ValidationException::new,
      ServiceErrors.MemberNames.LOWER_CAMEL,
      operation -> new InvalidAction("ecs-emulator does not implement the Application Auto Scaling operation "
          + operation + " yet. See the README for the supported operations."),
      InternalServiceException::new);

  private AutoScalingService() {}

  public static AwsService create(ServiceModel model, ApplicationAutoScaling autoScaling) {
    OperationTable operations =
        OperationTable.filledOnFirstUse(table -> AutoScalingOperations.register(table, autoScaling));
    return new AwsService(model, operations, ERRORS, false);
  }
}
