package dev.ecsemulator.api.operations.services;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;

/** Task definitions and waits shared by the service API tests. */
final class ServiceFixtures {

  static final String ACCOUNT = "000000000000";
  static final String REGION = "us-east-1";
  static final String SERVICE_ARN_PREFIX = "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":service/";
  static final String TD_ARN_PREFIX = "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":task-definition/";

  private ServiceFixtures() {}

  /** An EC2 (bridge) definition of the sample web app, port 8080. */
  static String registerWeb(EcsClient ecs, String family) {
    return ecs.registerTaskDefinition(b -> b.family(family)
            .containerDefinitions(c -> c.name("web").image("ecs-emulator/sample-web:1").memory(64)
                .portMappings(p -> p.containerPort(8080))))
        .taskDefinition().taskDefinitionArn();
  }

  /** A Fargate (awsvpc) definition. */
  static String registerFargate(EcsClient ecs, String family) {
    return ecs.registerTaskDefinition(b -> b.family(family)
            .networkMode(NetworkMode.AWSVPC)
            .requiresCompatibilities(Compatibility.FARGATE)
            .cpu("256").memory("512")
            .containerDefinitions(c -> c.name("web").image("ecs-emulator/sample-web:1")
                .portMappings(p -> p.containerPort(8080))))
        .taskDefinition().taskDefinitionArn();
  }

  static Service describe(EcsClient ecs, String cluster, String service) {
    return ecs.describeServices(b -> b.cluster(cluster).services(service)).services().get(0);
  }

  /** The scheduler runs in the background: wait for what it records, briefly. */
  static ConditionFactory eventually() {
    return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50));
  }
}
