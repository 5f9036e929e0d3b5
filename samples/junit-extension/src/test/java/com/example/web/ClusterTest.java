package com.example.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsemulator.junit.EcsEmulatorTest;
import dev.ecsemulator.junit.FromEmulator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

@EcsEmulatorTest
class ClusterTest {

  @FromEmulator
  EcsClient ecs;

  @Test
  void createsACluster() {
    ecs.createCluster(b -> b.clusterName("demo"));
    assertEquals(1, ecs.listClusters().clusterArns().size());
  }
}
