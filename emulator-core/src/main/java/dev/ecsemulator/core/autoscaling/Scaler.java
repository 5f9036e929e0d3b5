package dev.ecsemulator.core.autoscaling;

import static dev.ecsemulator.core.autoscaling.AutoScalingKinds.ACTIVITY;
import static dev.ecsemulator.core.autoscaling.AutoScalingKinds.TARGET;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.autoscaling.model.ScalableTarget;
import dev.ecsemulator.core.autoscaling.model.ScalingActivity;
import dev.ecsemulator.core.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a scaling decision: sets the desired count through the {@link ScalableTargetActuator} and records the
 * scaling activity as AWS words it ("Setting desired count to 4.", "Successfully set desired count to 4. Change
 * successfully fulfilled by ecs."; the failure wording is unverified), and the time of the scale-out or scale-in for
 * cooldowns. Thread-safe.
 */
final class Scaler {

  private static final Logger log = LoggerFactory.getLogger(Scaler.class);

  private final StateStore store;
  private final Clock clock;
  private final ScalableTargetActuator actuator;

  Scaler(StateStore store, Clock clock, ScalableTargetActuator actuator) {
    this.store = store;
    this.clock = clock;
    this.actuator = actuator;
  }

  ScalableTargetActuator actuator() {
    return actuator;
  }

  /** Sets {@code target}'s desired count from {@code current} to {@code desired}, for {@code cause}. */
  void scale(Scope scope, ScalableTarget target, int current, int desired, String cause) {
    Instant start = clock.instant();
    String error = null;
    try {
      actuator.setDesiredCount(scope, target.resourceId(), desired);
    } catch (RuntimeException e) {
      error = e.getMessage();
      log.info("Scaling {} to {} failed: {}", target.resourceId(), desired, error);
    }
    Instant end = clock.instant();
    String key = Targets.key(target.serviceNamespace(), target.scalableDimension(), target.resourceId());
    ScalingActivity activity = ScalingActivity.builder()
        .activityId(UUID.randomUUID().toString())
        .serviceNamespace(target.serviceNamespace()).scalableDimension(target.scalableDimension())
        .resourceId(target.resourceId())
        .description("Setting desired count to " + desired + ".")
        .cause(cause)
        .startTime(start).endTime(end)
        .statusCode(error == null ? "Successful" : "Failed")
        .statusMessage(error == null
            ? "Successfully set desired count to " + desired + ". Change successfully fulfilled by ecs."
            : "Failed to set desired count to " + desired + ". Reason: " + error)
        .build();
    boolean out = desired > current;
    String failure = error;
    store.write(scope, txn -> {
      txn.put(ACTIVITY, ScalingActivities.key(key, activity), activity);
      if (failure == null) {
        txn.get(TARGET, key).ifPresent(t -> txn.put(TARGET, key, t.withScaled(out, start)));
      }
      ScalingActivities.trim(txn, key);
      return null;
    });
  }
}
