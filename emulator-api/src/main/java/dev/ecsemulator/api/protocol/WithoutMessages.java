package dev.ecsemulator.api.protocol;

/**
 * A failure as logged for a service that carries secrets: the same exception classes, causes and stack frames, none of
 * the messages. What is code is kept, to find the bug; what may be data (a message quoting a value) is not.
 */
final class WithoutMessages extends RuntimeException {

  /** Causes are followed this deep at most (a cycle would otherwise never end). */
  private static final int MAX_DEPTH = 16;

  private WithoutMessages(Throwable original, Throwable cause) {
    super(original.getClass().getName() + " (message withheld: this service carries secret values)", cause);
    setStackTrace(original.getStackTrace());
  }

  /** A copy of {@code failure} and its causes and suppressed failures without their messages. */
  static Throwable of(Throwable failure) {
    return of(failure, 0);
  }

  private static Throwable of(Throwable failure, int depth) {
    Throwable cause = failure.getCause();
    WithoutMessages copy = new WithoutMessages(failure,
        cause == null || cause == failure || depth >= MAX_DEPTH ? null : of(cause, depth + 1));
    if (depth < MAX_DEPTH) {
      for (Throwable suppressed : failure.getSuppressed()) {
        copy.addSuppressed(of(suppressed, depth + 1));
      }
    }
    return copy;
  }

  /** The class name and the note only, so the log line shows no "WithoutMessages" wrapper. */
  @Override
  public String toString() {
    return getMessage();
  }
}
