package dev.ecsemulator.api.secretsmanager;

import dev.ecsemulator.api.protocol.AwsService;
import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.api.protocol.ServiceErrors;
import dev.ecsemulator.api.protocol.ServiceModel;
import dev.ecsemulator.core.error.InvalidAction;
import dev.ecsemulator.core.secretsmanager.SecretCommands;
import dev.ecsemulator.core.secretsmanager.SecretQueries;
import dev.ecsemulator.core.secretsmanager.error.InternalServiceError;
import dev.ecsemulator.core.secretsmanager.error.ValidationException;
import dev.ecsemulator.core.state.StateStore;
import java.security.SecureRandom;
import java.time.Clock;

/** AWS Secrets Manager on the endpoint (target prefix {@code secretsmanager}): its model, operations and errors. */
public final class SecretsManagerService {

  /** The model resource. */
  public static final String MODEL = "/aws/secretsmanager-2017-10-17.service.json.gz";

  /**
   * Validation failures are ValidationException with lower-camel member names, as Secrets Manager words them; the
   * model has no error for an operation the emulator does not implement, so that is the common InvalidAction (see
   * its Javadoc for why).
   */
  public static final ServiceErrors ERRORS = new ServiceErrors(
      ValidationException::new,
      ServiceErrors.MemberNames.LOWER_CAMEL,
      operation -> new InvalidAction("ecs-emulator does not implement the Secrets Manager operation " + operation
          + " yet. See the README for the supported operations."),
      InternalServiceError::new);

  private SecretsManagerService() {}

  /** The service with its operations, over {@code store}. */
  public static AwsService create(ServiceModel model, StateStore store, Clock clock) {
    OperationTable operations = OperationTable.filledOnFirstUse(table -> SecretsManagerOperations.register(table,
        new SecretCommands(store, clock, new SecureRandom()), new SecretQueries(store, clock)));
    return new AwsService(model, operations, ERRORS, true);
  }
}
