package dev.ecsemulator.api.protocol;

import java.util.Objects;

/**
 * One AWS API served on the emulator's endpoint: its botocore model (names, operations, shapes), its dispatch table,
 * and how it words protocol errors. Protocol-neutral: the {@link WireProtocol} its model names routes requests to it.
 * Immutable once built; thread-safe.
 *
 * @param carriesSecrets its requests and answers carry secret values (Secrets Manager, SSM Parameter Store): the log
 *     line of a bug in it names the exception classes and stack frames but withholds their messages, which may quote
 *     a value
 */
public record AwsService(ServiceModel model, OperationTable operations, ServiceErrors errors, boolean carriesSecrets) {

  public AwsService {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(operations, "operations");
    Objects.requireNonNull(errors, "errors");
    operations.check(names -> {
      for (String operation : names) {
        if (!model.hasOperation(operation)) {
          throw new IllegalArgumentException(operation + " is not an operation of " + model.signingName());
        }
      }
    });
  }

  /** The service's name: its SigV4 signing name ({@code ecs}, {@code secretsmanager}). */
  public String name() {
    return model.signingName();
  }

  /** How many of the model's operations the table implements. */
  public int implemented() {
    return operations.operations().size();
  }

  public int inModel() {
    return model.operationNames().size();
  }
}
