package dev.ecsemulator.bench.load;

import dev.ecsemulator.bench.client.EcsRequest;
import java.time.Duration;

/**
 * What one load run does: {@code connections} closed-loop clients each send {@code request} (or {@code GET getPath}
 * when that is set) to
 * {@code host:port} back to back, for {@code warmUp} (not measured) and then {@code duration} (measured).
 */
public record LoadSpec(String host, int port, EcsRequest request, int connections, Duration warmUp,
    Duration duration, String getPath) {

  /** An API request (POST). */
  public LoadSpec(String host, int port, EcsRequest request, int connections, Duration warmUp, Duration duration) {
    this(host, port, request, connections, warmUp, duration, null);
  }

  /** A plain {@code GET path} instead of an API request: for HTTP servers that are not the API (ELBv2 listeners). */
  public static LoadSpec get(String host, int port, String path, int connections, Duration warmUp,
      Duration duration) {
    return new LoadSpec(host, port, new EcsRequest("GET", ""), connections, warmUp, duration, path);
  }

  /** The bytes of one request, keep-alive. */
  public byte[] http() {
    if (getPath == null) {
      return request.toHttp(host, port);
    }
    return ("GET " + getPath + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n")
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  public LoadSpec {
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be at least 1, got " + connections);
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("duration must be positive, got " + duration);
    }
  }
}
