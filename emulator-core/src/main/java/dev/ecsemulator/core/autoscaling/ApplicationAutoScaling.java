package dev.ecsemulator.core.autoscaling;

import dev.ecsemulator.core.cloudwatch.AlarmActions;
import dev.ecsemulator.core.cloudwatch.CloudWatch;
import dev.ecsemulator.core.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Application Auto Scaling for ECS services, over the state store, per account and region. Built in two steps because
 * CloudWatch and Application Auto Scaling need each other: {@link #actions} (what CloudWatch's alarms call) exists
 * before CloudWatch, and {@link #start} completes it with the CloudWatch that holds the target-tracking alarms.
 *
 * <pre>
 * alarm ALARM ──▶ PolicyExecutor ── ScalingMath (pure) ──▶ Scaler ──▶ ScalableTargetActuator (the port) + activity
 * PutScalingPolicy (target tracking) ──▶ ScalingPolicies ──▶ CloudWatch alarms High (3 of 3) and Low (15 of 15)
 * runScheduledActions(now) ──▶ ScheduledActions ──▶ min/max, Scaler
 * </pre>
 */
public final class ApplicationAutoScaling {

  private final ScalableTargets targets;
  private final ScalingPolicies policies;
  private final ScalingActivities activities;
  private final ScheduledActions scheduled;

  private ApplicationAutoScaling(StateStore store, Clock clock, Scaler scaler, CloudWatch cloudWatch,
      int alarmPeriodSeconds) {
    this.policies = new ScalingPolicies(store, clock, cloudWatch, alarmPeriodSeconds);
    this.targets = new ScalableTargets(store, clock, scaler, policies);
    this.activities = new ScalingActivities(store);
    this.scheduled = new ScheduledActions(store, clock, scaler);
  }

  /** The alarm actions of scaling policies, to hand to CloudWatch, and then {@link Wiring#start} the service. */
  public static Wiring wire(StateStore store, Clock clock, ScalableTargetActuator actuator) {
    return new Wiring(store, clock, new Scaler(store, clock, actuator));
  }

  /** The first step: the policy actions exist; the service starts once CloudWatch does. */
  public static final class Wiring {
    private final StateStore store;
    private final Clock clock;
    private final Scaler scaler;
    private final AtomicReference<ScalingPolicies> policies = new AtomicReference<>();
    private final PolicyExecutor actions;

    private Wiring(StateStore store, Clock clock, Scaler scaler) {
      this.store = store;
      this.clock = clock;
      this.scaler = scaler;
      this.actions = new PolicyExecutor(store, scaler, policies::get);
    }

    /** What CloudWatch alarms call for policy ARNs. */
    public AlarmActions actions() {
      return actions;
    }

    /** @param alarmPeriodSeconds the period of target-tracking alarms: 60, or the emulator's metrics period */
    public ApplicationAutoScaling start(CloudWatch cloudWatch, int alarmPeriodSeconds) {
      ApplicationAutoScaling service = new ApplicationAutoScaling(store, clock, scaler, cloudWatch, alarmPeriodSeconds);
      policies.set(service.policies);
      return service;
    }
  }

  public ScalableTargets targets() {
    return targets;
  }

  public ScalingPolicies policies() {
    return policies;
  }

  public ScalingActivities activities() {
    return activities;
  }

  public ScheduledActions scheduledActions() {
    return scheduled;
  }

  /** Runs the scheduled actions due at {@code now}. */
  public int runScheduledActions(Instant now) {
    return scheduled.runDue(now);
  }
}
