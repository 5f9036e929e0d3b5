package dev.ecsemulator.core.state.durable;

import java.nio.file.Path;

/**
 * Durable state cannot be read back: a record in the middle of the journal is corrupt, the snapshot is
 * truncated or unreadable, a record names a kind nobody registered, or records are missing. The store
 * refuses to open rather than start with part of the state; the message is one line naming the file.
 */
public final class StateDamagedException extends RuntimeException {

  private final Path file;
  private final Path copy;

  public StateDamagedException(Path file, String reason) {
    this(file, reason, null);
  }

  private StateDamagedException(Path file, String reason, Path copy) {
    super("state file " + file + " is damaged: " + reason
        + (copy == null ? "" : "; a copy of the state is in " + copy));
    this.file = file;
    this.copy = copy;
  }

  /** The same damage, saying where the copy of the damaged files was put. */
  StateDamagedException copiedTo(Path copy) {
    String reason = getMessage().substring(("state file " + file + " is damaged: ").length());
    return new StateDamagedException(file, reason, copy);
  }

  /** The damaged file. */
  public Path file() {
    return file;
  }

  /** Where the damaged state was copied before refusing, or null. */
  public Path copy() {
    return copy;
  }
}
