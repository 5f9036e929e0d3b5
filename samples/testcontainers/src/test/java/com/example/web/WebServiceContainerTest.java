package com.example.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsemulator.testcontainers.EcsEmulatorContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;

/** A user's test against the emulator image: its tasks run on the host's engine, with ports the test reaches. */
@Testcontainers
class WebServiceContainerTest {

  @Container
  static EcsEmulatorContainer emulator = new EcsEmulatorContainer();

  static EcsClient ecs;

  @BeforeAll
  static void client() {
    ecs = EcsClient.builder()
        .endpointOverride(emulator.getEndpoint())
        .region(Region.of(emulator.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
        .build();
  }

  @AfterAll
  static void close() {
    ecs.close();
  }

  @Test
  void theWebTaskRunsOnTheHostsEngineAndServes() throws Exception {
    ecs.createCluster(b -> b.clusterName("default"));
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(c -> c.name("app")
        .image("ecs-emulator/sample-web:1").memory(64).portMappings(p -> p.containerPort(8080))));
    String task = ecs.runTask(b -> b.taskDefinition("web")).tasks().get(0).taskArn();

    ecs.waiter().waitUntilTasksRunning(b -> b.tasks(task),
        o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(250))));

    NetworkBinding binding = ecs.describeTasks(b -> b.tasks(task)).tasks().get(0).containers().get(0)
        .networkBindings().get(0);
    assertEquals("0.0.0.0", binding.bindIP());
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://" + emulator.getTaskHost() + ":" + binding.hostPort() + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(page.body().contains("\"app\":\"sample-web\""), page.body());
  }
}
