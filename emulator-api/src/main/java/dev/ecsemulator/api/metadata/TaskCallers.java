package dev.ecsemulator.api.metadata;

import dev.ecsemulator.scheduler.metadata.Cidr;
import dev.ecsemulator.scheduler.metadata.EndpointNetwork;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Who may call the servers on 169.254.170.2: this machine and its containers. The address lives on a local
 * bridge interface, but Linux answers for a local address on any interface, so a neighbour on the LAN that
 * routed 169.254.170.2 to this machine would reach them too. Allowed: loopback, the endpoint subnet (a
 * host-mode container, and the host itself, call from 169.254.170.2), and the subnets of the engine's
 * networks, where bridge containers and awsvpc sandboxes live. The engine's subnets are read again when an
 * unknown caller shows up, at most every {@link #REFRESH}. Thread-safe.
 */
public final class TaskCallers {

  static final Duration REFRESH = Duration.ofSeconds(5);

  private final Supplier<List<String>> engineSubnets;
  private final Clock clock;
  private volatile List<String> subnets = List.of();
  private volatile Instant readAt;

  /**
   * @param engineSubnets the engine's network subnets ({@code a.b.c.d/prefix}); may throw when the engine does
   *     not answer
   */
  public TaskCallers(Supplier<List<String>> engineSubnets, Clock clock) {
    this.engineSubnets = engineSubnets;
    this.clock = clock;
  }

  /** Whether a caller from {@code address} may be answered. */
  public boolean allowed(String address) {
    if (address == null) {
      return false;
    }
    try {
      if (InetAddress.getByName(address).isLoopbackAddress()) {
        return true;
      }
    } catch (UnknownHostException notAnAddress) {
      return false;
    }
    if (Cidr.contains(EndpointNetwork.SUBNET, address) || inAny(subnets, address)) {
      return true;
    }
    refresh();
    return inAny(subnets, address);
  }

  private synchronized void refresh() {
    Instant now = clock.instant();
    if (readAt != null && now.isBefore(readAt.plus(REFRESH))) {
      return;
    }
    readAt = now;
    try {
      subnets = List.copyOf(engineSubnets.get());
    } catch (RuntimeException engineDown) {
      // keep what was known
    }
  }

  private static boolean inAny(List<String> cidrs, String address) {
    return cidrs.stream().anyMatch(cidr -> Cidr.contains(cidr, address));
  }
}
