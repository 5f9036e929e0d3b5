package dev.ecsemulator.api.metadata;

import java.net.BindException;

/** Why a server could not listen, told apart by the operating system's message. */
enum BindFailure {
  /** A port below 1024 without the right to bind it. */
  PERMISSION,
  /** Another process listens there already. */
  IN_USE,
  /** The address is not on this machine (the Docker engine, and its bridge, run elsewhere). */
  NOT_LOCAL,
  OTHER;

  static BindFailure of(Throwable failure) {
    String message = root(failure);
    if (message.contains("Permission denied") || message.contains("Access denied")) {
      return PERMISSION;
    }
    if (message.contains("already in use")) {
      return IN_USE;
    }
    if (message.contains("Cannot assign requested address") || message.contains("not available")) {
      return NOT_LOCAL;
    }
    return OTHER;
  }

  /**
   * The operating system's words: the message of the innermost {@link BindException} (Javalin wraps every
   * bind failure in one that says "Port already in use"), else of the innermost cause.
   */
  static String root(Throwable failure) {
    String bind = null;
    String last = null;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      last = String.valueOf(t.getMessage());
      if (t instanceof BindException) {
        bind = last;
      }
    }
    return bind != null ? bind : String.valueOf(last);
  }
}
