package dev.ecsemulator.core.service;

import dev.ecsemulator.core.model.Deployment;
import java.time.Instant;
import java.util.List;

/**
 * How CreateService and UpdateService start a deployment: the scheduler's rules, behind a port so that the
 * core does not depend on the scheduler module (the composition root wires the scheduler's
 * implementation). Implementations are pure apart from choosing new deployment IDs, and thread-safe.
 */
public interface DeploymentStarter {

  /**
   * The deployments of a new service: one PRIMARY, IN_PROGRESS, with no tasks yet.
   *
   * @param spec what the deployment runs (taskDefinition, launchType or capacityProviderStrategy,
   *     platformVersion, platformFamily, networkConfiguration)
   */
  List<Deployment> initial(Deployment spec, Instant now);

  /**
   * The deployments after an UpdateService that starts a deployment: a new PRIMARY first, then the
   * current ones, all ACTIVE.
   */
  List<Deployment> withNewPrimary(List<Deployment> current, Deployment spec, Instant now);
}
