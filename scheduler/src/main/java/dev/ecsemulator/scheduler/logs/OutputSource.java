package dev.ecsemulator.scheduler.logs;

import java.io.IOException;
import java.util.Optional;

/** Containers' output as Docker keeps it (the json-file copy), read as {@code docker logs --timestamps} reads it. */
interface OutputSource {

  /**
   * Whether the container runs now; empty when it is gone, or is not this emulator's.
   *
   * @throws IOException when the engine does not answer
   */
  Optional<Boolean> running(String containerId) throws IOException;

  /**
   * Opens a container's output, stdout and stderr. A container that is gone gives an output that ends at once.
   *
   * @param follow keep reading while the container runs (the output then ends when it stops)
   * @param since Docker's {@code since} (inclusive), or null for the whole output
   * @param tty whether the container has a TTY (its output is raw, not multiplexed)
   * @throws IOException when the engine cannot be reached
   */
  Output open(String containerId, boolean follow, String since, boolean tty) throws IOException;

  /** An output being read; closing it from another thread ends a read that blocks. */
  interface Output extends AutoCloseable {

    /** The next line, blocking; null at the end. */
    DockerLogLine next() throws IOException;

    @Override
    void close();
  }
}
