package dev.ecsemulator.scheduler.metadata;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.core.state.durable.DataDirLock;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.Labels;
import dev.ecsemulator.scheduler.runtime.TaskEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Docker network that puts the ECS agent's address, 169.254.170.2, on this machine: a bridge network on
 * 169.254.170.0/24 whose gateway, the address the engine gives its bridge interface on the host, is
 * 169.254.170.2. The emulator's task endpoint listens there. Containers are not attached to it: a bridge or
 * awsvpc task reaches the address through its default route, the host, as on an ECS instance, and a host-mode
 * task is on the host already. The network is {@code --internal} (it never routes anywhere) and without
 * inter-container traffic.
 *
 * <p>Without it the address is not local, and a request a task sends there leaves the machine (to whatever
 * answers for 169.254.170.2 on the way out: on an EC2 instance, the real agent). So the endpoint is offered to
 * tasks only while such a network exists.
 *
 * <p>There is one per engine, as the address is one per machine. It carries the labels of the emulator
 * instance that made it and {@code ecs-emulator.role=task-endpoint} ({@link Labels#TASK_ENDPOINT_ROLE});
 * another emulator on the same engine may listen on its address (that takes no change to the network) but
 * never removes it, unless its maker is gone: an emulator killed and never started again on its data directory
 * would otherwise hold the subnet for good ({@link #ensure} removes such a network first). Networks of anyone
 * else are never touched: one that already uses the subnet only disables the endpoint. Thread-safe.
 */
public final class EndpointNetwork {

  private static final Logger log = LoggerFactory.getLogger(EndpointNetwork.class);

  /** This machine's host name (Linux's), or null where it cannot be read: then no network is judged by it. */
  static final String HOST = hostName();

  public static final String SUBNET = "169.254.170.0/24";
  public static final String GATEWAY = TaskEndpoint.ADDRESS;
  static final String NAME_PREFIX = "ecs-emulator-task-endpoint-";

  /** Whose network holds the address: this instance's, or another emulator's on the same engine. */
  public enum Holder { OURS, ANOTHER_EMULATOR }

  /** A usable endpoint network. */
  public record Found(String id, String name, Holder holder) {}

  /**
   * The outcome of {@link #ensure}: a usable network, or why there is none (one sentence for the log).
   */
  public record Outcome(Found network, String problem) {
    static Outcome usable(Found network) {
      return new Outcome(network, null);
    }

    static Outcome unusable(String problem) {
      return new Outcome(null, problem);
    }
  }

  private final DockerEngine engine;
  private final EmulatorInstance instance;

  public EndpointNetwork(DockerEngine engine, EmulatorInstance instance) {
    this.engine = engine;
    this.instance = instance;
  }

  /** The name this instance gives its endpoint network. */
  public String name() {
    return NAME_PREFIX + instance.id();
  }

  /**
   * Finds an endpoint network on the engine (this instance's first) or creates this instance's. Removes
   * another emulator's only when that emulator is gone ({@link #abandoned}); never touches anyone else's.
   *
   * @throws RuntimeException (docker-java's) when the engine does not answer
   */
  public synchronized Outcome ensure() {
    Outcome found = find();
    if (found != null) {
      return found;
    }
    Map<String, String> labels = new LinkedHashMap<>(Labels.ownedBy(instance));
    labels.put(Labels.ROLE, Labels.TASK_ENDPOINT_ROLE);
    labels.put(Labels.DATA_DIR, instance.dataDir().toString());
    if (HOST != null) {
      labels.put(Labels.HOST, HOST);
    }
    try {
      String id = engine.client().createNetworkCmd()
          .withName(name())
          .withDriver("bridge")
          .withInternal(true)
          .withCheckDuplicate(true)
          .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(SUBNET).withGateway(GATEWAY)))
          .withOptions(Map.of("com.docker.network.bridge.enable_icc", "false"))
          .withLabels(labels)
          .exec().getId();
      return Outcome.usable(new Found(id, name(), Holder.OURS));
    } catch (RuntimeException e) {
      // Another emulator may have made one meanwhile; else report what Docker said.
      Outcome again = find();
      return again != null ? again
          : Outcome.unusable("Docker refused to create network " + name() + " on " + SUBNET + ": " + e.getMessage());
    }
  }

  /** Whether the network still exists (someone may have removed it). */
  public boolean exists(String networkId) {
    try {
      engine.client().inspectNetworkCmd().withNetworkId(networkId).exec();
      return true;
    } catch (NotFoundException gone) {
      return false;
    }
  }

  /** Removes the network if this instance made it; another's is left alone. Idempotent. */
  public void removeIfOurs(Found network) {
    if (network.holder() != Holder.OURS) {
      return;
    }
    try {
      engine.client().removeNetworkCmd(network.id()).exec();
    } catch (NotFoundException gone) {
      // removed already
    }
  }

  /**
   * The IPv4 subnets of every network on the engine: where containers may call from.
   *
   * @throws RuntimeException (docker-java's) when the engine does not answer
   */
  public List<String> engineSubnets() {
    return engine.client().listNetworksCmd().exec().stream().flatMap(n -> subnets(n).stream())
        .filter(s -> s.contains(".")).toList();
  }

  /** An existing usable network, or a conflict, or null when the subnet is free. */
  private Outcome find() {
    DockerClient client = engine.client();
    List<Network> networks = new ArrayList<>(client.listNetworksCmd().exec());
    networks.removeIf(this::removedAsAbandoned);
    Optional<Network> ours = networks.stream().filter(n -> endpoint(n) && owned(n)).findFirst();
    if (ours.isPresent()) {
      return Outcome.usable(new Found(ours.get().getId(), ours.get().getName(), Holder.OURS));
    }
    Optional<Network> another = networks.stream().filter(this::endpoint).findFirst();
    if (another.isPresent()) {
      return Outcome.usable(new Found(another.get().getId(), another.get().getName(), Holder.ANOTHER_EMULATOR));
    }
    for (Network network : networks) {
      for (String subnet : subnets(network)) {
        if (Cidr.overlap(subnet, SUBNET)) {
          return Outcome.unusable("network " + network.getName() + " (not the emulator's) already uses " + subnet);
        }
      }
    }
    return null;
  }

  /** An emulator's endpoint network with the expected addresses. */
  private boolean endpoint(Network network) {
    Map<String, String> labels = network.getLabels();
    return labels != null && "true".equals(labels.get(Labels.MANAGED))
        && Labels.TASK_ENDPOINT_ROLE.equals(labels.get(Labels.ROLE))
        && network.getIpam() != null && network.getIpam().getConfig() != null
        && network.getIpam().getConfig().stream()
            .anyMatch(c -> SUBNET.equals(c.getSubnet()) && GATEWAY.equals(c.getGateway()));
  }

  /** Removes another emulator's endpoint network if that emulator is gone; whether it did. */
  private boolean removedAsAbandoned(Network network) {
    if (!endpoint(network) || owned(network) || !abandoned(network)) {
      return false;
    }
    try {
      engine.client().removeNetworkCmd(network.getId()).exec();
      log.info("Task endpoint: removed network {} of emulator {}, which is gone", network.getName(),
          network.getLabels().get(Labels.INSTANCE));
    } catch (NotFoundException gone) {
      // removed meanwhile (by another emulator doing the same)
    } catch (RuntimeException inUse) {
      log.warn("Task endpoint: could not remove network {} of a gone emulator: {}", network.getName(),
          inUse.getMessage());
      return false;
    }
    return true;
  }

  /**
   * Whether the emulator that made an endpoint network is gone: the network names its data directory, and no
   * container of that instance runs, and either the directory exists here and no process locks it
   * ({@link DataDirLock#abandoned}), or it was made on this host (same host name) and the directory is gone
   * (a temporary data directory deleted after its emulator was killed). A network without the data directory
   * label (made before it existed), or one whose directory is not here and which another host made (an
   * emulator in a container, or on another machine), is never judged abandoned.
   */
  private boolean abandoned(Network network) {
    String dir = network.getLabels().get(Labels.DATA_DIR);
    String owner = network.getLabels().get(Labels.INSTANCE);
    if (dir == null || owner == null) {
      return false;
    }
    Path path;
    try {
      path = Path.of(dir);
    } catch (InvalidPathException e) {
      return false;
    }
    // The ID is derived from the directory: a label pair that does not match is not an emulator's doing.
    if (!path.isAbsolute() || !EmulatorInstance.forDataDir(path).id().equals(owner)) {
      return false;
    }
    boolean deletedHere = HOST != null && HOST.equals(network.getLabels().get(Labels.HOST)) && !Files.exists(path);
    if (!deletedHere && !DataDirLock.abandoned(path)) {
      return false;
    }
    return engine.client().listContainersCmd().withShowAll(false)
        .withLabelFilter(Map.of(Labels.MANAGED, "true", Labels.INSTANCE, owner)).exec().isEmpty();
  }

  private boolean owned(Network network) {
    return instance.id().equals(network.getLabels().get(Labels.INSTANCE));
  }

  private static String hostName() {
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      return name.isEmpty() ? null : name;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static List<String> subnets(Network network) {
    if (network.getIpam() == null || network.getIpam().getConfig() == null) {
      return List.of();
    }
    return network.getIpam().getConfig().stream().map(Network.Ipam.Config::getSubnet)
        .filter(s -> s != null && !s.isBlank()).toList();
  }
}
