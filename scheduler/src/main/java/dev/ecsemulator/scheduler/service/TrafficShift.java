package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.model.CanaryConfiguration;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.DeploymentConfiguration;
import dev.ecsemulator.core.model.LinearConfiguration;
import dev.ecsemulator.core.service.DeploymentStrategy;
import dev.ecsemulator.core.service.Deployments;
import dev.ecsemulator.core.service.LifecycleStage;
import dev.ecsemulator.core.service.RolloutState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a BLUE_GREEN, LINEAR or CANARY deployment is: its lifecycle stage, since when, and the share of production
 * traffic its (green) target groups get. Immutable; kept in {@link ServiceMemory} and moved on by {@link #decide}.
 *
 * <p>The stages (ECS developer guide, deployment-type-blue-green and blue-green-deployment-how-it-works; the
 * descriptions of ServiceDeployment.lifecycleStage): PRE_SCALE_UP, SCALE_UP until every green task is healthy,
 * POST_SCALE_UP, TEST_TRAFFIC_SHIFT (the test listener rule goes to green), POST_TEST_TRAFFIC_SHIFT,
 * PRODUCTION_TRAFFIC_SHIFT (BLUE_GREEN: all at once; LINEAR: {@code stepPercent} every {@code stepBakeTimeInMinutes};
 * CANARY: {@code canaryPercent}, the rest after {@code canaryBakeTimeInMinutes}), POST_PRODUCTION_TRAFFIC_SHIFT,
 * BAKE_TIME ({@code bakeTimeInMinutes} with both fleets up), CLEAN_UP (blue is stopped, its targets drain). Until
 * CLEAN_UP blue (the deployment serving before: the newest COMPLETED) keeps its tasks. It starts in RECONCILE_SERVICE
 * while tasks of other older deployments (an interrupted green) are still active: they are stopped as in a rolling
 * update, and the shift goes on to PRE_SCALE_UP once they are gone. An instantaneous stage lasts one reconcile (the
 * next comes at once), so that it is seen in DescribeServiceDeployments. <b>Unverified</b>: ECS's timing between
 * stages, and whether it passes the POST_* stages without hooks.
 *
 * @param deploymentId the PRIMARY (green) deployment this shift belongs to
 * @param stage the stage it is in
 * @param since when it entered the stage, or its last traffic step
 * @param percent the share of production traffic (0-100) the green target groups get
 */
public record TrafficShift(String deploymentId, LifecycleStage stage, Instant since, double percent) {

  /** Model defaults: LINEAR 10% every 6 minutes; CANARY 5%, then the rest after 10 minutes. */
  public static final double LINEAR_STEP_PERCENT = 10.0;
  public static final int LINEAR_STEP_BAKE_MINUTES = 6;
  public static final double CANARY_PERCENT = 5.0;
  public static final int CANARY_BAKE_MINUTES = 10;

  public TrafficShift {
    Objects.requireNonNull(deploymentId, "deploymentId");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(since, "since");
  }

  /**
   * The decision of one reconcile.
   *
   * @param shift the shift now, or null when none is under way (ROLLING, a first deployment, a rollback)
   * @param holdOlder the older deployments keep their tasks (until CLEAN_UP)
   * @param productionPercent the share of production traffic the PRIMARY's target groups get (0-100)
   * @param testToPrimary the test listener rule forwards to the PRIMARY's target groups
   * @param wakeAt when the shift moves on by the clock alone (now, for an instantaneous stage)
   */
  public record Decision(
      TrafficShift shift, boolean holdOlder, double productionPercent, boolean testToPrimary,
      Optional<Instant> wakeAt) {

    /** No shift: everything to the PRIMARY, nothing held. */
    static final Decision NONE = new Decision(null, false, 100, true, Optional.empty());

    /** The stage to record on the PRIMARY's service deployment, if any. */
    public Optional<LifecycleStage> stage() {
      return Optional.ofNullable(shift).map(TrafficShift::stage);
    }
  }

  /**
   * What the reconciler sees of the fleets.
   *
   * @param older tasks of older deployments are still active
   * @param others tasks of older deployments other than blue (the one serving before) are still active
   * @param primaryReady the PRIMARY runs its desired count of healthy tasks
   */
  public record Fleets(boolean older, boolean others, boolean primaryReady) {}

  /**
   * Moves the shift of the PRIMARY deployment on by one step.
   *
   * @param config the service's deployment configuration
   * @param previous the shift of the previous reconcile, or null
   * @param primary the PRIMARY deployment
   * @param fleets what is active
   * @param minute how long a minute of the bake times lasts (a minute; shorter in tests)
   */
  public static Decision decide(DeploymentConfiguration config, TrafficShift previous, Deployment primary,
      Fleets fleets, Instant now, Duration minute) {
    DeploymentStrategy strategy = DeploymentStrategy.of(config);
    if (!strategy.shiftsTraffic() || Deployments.rollsBack(primary)) {
      return Decision.NONE;
    }
    boolean ours = previous != null && previous.deploymentId().equals(primary.id());
    if (RolloutState.FAILED.is(primary.rolloutState())) {
      // Failed without a rollback deployment: traffic goes back to the older deployments, which are held.
      TrafficShift failed = ours ? previous : null;
      return new Decision(failed, true, 0, false, Optional.empty());
    }
    if (!ours) {
      if (!fleets.older()) {
        return Decision.NONE; // a first deployment, or one with nothing to shift from
      }
      LifecycleStage first = fleets.others() ? LifecycleStage.RECONCILE_SERVICE : LifecycleStage.PRE_SCALE_UP;
      return at(new TrafficShift(primary.id(), first, now, 0), now, config, minute);
    }
    TrafficShift s = previous;
    TrafficShift next = switch (s.stage()) {
      case RECONCILE_SERVICE -> fleets.others() ? s : s.enter(LifecycleStage.PRE_SCALE_UP, now);
      case PRE_SCALE_UP -> s.enter(LifecycleStage.SCALE_UP, now);
      case SCALE_UP -> fleets.primaryReady() ? s.enter(LifecycleStage.POST_SCALE_UP, now) : s;
      case POST_SCALE_UP -> s.enter(LifecycleStage.TEST_TRAFFIC_SHIFT, now);
      case TEST_TRAFFIC_SHIFT -> s.enter(LifecycleStage.POST_TEST_TRAFFIC_SHIFT, now);
      case POST_TEST_TRAFFIC_SHIFT -> new TrafficShift(s.deploymentId(), LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, now,
          firstStep(strategy, config));
      case PRODUCTION_TRAFFIC_SHIFT -> s.percent() >= 100 ? s.enter(LifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT, now)
          : !now.isBefore(s.since().plus(stepBake(strategy, config, minute)))
              ? new TrafficShift(s.deploymentId(), s.stage(), now, nextStep(strategy, config, s.percent()))
              : s;
      case POST_PRODUCTION_TRAFFIC_SHIFT -> s.enter(LifecycleStage.BAKE_TIME, now);
      case BAKE_TIME -> !now.isBefore(s.since().plus(bake(config, minute))) ? s.enter(LifecycleStage.CLEAN_UP, now) : s;
      case CLEAN_UP -> s;
    };
    return at(next, now, config, minute);
  }

  private TrafficShift enter(LifecycleStage next, Instant now) {
    return new TrafficShift(deploymentId, next, now, percent);
  }

  /** The decision for a shift as it now is: what it holds, routes, and when it moves on. */
  private static Decision at(TrafficShift s, Instant now, DeploymentConfiguration config, Duration minute) {
    boolean testToGreen = s.stage().compareTo(LifecycleStage.TEST_TRAFFIC_SHIFT) >= 0;
    boolean waits = s.stage() == LifecycleStage.RECONCILE_SERVICE || s.stage() == LifecycleStage.SCALE_UP
        || s.stage() == LifecycleStage.CLEAN_UP
        || s.stage() == LifecycleStage.PRODUCTION_TRAFFIC_SHIFT && s.percent() < 100
        || s.stage() == LifecycleStage.BAKE_TIME;
    return new Decision(s, s.stage() != LifecycleStage.CLEAN_UP, s.percent(), testToGreen,
        waits ? s.clockAt(config, minute) : Optional.of(now));
  }

  /** When a waiting shift moves on by the clock: the end of a traffic step or of the bake time. */
  public Optional<Instant> clockAt(DeploymentConfiguration config, Duration minute) {
    DeploymentStrategy strategy = DeploymentStrategy.of(config);
    if (stage == LifecycleStage.PRODUCTION_TRAFFIC_SHIFT && percent < 100) {
      return Optional.of(since.plus(stepBake(strategy, config, minute)));
    }
    if (stage == LifecycleStage.BAKE_TIME) {
      return Optional.of(since.plus(bake(config, minute)));
    }
    return Optional.empty();
  }

  private static double firstStep(DeploymentStrategy strategy, DeploymentConfiguration config) {
    return switch (strategy) {
      case LINEAR -> Math.min(100, linearStep(config));
      case CANARY -> Math.min(100, canary(config).canaryPercent() == null
          ? CANARY_PERCENT : canary(config).canaryPercent());
      default -> 100;
    };
  }

  private static double nextStep(DeploymentStrategy strategy, DeploymentConfiguration config, double percent) {
    // Rounded to the tenth, the model's granularity, so that 10 steps of 10.0 make exactly 100.
    return strategy == DeploymentStrategy.LINEAR
        ? Math.min(100, Math.round((percent + linearStep(config)) * 10) / 10.0)
        : 100;
  }

  private static Duration stepBake(DeploymentStrategy strategy, DeploymentConfiguration config, Duration minute) {
    Integer minutes = switch (strategy) {
      case LINEAR -> linear(config).stepBakeTimeInMinutes() == null
          ? LINEAR_STEP_BAKE_MINUTES : linear(config).stepBakeTimeInMinutes();
      case CANARY -> canary(config).canaryBakeTimeInMinutes() == null
          ? CANARY_BAKE_MINUTES : canary(config).canaryBakeTimeInMinutes();
      default -> 0;
    };
    return minute.multipliedBy(minutes);
  }

  /** bakeTimeInMinutes; 0 when unset (the model says it must be given for BLUE_GREEN: unverified default). */
  private static Duration bake(DeploymentConfiguration config, Duration minute) {
    return minute.multipliedBy(config.bakeTimeInMinutes() == null ? 0 : config.bakeTimeInMinutes());
  }

  private static double linearStep(DeploymentConfiguration config) {
    Double step = linear(config).stepPercent();
    return step == null ? LINEAR_STEP_PERCENT : step;
  }

  private static LinearConfiguration linear(DeploymentConfiguration config) {
    return config.linearConfiguration() == null ? LinearConfiguration.builder().build() : config.linearConfiguration();
  }

  private static CanaryConfiguration canary(DeploymentConfiguration config) {
    return config.canaryConfiguration() == null ? CanaryConfiguration.builder().build() : config.canaryConfiguration();
  }
}
