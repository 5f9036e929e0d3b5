package dev.ecsemulator.api.ssm;

import dev.ecsemulator.api.protocol.AwsService;
import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.api.protocol.ServiceErrors;
import dev.ecsemulator.api.protocol.ServiceModel;
import dev.ecsemulator.core.ssm.ParameterCommands;
import dev.ecsemulator.core.ssm.ParameterQueries;
import dev.ecsemulator.core.ssm.error.InternalServerError;
import dev.ecsemulator.core.ssm.error.ValidationException;
import dev.ecsemulator.core.state.StateStore;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * AWS Systems Manager on the endpoint (target prefix {@code AmazonSSM}): its Parameter Store operations, the rest of
 * its model answered as not implemented.
 */
public final class SsmService {

  /** The model resource. */
  public static final String MODEL = "/aws/ssm-2014-11-06.service.json.gz";

  /**
   * Validation failures are ValidationException with lower-camel member names (AWS users report "Value '[...]' at
   * 'names' failed to satisfy constraint" from GetParameters); an operation the emulator does not implement is the
   * model's UnsupportedOperationException, a 400 the SDKs do not retry.
   */
  public static final ServiceErrors ERRORS = new ServiceErrors(
      ValidationException::new,
      ServiceErrors.MemberNames.LOWER_CAMEL,
      operation -> new dev.ecsemulator.core.ssm.error.UnsupportedOperationException(
          "ecs-emulator does not implement the SSM operation " + operation
              + " yet: it implements Parameter Store. See the README for the supported operations."),
      InternalServerError::new);

  private SsmService() {}

  /** The service with its operations, over {@code store}. */
  public static AwsService create(ServiceModel model, StateStore store, Clock clock) {
    OperationTable operations = OperationTable.filledOnFirstUse(table -> SsmOperations.register(table,
        new ParameterCommands(store, clock, new SecureRandom()), new ParameterQueries(store)));
    return new AwsService(model, operations, ERRORS, true);
  }
}
