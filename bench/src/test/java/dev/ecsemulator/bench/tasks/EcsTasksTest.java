package dev.ecsemulator.bench.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The services-stable condition the rollout benchmark stops its clock on (botocore's ServicesStable waiter). */
class EcsTasksTest {

  static final String OLD = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1";
  static final String NEW = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:2";

  static JsonNode service(String json) throws Exception {
    return new ObjectMapper().readTree(json.replace('\'', '"'));
  }

  @Test
  void stableWhenOneDeploymentOfTheNewDefinitionRunsEveryTask() throws Exception {
    assertThat(EcsTasks.stable(service("{'desiredCount':3,'runningCount':3,'deployments':[{'taskDefinition':'"
        + NEW + "'}]}"), NEW)).isTrue();
  }

  @Test
  void notStableWhileTheOldDeploymentIsStillListed() throws Exception {
    assertThat(EcsTasks.stable(service("{'desiredCount':3,'runningCount':3,'deployments':[{'taskDefinition':'"
        + NEW + "'},{'taskDefinition':'" + OLD + "'}]}"), NEW)).isFalse();
  }

  @Test
  void notStableBeforeTheNewDeploymentExistsOrWhileTasksAreMissing() throws Exception {
    assertThat(EcsTasks.stable(service("{'desiredCount':3,'runningCount':3,'deployments':[{'taskDefinition':'"
        + OLD + "'}]}"), NEW)).isFalse();
    assertThat(EcsTasks.stable(service("{'desiredCount':3,'runningCount':2,'deployments':[{'taskDefinition':'"
        + NEW + "'}]}"), NEW)).isFalse();
  }
}
