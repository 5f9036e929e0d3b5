package dev.ecsemulator.core.ssm.error;

/** AWS error {@code UnsupportedOperationException}: an operation of the SSM model that the emulator does not implement (the model's error for an operation the caller cannot use; not retried by the SDKs). Not {@link java.lang.UnsupportedOperationException}. */
public final class UnsupportedOperationException extends SsmException {
  public UnsupportedOperationException(String message) {
    super(message);
  }
}
