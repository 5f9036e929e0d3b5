package dev.ecsemulator.scheduler.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.ecsemulator.core.EmulatorInstance;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and removes the Docker resources one emulator instance created (containers, networks, volumes),
 * selected by its labels only.
 * Idempotent: a resource that is already gone, or being removed, counts as removed.
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

  /** Every volume labelled with this instance: the task-scoped ones and the shared ones it provisioned. */
  public List<InspectVolumeResponse> volumes() {
    List<InspectVolumeResponse> volumes = engine.client().listVolumesCmd()
        .withFilter("label", Labels.filterFor(instance))
        .exec().getVolumes();
    return volumes == null ? List.of() : volumes;
  }

  /**
   * Force-removes every container, network and volume of this instance (volumes last: Docker keeps one that a
   * container uses; one that a container of someone else's still uses is left, with a warning), except the task
   * endpoint's network (see {@link Labels#TASK_ENDPOINT_ROLE}), which its owner removes. Returns how many containers
   * went.
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
      } catch (ConflictException e) {
        // Being removed already (by the task engine's clean-up or orphan sweep, at the same time): as good as gone.
        if (!String.valueOf(e.getMessage()).contains("already in progress")) {
          throw e;
        }
        removed++;
      }
    }
    for (Network network : networks()) {
      if (Labels.TASK_ENDPOINT_ROLE.equals(network.getLabels().get(Labels.ROLE))) {
        continue;
      }
      removeOwned("network", network.getName(), network.getLabels(),
          () -> client.removeNetworkCmd(network.getId()).exec());
    }
    for (InspectVolumeResponse volume : volumes()) {
      removeOwned("volume", volume.getName(), volume.getLabels(), () -> client.removeVolumeCmd(volume.getName()).exec());
    }
    return removed;
  }

  /** Removes a network or volume if its labels say it is ours; gone counts as removed, a refusal is logged. */
  private void removeOwned(String kind, String name, java.util.Map<String, String> labels, Runnable remove) {
    if (!ownedByUs(labels)) {
      return; // defence in depth: the filter already selected only ours
    }
    try {
      remove.run();
    } catch (NotFoundException gone) {
      // already removed
    } catch (RuntimeException e) {
      log.warn("Could not remove {} {}: {}", kind, name, e.getMessage());
    }
  }

  private boolean ownedByUs(java.util.Map<String, String> labels) {
    return labels != null && "true".equals(labels.get(Labels.MANAGED))
        && instance.id().equals(labels.get(Labels.INSTANCE));
  }
}
