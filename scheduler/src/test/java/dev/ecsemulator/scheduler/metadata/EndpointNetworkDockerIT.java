package dev.ecsemulator.scheduler.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.core.state.durable.DataDirLock;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint network on the real engine: made once per engine, shared with another emulator but removed
 * only by its maker or once its maker is gone, and never made over (or instead of) a network that is not an
 * emulator's. Sends nothing to 169.254.170.2.
 */
class EndpointNetworkDockerIT {

  final DockerEngine engine = new DockerEngine(DockerEngine.resolveHost(null));
  final DockerClient docker = engine.client();
  final EmulatorInstance us = EmulatorInstance.forDataDir(Path.of("/tmp/endpoint-network-us-" + System.nanoTime()));
  final EmulatorInstance them = EmulatorInstance.forDataDir(Path.of("/tmp/endpoint-network-them-" + System.nanoTime()));
  final List<String> toRemove = new ArrayList<>();
  final List<String> containers = new ArrayList<>();
  @TempDir Path tmp;

  @BeforeEach
  void subnetIsFree() {
    boolean taken = docker.listNetworksCmd().exec().stream()
        .flatMap(n -> n.getIpam() == null || n.getIpam().getConfig() == null ? java.util.stream.Stream.empty()
            : n.getIpam().getConfig().stream())
        .anyMatch(c -> c.getSubnet() != null && Cidr.overlap(c.getSubnet(), EndpointNetwork.SUBNET));
    assumeTrue(!taken, "another network (an emulator running here?) uses " + EndpointNetwork.SUBNET);
  }

  @AfterEach
  void cleanUp() {
    for (String id : containers) {
      docker.removeContainerCmd(id).withForce(true).exec();
    }
    for (String id : toRemove) {
      try {
        docker.removeNetworkCmd(id).exec();
      } catch (NotFoundException gone) {
        // removed by the code under test
      }
    }
    engine.close();
  }

  @Test
  void oneNetworkPerEngineSharedButRemovedOnlyByItsMaker() throws IOException {
    // "us" is a live emulator: it holds its data directory, so "them" must not judge our network abandoned.
    Path ourDir = Files.createDirectories(us.dataDir());
    try (DataDirLock alive = DataDirLock.acquire(ourDir)) {
      shareOurNetworkWithThem();
    } finally {
      try (var left = Files.list(ourDir)) {
        left.forEach(f -> f.toFile().delete());
      }
      Files.deleteIfExists(ourDir);
    }
  }

  private void shareOurNetworkWithThem() {
    EndpointNetwork ourNetwork = new EndpointNetwork(engine, us);
    EndpointNetwork theirNetwork = new EndpointNetwork(engine, them);

    EndpointNetwork.Outcome made = ourNetwork.ensure();
    toRemove.add(made.network().id());
    EndpointNetwork.Outcome again = ourNetwork.ensure();
    EndpointNetwork.Outcome seenByThem = theirNetwork.ensure();

    assertThat(made.network().holder()).isEqualTo(EndpointNetwork.Holder.OURS);
    assertThat(again.network().id()).isEqualTo(made.network().id());
    assertThat(seenByThem.network().id()).isEqualTo(made.network().id());
    assertThat(seenByThem.network().holder()).isEqualTo(EndpointNetwork.Holder.ANOTHER_EMULATOR);
    Network inspected = docker.inspectNetworkCmd().withNetworkId(made.network().id()).exec();
    assertThat(inspected.getInternal()).isTrue();
    assertThat(inspected.getIpam().getConfig().get(0).getGateway()).isEqualTo("169.254.170.2");
    assertThat(inspected.getLabels()).containsEntry(Labels.INSTANCE, us.id())
        .containsEntry(Labels.ROLE, Labels.TASK_ENDPOINT_ROLE);

    theirNetwork.removeIfOurs(seenByThem.network());
    assertThat(ourNetwork.exists(made.network().id())).isTrue();
    ourNetwork.removeIfOurs(made.network());
    assertThat(ourNetwork.exists(made.network().id())).isFalse();
  }

  @Test
  void theNetworkOfAGoneEmulatorIsRemovedAndOursMadeInstead() {
    String abandoned = networkOfEmulatorOn(deadEmulatorDir("gone"));

    EndpointNetwork.Outcome outcome = new EndpointNetwork(engine, us).ensure();
    toRemove.add(outcome.network().id());

    assertThat(outcome.network().holder()).isEqualTo(EndpointNetwork.Holder.OURS);
    assertThat(new EndpointNetwork(engine, us).exists(abandoned)).isFalse();
    assertThat(docker.inspectNetworkCmd().withNetworkId(outcome.network().id()).exec().getLabels())
        .containsEntry(Labels.DATA_DIR, us.dataDir().toString());
  }

  @Test
  void theNetworkOfAGoneEmulatorOfThisHostWhoseDataDirectoryWasDeletedIsRemoved() {
    String abandoned = endpointNetwork(EmulatorInstance.forDataDir(tmp.resolve("deleted")),
        tmp.resolve("deleted").toString(), EndpointNetwork.HOST);

    EndpointNetwork.Outcome outcome = new EndpointNetwork(engine, us).ensure();
    toRemove.add(outcome.network().id());

    assertThat(outcome.network().holder()).isEqualTo(EndpointNetwork.Holder.OURS);
    assertThat(new EndpointNetwork(engine, us).exists(abandoned)).isFalse();
  }

  @Test
  void theNetworkOfAnotherHostsEmulatorWhoseDataDirectoryIsNotHereIsKept() {
    String kept = endpointNetwork(EmulatorInstance.forDataDir(tmp.resolve("elsewhere")),
        tmp.resolve("elsewhere").toString(), "another-host");

    EndpointNetwork.Outcome outcome = new EndpointNetwork(engine, us).ensure();

    assertThat(outcome.network().id()).isEqualTo(kept);
  }

  @Test
  void theNetworkOfAnEmulatorHoldingItsDataDirectoryIsKept() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("alive"));
    try (DataDirLock alive = DataDirLock.acquire(dir)) {
      String kept = networkOfEmulatorOn(dir);

      EndpointNetwork.Outcome outcome = new EndpointNetwork(engine, us).ensure();

      assertThat(outcome.network().id()).isEqualTo(kept);
      assertThat(outcome.network().holder()).isEqualTo(EndpointNetwork.Holder.ANOTHER_EMULATOR);
    }
  }

  @Test
  void theNetworkOfAnEmulatorWhoseContainersStillRunIsKept() {
    Path dir = deadEmulatorDir("tasks-left");
    String kept = networkOfEmulatorOn(dir);
    EmulatorInstance owner = EmulatorInstance.forDataDir(dir);
    String task = docker.createContainerCmd("ecs-emulator/sample-web:1").withLabels(Labels.ownedBy(owner))
        .exec().getId();
    containers.add(task);
    docker.startContainerCmd(task).exec();

    EndpointNetwork.Outcome outcome = new EndpointNetwork(engine, us).ensure();

    assertThat(outcome.network().id()).isEqualTo(kept);
    assertThat(outcome.network().holder()).isEqualTo(EndpointNetwork.Holder.ANOTHER_EMULATOR);
  }

  @Test
  void aNetworkThatNamesNoDataDirectoryIsKept() {
    Path dir = deadEmulatorDir("unnamed");
    String kept = endpointNetwork(EmulatorInstance.forDataDir(dir), null, EndpointNetwork.HOST);

    EndpointNetwork.Outcome outcome = new EndpointNetwork(engine, us).ensure();

    assertThat(outcome.network().id()).isEqualTo(kept);
  }

  /** A data directory an emulator locked and released, as the OS does when the emulator is killed. */
  private Path deadEmulatorDir(String name) {
    Path dir = tmp.resolve(name);
    DataDirLock.acquire(dir).close();
    return dir;
  }

  /** An endpoint network as the emulator on {@code dir} makes it. */
  private String networkOfEmulatorOn(Path dir) {
    EmulatorInstance owner = EmulatorInstance.forDataDir(dir);
    return endpointNetwork(owner, owner.dataDir().toString(), EndpointNetwork.HOST);
  }

  private String endpointNetwork(EmulatorInstance owner, String dataDirLabel, String host) {
    Map<String, String> labels = new LinkedHashMap<>(Labels.ownedBy(owner));
    labels.put(Labels.ROLE, Labels.TASK_ENDPOINT_ROLE);
    if (dataDirLabel != null) {
      labels.put(Labels.DATA_DIR, dataDirLabel);
    }
    if (host != null) {
      labels.put(Labels.HOST, host);
    }
    String id = docker.createNetworkCmd().withName("ecs-emulator-task-endpoint-" + owner.id()).withInternal(true)
        .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config()
            .withSubnet(EndpointNetwork.SUBNET).withGateway(EndpointNetwork.GATEWAY)))
        .withLabels(labels).exec().getId();
    toRemove.add(id);
    return id;
  }

  @Test
  void aForeignNetworkOnTheSubnetDisablesTheEndpointAndIsLeftAlone() {
    String foreign = docker.createNetworkCmd().withName("not-an-emulator-" + System.nanoTime())
        .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet("169.254.170.0/25")))
        .withLabels(Map.of("ecs-emulator.test", "EndpointNetworkDockerIT")).exec().getId();
    toRemove.add(foreign);

    EndpointNetwork.Outcome outcome = new EndpointNetwork(engine, us).ensure();

    assertThat(outcome.network()).isNull();
    assertThat(outcome.problem()).contains("not the emulator's").contains("169.254.170.0/25");
    assertThat(new EndpointNetwork(engine, us).exists(foreign)).isTrue();
  }
}
