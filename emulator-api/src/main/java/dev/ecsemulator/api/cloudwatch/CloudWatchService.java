package dev.ecsemulator.api.cloudwatch;

import dev.ecsemulator.api.protocol.AwsService;
import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.api.protocol.ServiceErrors;
import dev.ecsemulator.api.protocol.ServiceModel;
import dev.ecsemulator.core.cloudwatch.CloudWatch;
import dev.ecsemulator.core.cloudwatch.error.InternalServiceFault;
import dev.ecsemulator.core.cloudwatch.error.ValidationError;
import dev.ecsemulator.core.error.InvalidAction;

/**
 * Amazon CloudWatch (metrics and alarms) on the endpoint: its model ({@code GraniteServiceVersion20100801}, spoken as
 * Smithy RPC v2 CBOR, AWS JSON 1.0 and AWS query), operations and errors.
 */
public final class CloudWatchService {

  /** The model resource. */
  public static final String MODEL = "/aws/cloudwatch-2010-08-01.service.json.gz";

  /**
   * Constraint violations are CloudWatch's ValidationError, members named in lower camel case ("1 validation error
   * detected: Value 'x' at 'comparisonOperator' failed to satisfy constraint: ..."), as CloudWatch answers them. An
   * operation of the model the emulator does not implement is the common InvalidAction; a bug is the model's
   * InternalServiceFault.
   */
  static final ServiceErrors ERRORS = new ServiceErrors(
      ValidationError::new,
      ServiceErrors.MemberNames.LOWER_CAMEL,
      operation -> new InvalidAction("ecs-emulator does not implement the CloudWatch operation " + operation
          + " yet. See the README for the supported operations."),
      InternalServiceFault::new);

  private CloudWatchService() {}

  public static AwsService create(ServiceModel model, CloudWatch cloudWatch) {
    OperationTable operations =
        OperationTable.filledOnFirstUse(table -> CloudWatchOperations.register(table, cloudWatch));
    return new AwsService(model, operations, ERRORS, false);
  }
}
