package dev.ecsemulator.scheduler.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Info;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.EngineStatus;
import dev.ecsemulator.scheduler.docker.Labels;
import dev.ecsemulator.scheduler.runtime.ContainerRuntimeException.ErrorName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * {@link ContainerRuntime} on a Docker engine through docker-java. Every container and volume it creates
 * carries this instance's labels, stamped here whatever the spec says; every call naming an existing
 * container first checks those labels (remembered per ID, so a container of ours costs one inspect at
 * most once). Thread-safe.
 */
public final class DockerContainerRuntime implements ContainerRuntime {

  private final DockerEngine engine;
  private final DockerClient client;
  private final EmulatorInstance instance;
  private final Map<String, String> ownLabels;
  private final DockerImages images;
  private final PauseImage pauseImage;
  private final Set<String> owned = ConcurrentHashMap.newKeySet();
  private final List<EventSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private volatile HostInfo host;

  public DockerContainerRuntime(DockerEngine engine, EmulatorInstance instance) {
    this(engine, instance, PauseImage.DEFAULT_REPOSITORY);
  }

  /** With another repository for the sandbox image (tests use their own, to remove it afterwards). */
  public DockerContainerRuntime(DockerEngine engine, EmulatorInstance instance, String pauseRepository) {
    this.engine = engine;
    this.client = engine.client();
    this.instance = instance;
    this.ownLabels = Labels.ownedBy(instance);
    this.images = new DockerImages(client, engine.host());
    this.pauseImage = new PauseImage(client, pauseRepository);
  }

  @Override
  public EngineStatus status() {
    return engine.probe();
  }

  @Override
  public HostInfo host() {
    HostInfo known = host;
    if (known == null) {
      try {
        Info info = client.infoCmd().exec();
        known = new HostInfo(info.getArchitecture(), info.getNCPU() == null ? 1 : info.getNCPU(),
            info.getMemTotal() == null ? 0 : info.getMemTotal(), info.getCGroupVersion(), info.getCGroupDriver());
        host = known;
      } catch (RuntimeException e) {
        throw DockerErrors.wrap(ErrorName.DOCKER_TIMEOUT, e, engine.host());
      }
    }
    return known;
  }

  /** The tag of the sandbox image for this engine's architecture (built on first use). */
  public String pauseImageTag() {
    return pauseImage.tag(host().pauseArch());
  }

  @Override
  public LocalImage ensureImage(String image, PullPolicy policy, RegistryAuth auth) {
    return images.ensure(image, policy, auth);
  }

  @Override
  public void ensureVolume(VolumeSpec volume) {
    try {
      client.inspectVolumeCmd(volume.dockerName()).exec();
      return; // present: a shared volume someone made, or ours from an earlier attempt
    } catch (NotFoundException missing) {
      // create it below
    } catch (RuntimeException e) {
      throw DockerErrors.wrap(ErrorName.CANNOT_CREATE_VOLUME, e, engine.host());
    }
    if (volume.scope() == VolumeSpec.Scope.SHARED && !volume.autoprovision()) {
      // Agent task.go addSharedVolumes.
      throw new ContainerRuntimeException(ErrorName.CANNOT_CREATE_VOLUME, "initialize volume: volume detection failed, "
          + "volume '" + volume.dockerName() + "' does not exist and autoprovision is set to false");
    }
    Map<String, String> labels = new LinkedHashMap<>(volume.labels());
    labels.putAll(ownLabels);
    try {
      client.createVolumeCmd().withName(volume.dockerName()).withDriver(volume.driver())
          .withDriverOpts(volume.driverOpts()).withLabels(labels).exec();
    } catch (RuntimeException e) {
      throw DockerErrors.wrap(ErrorName.CANNOT_CREATE_VOLUME, e, engine.host());
    }
  }

  @Override
  public void removeVolume(String dockerName) {
    try {
      InspectVolumeResponse volume = client.inspectVolumeCmd(dockerName).exec();
      if (!ours(volume.getLabels())) {
        return;
      }
      client.removeVolumeCmd(dockerName).exec();
    } catch (NotFoundException gone) {
      // removed already
    } catch (RuntimeException e) {
      throw DockerErrors.wrap(ErrorName.CANNOT_REMOVE_VOLUME, e, engine.host());
    }
  }

  @Override
  public List<ManagedVolume> listManagedVolumes() {
    try {
      List<InspectVolumeResponse> listed = client.listVolumesCmd().withFilter("label", Labels.filterFor(instance))
          .exec().getVolumes();
      List<ManagedVolume> volumes = new ArrayList<>();
      for (InspectVolumeResponse volume : listed == null ? List.<InspectVolumeResponse>of() : listed) {
        if (ours(volume.getLabels())) { // never trusting the server-side filter alone
          volumes.add(new ManagedVolume(volume.getName(), volume.getLabels().get(AgentLabels.TASK_ARN)));
        }
      }
      return volumes;
    } catch (RuntimeException e) {
      // Listed only to remove them: a failure is a removal's failure.
      throw DockerErrors.wrap(ErrorName.CANNOT_REMOVE_VOLUME, e, engine.host());
    }
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    Map<String, String> labels = new LinkedHashMap<>(spec.labels());
    labels.putAll(ownLabels); // ours, whatever the spec says
    ContainerSpec stamped = spec.toBuilder().labels(labels).build();
    try {
      String id = CreateContainerMapping.toCommand(client, stamped).exec().getId();
      owned.add(id);
      return id;
    } catch (ConflictException nameTaken) {
      return existing(spec.name(), nameTaken);
    } catch (RuntimeException e) {
      throw DockerErrors.wrap(ErrorName.CANNOT_CREATE_CONTAINER, e, engine.host());
    }
  }

  /** The container already named {@code name}, if it is ours: creation is idempotent by name. */
  private String existing(String name, ConflictException conflict) {
    try {
      InspectContainerResponse found = client.inspectContainerCmd(name).exec();
      if (ours(found.getConfig().getLabels())) {
        owned.add(found.getId());
        return found.getId();
      }
    } catch (NotFoundException removedMeanwhile) {
      // fall through: report the conflict as Docker worded it
    } catch (RuntimeException e) {
      throw DockerErrors.wrap(ErrorName.CANNOT_CREATE_CONTAINER, e, engine.host());
    }
    throw DockerErrors.wrap(ErrorName.CANNOT_CREATE_CONTAINER, conflict, engine.host());
  }

  @Override
  public void startContainer(String containerId) {
    try {
      if (!ours(containerId)) {
        throw new ContainerRuntimeException(ErrorName.CANNOT_START_CONTAINER,
            "Error response from daemon: No such container: " + containerId);
      }
      client.startContainerCmd(containerId).exec();
    } catch (NotModifiedException alreadyRunning) {
      // started already: idempotent
    } catch (ContainerRuntimeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DockerErrors.wrap(ErrorName.CANNOT_START_CONTAINER, e, engine.host());
    }
  }

  @Override
  public void stopContainer(String containerId, Duration timeout) {
    try {
      if (!ours(containerId)) {
        return;
      }
      client.stopContainerCmd(containerId).withTimeout(seconds(timeout)).exec();
    } catch (NotModifiedException | NotFoundException stoppedOrGone) {
      // already stopped, or removed
    } catch (RuntimeException e) {
      throw DockerErrors.wrap(ErrorName.CANNOT_STOP_CONTAINER, e, engine.host());
    }
  }

  @Override
  public void removeContainer(String containerId) {
    try {
      if (!ours(containerId)) {
        return;
      }
      client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException gone) {
      // removed already
    } catch (ConflictException e) {
      if (!String.valueOf(e.getMessage()).contains("already in progress")) {
        throw DockerErrors.wrap(ErrorName.CANNOT_REMOVE_CONTAINER, e, engine.host());
      }
    } catch (RuntimeException e) {
      throw DockerErrors.wrap(ErrorName.CANNOT_REMOVE_CONTAINER, e, engine.host());
    }
    owned.remove(containerId);
  }

  @Override
  public Optional<ObservedContainer> inspect(String containerId) {
    try {
      InspectContainerResponse response = client.inspectContainerCmd(containerId).exec();
      if (!ours(response.getConfig().getLabels())) {
        return Optional.empty();
      }
      owned.add(response.getId());
      return Optional.of(Inspections.observe(response));
    } catch (NotFoundException gone) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw DockerErrors.wrap(ErrorName.CANNOT_INSPECT_CONTAINER, e, engine.host());
    }
  }

  @Override
  public List<ObservedContainer> listManaged() {
    List<ObservedContainer> observed = new ArrayList<>();
    for (Container container : listOwn()) {
      inspect(container.getId()).ifPresent(observed::add);
    }
    return observed;
  }

  @Override
  public List<ListedContainer> listManagedStates() {
    List<ListedContainer> states = new ArrayList<>();
    for (Container container : listOwn()) {
      if (ours(container.getLabels())) { // never trusting the server-side filter alone
        owned.add(container.getId());
        states.add(new ListedContainer(container.getId(), ObservedContainer.State.ofDocker(container.getState()),
            ListedContainer.healthOf(container.getStatus())));
      }
    }
    return states;
  }

  /** One call of Docker's container list, running or not, filtered by this instance's labels. */
  private List<Container> listOwn() {
    try {
      return client.listContainersCmd().withShowAll(true).withLabelFilter(ownLabels).exec();
    } catch (RuntimeException e) {
      throw DockerErrors.wrap(ErrorName.CANNOT_INSPECT_CONTAINER, e, engine.host());
    }
  }

  @Override
  public AutoCloseable subscribe(Consumer<ContainerEvent> listener) {
    EventSubscription subscription = new EventSubscription(engine.streamingClient(), ownLabels, listener)
        .start(Duration.ofSeconds(5));
    subscriptions.add(subscription);
    return () -> {
      subscriptions.remove(subscription);
      subscription.close();
    };
  }

  @Override
  public Sandbox createSandbox(ContainerSpec spec) {
    HostInfo hostInfo = host();
    String image = pauseImage.ensure(hostInfo.pauseArch(), hostInfo.architecture());
    String id = createContainer(spec.withImage(image));
    startContainer(id);
    ObservedContainer running = inspect(id).orElseThrow(() -> new ContainerRuntimeException(
        ErrorName.CANNOT_START_CONTAINER, "sandbox " + spec.name() + " vanished after it started"));
    String parent = spec.resources().cgroupParent();
    // With the cgroupfs driver a container's cgroup is <CgroupParent>/<full ID> (moby oci_linux.go).
    return new Sandbox(id, running.name(), running.ipAddress(), parent == null ? null : parent + "/" + id,
        running.ports());
  }

  @Override
  public void removeSandbox(String sandboxId) {
    removeContainer(sandboxId); // a forced remove is a SIGKILL: the pause program ignores SIGTERM
  }

  @Override
  public void close() {
    for (EventSubscription subscription : subscriptions) {
      subscription.close();
    }
    subscriptions.clear();
  }

  /** Whether the container with this ID (or name) carries our labels; remembered once seen. */
  private boolean ours(String containerId) {
    if (owned.contains(containerId)) {
      return true;
    }
    try {
      InspectContainerResponse response = client.inspectContainerCmd(containerId).exec();
      if (ours(response.getConfig().getLabels())) {
        owned.add(response.getId());
        owned.add(containerId);
        return true;
      }
      return false;
    } catch (NotFoundException gone) {
      return false;
    }
  }

  private boolean ours(Map<String, String> labels) {
    if (labels == null) {
      return false;
    }
    for (Map.Entry<String, String> own : ownLabels.entrySet()) {
      if (!own.getValue().equals(labels.get(own.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Docker counts whole seconds: round up, at least 0. */
  static int seconds(Duration timeout) {
    long millis = Math.max(0, timeout.toMillis());
    return (int) ((millis + 999) / 1000);
  }
}
