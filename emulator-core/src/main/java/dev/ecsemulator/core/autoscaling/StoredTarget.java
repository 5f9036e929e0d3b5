package dev.ecsemulator.core.autoscaling;

import dev.ecsemulator.core.autoscaling.model.ScalableTarget;
import java.time.Instant;

/**
 * A registered scalable target (kind {@code autoscaling-target}, key {@link Targets#key}) with the times of its last
 * scale-out and scale-in, from which cooldowns are counted.
 */
public record StoredTarget(ScalableTarget target, Instant lastScaleOut, Instant lastScaleIn) {

  public StoredTarget withScaled(boolean out, Instant when) {
    return out ? new StoredTarget(target, when, lastScaleIn) : new StoredTarget(target, lastScaleOut, when);
  }
}
