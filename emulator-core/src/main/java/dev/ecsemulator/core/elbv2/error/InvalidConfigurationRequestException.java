package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code InvalidConfigurationRequest} (shape InvalidConfigurationRequestException): a request the resource's configuration does not allow. */
public final class InvalidConfigurationRequestException extends Elbv2Exception {
  public InvalidConfigurationRequestException(String message) {
    super(message);
  }
}
