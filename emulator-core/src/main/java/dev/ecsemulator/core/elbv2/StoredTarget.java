package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.elbv2.model.TargetHealth;
import java.time.Instant;

/**
 * A target registered with a target group, as stored: its address, its health as last decided (by the data plane's
 * health checks; {@code initial} on registration, {@code draining} after deregistration), and, while draining, when
 * the deregistration delay ends.
 *
 * @param availabilityZone as given at registration, or null
 * @param drainUntil when a draining target is removed at the latest; null unless draining
 */
public record StoredTarget(String targetGroupArn, String id, int port, String availabilityZone, TargetHealth health,
    Instant since, Instant drainUntil) {

  /** The store key: group ARN, {@code |}, ID, {@code |}, port. */
  public static String key(String targetGroupArn, String id, int port) {
    return targetGroupArn + "|" + id + "|" + port;
  }

  public String key() {
    return key(targetGroupArn, id, port);
  }

  public String state() {
    return health.state();
  }

  public boolean draining() {
    return TargetStates.DRAINING.equals(health.state());
  }

  public StoredTarget withHealth(TargetHealth next, Instant at) {
    return new StoredTarget(targetGroupArn, id, port, availabilityZone, next, at, drainUntil);
  }

  public StoredTarget draining(Instant at, Instant until) {
    return new StoredTarget(targetGroupArn, id, port, availabilityZone, TargetStates.deregistering(), at, until);
  }
}
