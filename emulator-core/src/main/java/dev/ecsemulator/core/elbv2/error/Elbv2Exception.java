package dev.ecsemulator.core.elbv2.error;

import dev.ecsemulator.core.error.AwsException;

/**
 * An error of the ELBv2 API: one subclass per error shape of its model, named as the shape
 * ({@code TargetGroupNotFoundException}), carrying AWS's message. The query protocol sends each with the code its
 * shape declares ({@code TargetGroupNotFound}); errors no shape declares ({@link ValidationError}) with their name.
 */
public abstract class Elbv2Exception extends AwsException {

  protected Elbv2Exception(String message) {
    super(message);
  }
}
