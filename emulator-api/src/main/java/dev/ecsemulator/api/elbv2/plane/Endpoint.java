package dev.ecsemulator.api.elbv2.plane;

import java.time.Instant;

/**
 * A registered target as the proxy reaches it: its store key, the host and port requests go to, and since when it is
 * healthy (for slow start; null when it is not).
 */
record Endpoint(String key, String host, int port, Instant healthySince) {

  /**
   * The address of a target: an {@code ip} target's ID is its address; an {@code instance} target is the machine the
   * emulator runs on (the one container instance: tasks in bridge or host mode publish their ports on it), reached at
   * 127.0.0.1.
   */
  static String hostOf(String targetType, String id) {
    return "instance".equals(targetType) ? "127.0.0.1" : id;
  }
}
