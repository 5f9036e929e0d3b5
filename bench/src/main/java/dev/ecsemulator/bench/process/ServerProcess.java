package dev.ecsemulator.bench.process;

import dev.ecsemulator.bench.client.RawEcsClient;
import java.net.URI;

/**
 * A server the harness started as its own process and measures: the emulator's jar, or a baseline. Closing it
 * stops the process and removes whatever it created; closing twice is harmless.
 */
public interface ServerProcess extends AutoCloseable {

  /** A short label for reports, e.g. {@code ecs-emulator} or {@code moto 5.2.1}. */
  String name();

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  URI endpoint();

  /** The operating system's process ID of the server itself (not a wrapper script). */
  long pid();

  default String host() {
    return endpoint().getHost();
  }

  default int port() {
    return endpoint().getPort();
  }

  default RawEcsClient client() {
    return new RawEcsClient(endpoint());
  }

  default ProcessStats.Snapshot stats() {
    return ProcessStats.of(pid());
  }

  @Override
  void close();
}
