package dev.ecsemulator.core.state.durable;

import java.nio.file.Path;

/** Another process (or another emulator in this one) already holds the directory's lock. */
public final class DataDirLockedException extends RuntimeException {

  private final Path dir;

  public DataDirLockedException(Path dir, String holder) {
    super(dir + " is in use by another ecs-emulator (" + holder + "); give each emulator its own data directory (--data-dir)");
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }
}
