package dev.ecsemulator.scheduler.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.ecsemulator.core.EmulatorInstance;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and removes the Docker resources one emulator instance created, selected by its labels only.
 * Idempotent: a resource that is already gone counts as removed.
 */
public final class ManagedResources {

  private static final Logger log = LoggerFactory.getLogger(ManagedResources.class);

  private final DockerEngine engine;
  private final EmulatorInstance instance;

  public ManagedResources(DockerEngine engine, EmulatorInstance instance) {
    this.engine = engine;
    this.instance = instance;
  }

  /** Every container (running or not) labelled with this instance. */
  public List<Container> containers() {
    return engine.client().listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Labels.filterFor(instance))
        .exec();
  }

  /** Every network labelled with this instance. */
  public List<Network> networks() {
    return engine.client().listNetworksCmd()
        .withFilter("label", Labels.filterFor(instance))
        .exec();
  }

  /**
   * Force-removes every container and network of this instance, except the task endpoint's network (see
   * {@link Labels#TASK_ENDPOINT_ROLE}), which its owner removes. Returns how many containers went.
   */
  public int removeAll() {
    DockerClient client = engine.client();
    int removed = 0;
    for (Container container : containers()) {
      if (!ownedByUs(container.getLabels())) {
        continue; // defence in depth: the filter already selected only ours
      }
      try {
        client.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
        removed++;
      } catch (NotFoundException gone) {
        removed++;
      }
    }
    for (Network network : networks()) {
      if (!ownedByUs(network.getLabels())
          || Labels.TASK_ENDPOINT_ROLE.equals(network.getLabels().get(Labels.ROLE))) {
        continue;
      }
      try {
        client.removeNetworkCmd(network.getId()).exec();
      } catch (NotFoundException gone) {
        // already removed
      } catch (RuntimeException e) {
        log.warn("Could not remove network {}: {}", network.getName(), e.getMessage());
      }
    }
    return removed;
  }

  private boolean ownedByUs(java.util.Map<String, String> labels) {
    return labels != null && "true".equals(labels.get(Labels.MANAGED))
        && instance.id().equals(labels.get(Labels.INSTANCE));
  }
}
