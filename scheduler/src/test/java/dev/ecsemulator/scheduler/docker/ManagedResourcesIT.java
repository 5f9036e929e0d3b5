package dev.ecsemulator.scheduler.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.ecsemulator.core.EmulatorInstance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Removal selects by this instance's labels only: another instance's and unlabelled containers survive. */
class ManagedResourcesIT {

  static final String IMAGE = "ecs-emulator/sample-web:1";

  final DockerEngine engine = new DockerEngine(DockerEngine.resolveHost(null));
  final DockerClient docker = engine.client();
  final List<String> created = new ArrayList<>();
  final List<String> networks = new ArrayList<>();
  final EmulatorInstance us = EmulatorInstance.forDataDir(Path.of("/tmp/ecs-emulator-test-us-" + System.nanoTime()));
  final EmulatorInstance them = EmulatorInstance.forDataDir(Path.of("/tmp/ecs-emulator-test-them-" + System.nanoTime()));

  String createContainer(Map<String, String> labels) {
    Map<String, String> all = new HashMap<>(labels);
    all.put("ecs-emulator.test", "ManagedResourcesIT");
    String id = docker.createContainerCmd(IMAGE).withCmd("sleep", "60").withLabels(all).exec().getId();
    created.add(id);
    return id;
  }

  String createNetwork(Map<String, String> labels) {
    String id = docker.createNetworkCmd().withName("ecs-emulator-test-" + System.nanoTime()).withLabels(labels)
        .exec().getId();
    networks.add(id);
    return id;
  }

  boolean networkExists(String id) {
    try {
      docker.inspectNetworkCmd().withNetworkId(id).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @AfterEach
  void removeWhatThisTestCreated() {
    for (String id : created) {
      try {
        docker.removeContainerCmd(id).withForce(true).exec();
      } catch (NotFoundException gone) {
        // removed by the code under test
      }
    }
    for (String id : networks) {
      try {
        docker.removeNetworkCmd(id).exec();
      } catch (NotFoundException gone) {
        // removed by the code under test
      }
    }
    engine.close();
  }

  boolean exists(String id) {
    try {
      docker.inspectContainerCmd(id).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Test
  void removesOnlyItsOwnContainers() {
    String ours = createContainer(Labels.ownedBy(us));
    String theirs = createContainer(Labels.ownedBy(them));
    String unlabelled = createContainer(Map.of());
    docker.startContainerCmd(ours).exec();

    int removed = new ManagedResources(engine, us).removeAll();

    assertThat(removed).isEqualTo(1);
    assertThat(exists(ours)).isFalse();
    assertThat(exists(theirs)).isTrue();
    assertThat(exists(unlabelled)).isTrue();
  }

  @Test
  void removesItsOwnNetworksButLeavesTheTaskEndpointsToItsOwner() {
    String ours = createNetwork(Labels.ownedBy(us));
    Map<String, String> endpointLabels = new HashMap<>(Labels.ownedBy(us));
    endpointLabels.put(Labels.ROLE, Labels.TASK_ENDPOINT_ROLE);
    String endpoint = createNetwork(endpointLabels);
    String theirs = createNetwork(Labels.ownedBy(them));

    new ManagedResources(engine, us).removeAll();

    assertThat(networkExists(ours)).isFalse();
    assertThat(networkExists(endpoint)).as("another emulator's tasks may use its address").isTrue();
    assertThat(networkExists(theirs)).isTrue();
  }

  @Test
  void removingTwiceIsHarmless() {
    createContainer(Labels.ownedBy(us));
    ManagedResources managed = new ManagedResources(engine, us);

    assertThat(managed.removeAll()).isEqualTo(1);
    assertThat(managed.removeAll()).isZero();
  }

  @Test
  void instanceIdsAreStablePerDataDirAndDistinctAcrossThem() {
    assertThat(EmulatorInstance.forDataDir(Path.of("/data/a")).id())
        .isEqualTo(EmulatorInstance.forDataDir(Path.of("/data/./a")).id())
        .isNotEqualTo(EmulatorInstance.forDataDir(Path.of("/data/b")).id())
        .hasSize(12);
  }
}
