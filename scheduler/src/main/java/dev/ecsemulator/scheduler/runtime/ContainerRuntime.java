package dev.ecsemulator.scheduler.runtime;

import dev.ecsemulator.scheduler.docker.EngineStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The effects the task engine needs from a container engine, and nothing else: no decisions are made
 * here (what to create comes from {@link ContainerSpecFactory}; when, from the caller).
 *
 * <p><b>Ownership.</b> An implementation only ever acts on containers and volumes that carry this
 * emulator instance's labels ({@code ecs-emulator.managed=true}, {@code ecs-emulator.instance=<id>}).
 * An ID that names anything else is treated as absent: {@link #inspect} is empty, stop and remove are
 * no-ops, start fails.
 *
 * <p><b>Idempotence.</b> Creating by an existing name returns the existing container; stopping a stopped
 * or missing container, and removing a missing one, succeed. So a caller may repeat any step after a
 * crash or a retry.
 *
 * <p><b>Failures</b> are {@link ContainerRuntimeException}s whose {@link ContainerRuntimeException#reason()}
 * is the ECS reason text ({@code CannotPullContainerError: ...} and so on).
 *
 * <p><b>Threads.</b> Implementations are thread-safe. Every method blocks on the engine (stop for up to
 * its timeout, pulls for as long as they take); call them off request threads.
 */
public interface ContainerRuntime extends AutoCloseable {

  /** Whether the engine answers now, with its version. Never throws. */
  EngineStatus status();

  /**
   * The host's architecture, CPUs, memory and cgroup setup. Cached after the first successful call.
   *
   * @throws ContainerRuntimeException {@code DockerTimeoutError} when the engine does not answer
   */
  HostInfo host();

  /**
   * Makes {@code image} present locally according to {@code policy}. An ECR URI
   * ({@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO:TAG}) resolves to a local {@code REPO:TAG} when that
   * exists, without pulling.
   *
   * @param auth the credentials a pull hands the registry ({@code repositoryCredentials}), or null for none
   * @return the image to create containers from ({@link LocalImage#reference()}) and its ID
   * @throws ContainerRuntimeException {@code CannotPullContainerError: <Docker's message>} when the image is
   *     neither pullable nor (where the policy allows) cached
   */
  LocalImage ensureImage(String image, PullPolicy policy, RegistryAuth auth);

  /** {@link #ensureImage(String, PullPolicy, RegistryAuth)} without registry credentials. */
  default LocalImage ensureImage(String image, PullPolicy policy) {
    return ensureImage(image, policy, null);
  }

  /**
   * Creates the Docker volume unless it exists. TASK-scoped and auto-provisioned SHARED volumes are created
   * with {@link VolumeSpec#labels()}; a SHARED volume without autoprovision must already exist.
   *
   * @throws ContainerRuntimeException {@code CannotCreateVolumeError: ...}
   */
  void ensureVolume(VolumeSpec volume);

  /**
   * Removes a volume this instance created. A missing or foreign volume is left alone. Idempotent.
   *
   * @throws ContainerRuntimeException {@code CannotRemoveVolumeError: ...}, e.g. while a container still uses it
   */
  void removeVolume(String dockerName);

  /** Every volume that carries this instance's labels: the task-scoped ones and the shared ones it provisioned. */
  List<ManagedVolume> listManagedVolumes();

  /**
   * Creates (does not start) a container. Idempotent by {@link ContainerSpec#name()}: if a container of
   * ours already has that name, its ID is returned and nothing is changed.
   *
   * @return the Docker container ID
   * @throws ContainerRuntimeException {@code CannotCreateContainerError: ...}, also when the name is
   *     taken by a container that is not ours
   */
  String createContainer(ContainerSpec spec);

  /**
   * Starts a created container. Starting a running container is a no-op.
   *
   * @throws ContainerRuntimeException {@code CannotStartContainerError: ...} (the container stays created;
   *     {@link ObservedContainer#error()} has Docker's words too)
   */
  void startContainer(String containerId);

  /**
   * {@code docker stop}: the image's STOPSIGNAL (SIGTERM by default), then SIGKILL once {@code timeout}
   * has passed (rounded up to whole seconds, as Docker counts them). Blocks until the container has
   * exited. A stopped or missing container counts as stopped.
   *
   * @throws ContainerRuntimeException {@code CannotStopContainerError: ...}
   */
  void stopContainer(String containerId, Duration timeout);

  /**
   * Removes a container (killing it if it still runs) and its anonymous volumes. Missing counts as
   * removed.
   *
   * @throws ContainerRuntimeException {@code CannotRemoveContainerError: ...}
   */
  void removeContainer(String containerId);

  /** The container's current state, or empty when it does not exist or is not ours. */
  Optional<ObservedContainer> inspect(String containerId);

  /**
   * Every container (running or not) that carries this instance's labels, sandboxes included, fully
   * inspected. For the resync after a restart or a {@link ContainerEvent.Kind#STREAM_RESUMED}.
   */
  List<ObservedContainer> listManaged();

  /**
   * Every container (running or not) that carries this instance's labels, sandboxes included, as one call of
   * Docker's container list shows them: state and health, no inspect. For the periodic resync, which only needs
   * to know whether anything differs from what was recorded.
   *
   * @throws ContainerRuntimeException {@code CannotInspectContainerError} when the engine does not answer
   */
  List<ListedContainer> listManagedStates();

  /**
   * Streams Docker's {@code start}, {@code die}, {@code oom} and {@code health_status} events for this
   * instance's containers to {@code listener}, as Docker emits them (no polling). The stream reconnects
   * by itself when the engine goes away and comes back, replaying what Docker still holds since the last
   * event, and then delivers {@link ContainerEvent.Kind#STREAM_RESUMED}. Returns once the stream is
   * established (or, with the engine down, after the first failed attempt), so every event after the
   * return is delivered.
   *
   * <p>The listener is called sequentially, in Docker's order, on the stream's own thread; it should hand
   * work off rather than block. An exception it throws is logged and does not end the stream.
   *
   * @return closing it ends the subscription
   */
  AutoCloseable subscribe(Consumer<ContainerEvent> listener);

  /**
   * Creates and starts a task's sandbox from {@code spec} (made by
   * {@link ContainerSpecFactory#sandbox}), using the emulator's own pause image, which it builds and
   * loads once per engine without any registry. Idempotent by name.
   *
   * @return the running sandbox, with its IP address and published ports
   * @throws ContainerRuntimeException {@code CannotCreateContainerError} / {@code CannotStartContainerError}
   */
  Sandbox createSandbox(ContainerSpec spec);

  /**
   * Kills and removes a sandbox (its PID 1 ignores SIGTERM, so there is nothing to wait for). Remove the
   * task's containers first: they live in its namespace and cgroup. Missing counts as removed.
   */
  void removeSandbox(String sandboxId);

  /** Ends event subscriptions. Does not close the engine connection, which the caller owns. */
  @Override
  void close();
}
