package dev.ecsemulator.core.service;

import dev.ecsemulator.core.ApiEnum;

/**
 * A service deployment's {@code lifecycleStage} (Model: ServiceDeploymentLifecycleStage), in the order a blue/green,
 * linear or canary deployment passes them (ECS developer guide, blue-green-deployment-how-it-works; the stage
 * descriptions of ServiceDeployment.lifecycleStage).
 */
public enum LifecycleStage implements ApiEnum {
  /** Only when more than one older revision is still ACTIVE: those other than blue are stopped first. */
  RECONCILE_SERVICE,
  /** The green revision has not started; blue has 100% of production traffic, no test traffic. */
  PRE_SCALE_UP,
  /** Green scales up to 100% and launches its tasks; it serves no traffic. */
  SCALE_UP,
  /** Green has started; blue still has 100% of production traffic. */
  POST_SCALE_UP,
  /** Test traffic moves to green. */
  TEST_TRAFFIC_SHIFT,
  /** Green has 100% of the test traffic. */
  POST_TEST_TRAFFIC_SHIFT,
  /** Production traffic moves to green (at once, linearly, or canary then the rest). */
  PRODUCTION_TRAFFIC_SHIFT,
  /** Green has 100% of production traffic. */
  POST_PRODUCTION_TRAFFIC_SHIFT,
  /** Both revisions run after the shift, for bakeTimeInMinutes. */
  BAKE_TIME,
  /** Blue is drained and stopped. */
  CLEAN_UP
}
