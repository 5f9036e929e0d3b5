package dev.ecsemulator.scheduler.secrets;

/**
 * A task's secrets or registry credentials cannot be retrieved: the task must not start. {@link #getMessage} is the
 * task's {@code stoppedReason}, as ECS words it ({@link SecretMessages}); it names where a value was looked for,
 * never a value. An expected outcome, not a bug: no stack trace.
 */
public final class SecretsUnavailable extends Exception {

  SecretsUnavailable(String reason) {
    super(reason, null, false, false);
  }

  /** The stoppedReason: {@code ResourceInitializationError: unable to pull secrets or registry auth: ...}. */
  public String reason() {
    return getMessage();
  }
}
