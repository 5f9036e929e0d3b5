package dev.ecsemulator.scheduler.service.runner;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.service.DeploymentStarter;
import dev.ecsemulator.core.service.Deployments;
import java.time.Instant;
import java.util.List;

/** The scheduler's deployment rules ({@link Deployments}) behind the API's {@link DeploymentStarter} port. Thread-safe. */
public final class ReconcilerDeploymentStarter implements DeploymentStarter {

  private final Ids ids;

  public ReconcilerDeploymentStarter(Ids ids) {
    this.ids = ids;
  }

  @Override
  public List<Deployment> initial(Deployment spec, Instant now) {
    return Deployments.initial(spec, ids, now);
  }

  @Override
  public List<Deployment> withNewPrimary(List<Deployment> current, Deployment spec, Instant now) {
    return Deployments.withNewPrimary(current, spec, ids, now);
  }
}
