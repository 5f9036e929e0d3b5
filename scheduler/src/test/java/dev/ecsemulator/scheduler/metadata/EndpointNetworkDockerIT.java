package dev.ecsemulator.scheduler.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.Labels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint network on the real engine: made once per engine, shared with another emulator but removed
 * only by its maker, and never made over (or instead of) a network that is not an emulator's. Sends nothing to
 * 169.254.170.2.
 */
class EndpointNetworkDockerIT {

  final DockerEngine engine = new DockerEngine(DockerEngine.resolveHost(null));
  final DockerClient docker = engine.client();
  final EmulatorInstance us = EmulatorInstance.forDataDir(Path.of("/tmp/endpoint-network-us-" + System.nanoTime()));
  final EmulatorInstance them = EmulatorInstance.forDataDir(Path.of("/tmp/endpoint-network-them-" + System.nanoTime()));
  final List<String> toRemove = new ArrayList<>();

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
  void oneNetworkPerEngineSharedButRemovedOnlyByItsMaker() {
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
