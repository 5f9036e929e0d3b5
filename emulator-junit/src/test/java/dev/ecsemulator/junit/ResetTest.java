package dev.ecsemulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.ecs.EcsClient;

/** When the extension empties the emulator: after each test by default, after the class, or never. */
class ResetTest {

  @Nested
  @EcsEmulatorTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class AfterEachTestByDefault {
    @Test
    @Order(1)
    void aTestCreatesACluster(EcsClient ecs) {
      ecs.createCluster(b -> b.clusterName("first"));
      assertThat(ecs.listClusters().clusterArns()).hasSize(1);
    }

    @Test
    @Order(2)
    void theNextTestFindsNone(EcsClient ecs) {
      assertThat(ecs.listClusters().clusterArns()).isEmpty();
    }
  }

  @EcsEmulatorTest(reset = Reset.AFTER_CLASS, scope = EmulatorScope.CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  @Nested
  class AfterClass {
    @BeforeAll
    static void aClusterForEveryTest(EcsEmulator emulator) {
      try (EcsClient ecs = emulator.client(EcsClient.class)) {
        ecs.createCluster(b -> b.clusterName("shared"));
      }
    }

    @Test
    @Order(1)
    void theFirstTestFindsIt(EcsClient ecs) {
      ecs.createCluster(b -> b.clusterName("more"));
      assertThat(ecs.listClusters().clusterArns()).hasSize(2);
    }

    @Test
    @Order(2)
    void theSecondTooWithWhatTheFirstMade(EcsClient ecs) {
      assertThat(ecs.listClusters().clusterArns()).hasSize(2);
    }
  }
}
