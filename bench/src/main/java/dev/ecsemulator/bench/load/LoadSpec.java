package dev.ecsemulator.bench.load;

import dev.ecsemulator.bench.client.EcsRequest;
import java.time.Duration;

/**
 * What one load run does: {@code connections} closed-loop clients each send {@code request} to
 * {@code host:port} back to back, for {@code warmUp} (not measured) and then {@code duration} (measured).
 */
public record LoadSpec(String host, int port, EcsRequest request, int connections, Duration warmUp,
    Duration duration) {

  public LoadSpec {
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be at least 1, got " + connections);
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("duration must be positive, got " + duration);
    }
  }
}
