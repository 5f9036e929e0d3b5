package dev.ecsemulator.api.logs;

import dev.ecsemulator.api.protocol.AwsService;
import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.api.protocol.ServiceErrors;
import dev.ecsemulator.api.protocol.ServiceModel;
import dev.ecsemulator.core.error.InvalidAction;
import dev.ecsemulator.core.logs.Logs;
import dev.ecsemulator.core.logs.error.InvalidParameterException;
import dev.ecsemulator.core.logs.error.ServiceUnavailableException;

/** Amazon CloudWatch Logs on the endpoint (target prefix {@code Logs_20140328}): its model, operations and errors. */
public final class LogsService {

  /** The model resource. */
  public static final String MODEL = "/aws/logs-2014-03-28.service.json.gz";

  /**
   * Validation failures are InvalidParameterException with the members named as sent (CloudWatch Logs' members are
   * lower camel already): "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: ...",
   * as AWS answers (recorded in LocalStack's snapshot tests). An operation of the model the emulator does not implement
   * is the common InvalidAction: the model's InvalidOperationException means an operation not valid on a resource.
   * A bug is the model's fault ServiceUnavailableException.
   */
  static final ServiceErrors ERRORS = new ServiceErrors(
      InvalidParameterException::new,
      ServiceErrors.MemberNames.AS_SENT,
      operation -> new InvalidAction("ecs-emulator does not implement the CloudWatch Logs operation " + operation
          + " yet. See the README for the supported operations."),
      ServiceUnavailableException::new);

  private LogsService() {}

  /**
   * The service with its operations over {@code logs}. Log messages may hold anything an application prints, so a bug's
   * log line withholds exception messages, as for services that carry secrets.
   */
  public static AwsService create(ServiceModel model, Logs logs) {
    OperationTable operations = OperationTable.filledOnFirstUse(table -> LogsOperations.register(table, logs));
    return new AwsService(model, operations, ERRORS, true);
  }
}
