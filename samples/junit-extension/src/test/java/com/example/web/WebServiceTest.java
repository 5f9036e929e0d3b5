package com.example.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsemulator.junit.EcsEmulatorTest;
import dev.ecsemulator.junit.FromEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;

/** A user's test of a task definition: the emulator runs it as a real container, and the test calls it. */
@EcsEmulatorTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebServiceTest {

  @FromEmulator
  EcsClient ecs;

  @Test
  @Order(1)
  void theWebTaskRunsAndServes() throws Exception {
    ecs.createCluster(b -> b.clusterName("default"));
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(c -> c.name("app")
        .image("ecs-emulator/sample-web:1").memory(64).portMappings(p -> p.containerPort(8080))));
    String task = ecs.runTask(b -> b.taskDefinition("web")).tasks().get(0).taskArn();

    ecs.waiter().waitUntilTasksRunning(b -> b.tasks(task),
        o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(250))));

    NetworkBinding binding = ecs.describeTasks(b -> b.tasks(task)).tasks().get(0).containers().get(0)
        .networkBindings().get(0);
    HttpResponse<String> page = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + binding.hostPort() + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(page.body().contains("\"app\":\"sample-web\""), page.body());
  }

  @Test
  @Order(2)
  void theNextTestStartsFromAnEmptyEmulator() {
    assertEquals(0, ecs.listClusters().clusterArns().size());
    assertEquals(0, ecs.listTaskDefinitions().taskDefinitionArns().size());
  }
}
