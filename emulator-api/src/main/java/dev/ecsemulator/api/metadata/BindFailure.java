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
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof BindException || message.contains("bind")) {
        if (message.contains("Permission denied") || message.contains("Access denied")) {
          return PERMISSION;
        }
        if (message.contains("already in use")) {
          return IN_USE;
        }
        if (message.contains("Cannot assign requested address") || message.contains("not available")) {
          return NOT_LOCAL;
        }
      }
    }
    return OTHER;
  }
}
