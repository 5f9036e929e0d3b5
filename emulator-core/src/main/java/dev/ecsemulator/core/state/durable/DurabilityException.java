package dev.ecsemulator.core.state.durable;

/**
 * A commit could not be made durable (the journal could not be written or synced). The write that threw
 * is not applied; whether its record reached the disk is unknown, so a restart may or may not show it. After
 * the first failure the store refuses every further write, because a journal with a half-written record
 * in its middle could not be read back; reads keep working. Restart the emulator to recover.
 */
public final class DurabilityException extends RuntimeException {

  public DurabilityException(String message, Throwable cause) {
    super(message, cause);
  }
}
