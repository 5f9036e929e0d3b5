package dev.ecsemulator.core.state.durable;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Attribute;
import dev.ecsemulator.core.model.AutoScalingGroupProvider;
import dev.ecsemulator.core.model.AwsVpcConfiguration;
import dev.ecsemulator.core.model.CapacityProvider;
import dev.ecsemulator.core.model.CapacityProviderStrategyItem;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.ClusterConfiguration;
import dev.ecsemulator.core.model.ClusterSetting;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.ContainerInstance;
import dev.ecsemulator.core.model.ContainerOverride;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.DeploymentCircuitBreaker;
import dev.ecsemulator.core.model.DeploymentConfiguration;
import dev.ecsemulator.core.model.DeploymentController;
import dev.ecsemulator.core.model.EphemeralStorage;
import dev.ecsemulator.core.model.ExecuteCommandConfiguration;
import dev.ecsemulator.core.model.HealthCheck;
import dev.ecsemulator.core.model.KeyValuePair;
import dev.ecsemulator.core.model.LogConfiguration;
import dev.ecsemulator.core.model.ManagedScaling;
import dev.ecsemulator.core.model.NetworkBinding;
import dev.ecsemulator.core.model.NetworkConfiguration;
import dev.ecsemulator.core.model.PortMapping;
import dev.ecsemulator.core.model.Resource;
import dev.ecsemulator.core.model.RuntimePlatform;
import dev.ecsemulator.core.model.Scale;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.ServiceEvent;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.TaskOverride;
import dev.ecsemulator.core.model.TaskSet;
import dev.ecsemulator.core.model.VersionInfo;
import dev.ecsemulator.core.tag.ResourceTags;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic resources as the emulator stores them: nested members, timestamps with the microseconds a
 * live clock gives and the milliseconds the wire has, maps, doubles.
 */
final class Shapes {

  static final Scope EAST = new Scope("000000000000", "us-east-1");
  static final String ACCOUNT = EAST.accountId();
  static final Instant CREATED = Instant.parse("2026-11-26T11:50:17.009Z");
  static final Instant MICROS = Instant.parse("2026-11-26T11:50:18.123456Z");
  static final Instant NANOS = Instant.parse("2026-11-26T11:50:19.987654321Z");

  private Shapes() {}

  static Cluster cluster(String name) {
    return Cluster.builder()
        .clusterName(name)
        .clusterArn("arn:aws:ecs:us-east-1:" + ACCOUNT + ":cluster/" + name)
        .status("ACTIVE")
        .capacityProviders(List.of("FARGATE", "FARGATE_SPOT"))
        .defaultCapacityProviderStrategy(List.of(
            CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").base(1).weight(2).build(),
            CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(1).build()))
        .settings(List.of(ClusterSetting.builder().name("containerInsights").value("enabled").build()))
        .configuration(ClusterConfiguration.builder()
            .executeCommandConfiguration(ExecuteCommandConfiguration.builder().logging("DEFAULT").build())
            .build())
        .statistics(List.of())
        .build();
  }

  static ContainerDefinition web(String image) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("team", "payments");
    labels.put("tier", "frontend");
    return ContainerDefinition.builder()
        .name("web")
        .image(image)
        .cpu(256)
        .memory(512)
        .memoryReservation(256)
        .essential(true)
        .command(List.of("httpd", "-f", "-p", "8080"))
        .environment(List.of(
            KeyValuePair.builder().name("MODE").value("prod").build(),
            KeyValuePair.builder().name("EMPTY").value("").build()))
        .portMappings(List.of(PortMapping.builder().containerPort(8080).hostPort(0).protocol("tcp").name("http").build()))
        .healthCheck(HealthCheck.builder()
            .command(List.of("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1"))
            .interval(5).timeout(2).retries(3).startPeriod(10).build())
        .logConfiguration(LogConfiguration.builder().logDriver("json-file").options(Map.of("max-size", "10m")).build())
        .dockerLabels(labels)
        .stopTimeout(30)
        .build();
  }

  static TaskDefinition taskDefinition(String family, int revision) {
    return TaskDefinition.builder()
        .family(family)
        .revision(revision)
        .taskDefinitionArn("arn:aws:ecs:us-east-1:" + ACCOUNT + ":task-definition/" + family + ":" + revision)
        .containerDefinitions(List.of(web("ecs-emulator/sample-web:" + revision),
            ContainerDefinition.builder().name("sidecar").image("busybox").essential(false)
                .entryPoint(List.of("sh", "-c")).command(List.of("sleep 3600")).build()))
        .cpu("512")
        .memory("1024")
        .networkMode("awsvpc")
        .requiresCompatibilities(List.of("FARGATE"))
        .compatibilities(List.of("EC2", "FARGATE"))
        .requiresAttributes(List.of(Attribute.builder().name("com.amazonaws.ecs.capability.docker-remote-api.1.18").build()))
        .runtimePlatform(RuntimePlatform.builder().cpuArchitecture("X86_64").operatingSystemFamily("LINUX").build())
        .ephemeralStorage(EphemeralStorage.builder().sizeInGiB(21).build())
        .status("ACTIVE")
        .registeredAt(CREATED)
        .registeredBy("arn:aws:iam::" + ACCOUNT + ":root")
        .build();
  }

  static Task task(String cluster, String id) {
    String taskArn = "arn:aws:ecs:us-east-1:" + ACCOUNT + ":task/" + cluster + "/" + id;
    return Task.builder()
        .taskArn(taskArn)
        .clusterArn(cluster(cluster).clusterArn())
        .taskDefinitionArn(taskDefinition("web", 3).taskDefinitionArn())
        .lastStatus("RUNNING")
        .desiredStatus("RUNNING")
        .healthStatus("HEALTHY")
        .launchType("FARGATE")
        .cpu("512")
        .memory("1024")
        .group("service:web")
        .startedBy("ecs-svc/1234567890123456789")
        .connectivity("CONNECTED")
        .connectivityAt(MICROS)
        .createdAt(MICROS)
        .pullStartedAt(MICROS.plusMillis(5))
        .pullStoppedAt(NANOS)
        .startedAt(NANOS.plusSeconds(1))
        .version(4L)
        .containers(List.of(Container.builder()
            .containerArn("arn:aws:ecs:us-east-1:" + ACCOUNT + ":container/" + cluster + "/" + id + "/0b1c")
            .taskArn(taskArn)
            .name("web")
            .image("ecs-emulator/sample-web:3")
            .runtimeId("3f1e2d4c5b6a79881726354433221100ffeeddccbbaa99887766554433221100")
            .lastStatus("RUNNING")
            .healthStatus("HEALTHY")
            .networkBindings(List.of(NetworkBinding.builder().bindIP("0.0.0.0").containerPort(8080).hostPort(32768).protocol("tcp").build()))
            .build()))
        .overrides(TaskOverride.builder()
            .containerOverrides(List.of(ContainerOverride.builder().name("web")
                .environment(List.of(KeyValuePair.builder().name("DEBUG").value("1").build())).build()))
            .build())
        .attributes(List.of(Attribute.builder().name("ecs.cpu-architecture").value("x86_64").build()))
        .build();
  }

  static Service service(String cluster, String name) {
    String serviceArn = "arn:aws:ecs:us-east-1:" + ACCOUNT + ":service/" + cluster + "/" + name;
    NetworkConfiguration network = NetworkConfiguration.builder()
        .awsvpcConfiguration(AwsVpcConfiguration.builder().subnets(List.of("subnet-1", "subnet-2"))
            .securityGroups(List.of("sg-1")).assignPublicIp("DISABLED").build())
        .build();
    return Service.builder()
        .serviceName(name)
        .serviceArn(serviceArn)
        .clusterArn(cluster(cluster).clusterArn())
        .status("ACTIVE")
        .desiredCount(3)
        .runningCount(2)
        .pendingCount(1)
        .launchType("FARGATE")
        .taskDefinition(taskDefinition("web", 3).taskDefinitionArn())
        .schedulingStrategy("REPLICA")
        .createdAt(CREATED)
        .createdBy("arn:aws:iam::" + ACCOUNT + ":root")
        .networkConfiguration(network)
        .deploymentController(DeploymentController.builder().type("ECS").build())
        .deploymentConfiguration(DeploymentConfiguration.builder()
            .maximumPercent(200).minimumHealthyPercent(100)
            .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
            .build())
        .deployments(List.of(
            Deployment.builder().id("ecs-svc/2").status("PRIMARY").taskDefinition(taskDefinition("web", 3).taskDefinitionArn())
                .desiredCount(3).runningCount(1).pendingCount(1).failedTasks(0).rolloutState("IN_PROGRESS")
                .rolloutStateReason("ECS deployment ecs-svc/2 in progress.").createdAt(MICROS).updatedAt(NANOS)
                .launchType("FARGATE").networkConfiguration(network).build(),
            Deployment.builder().id("ecs-svc/1").status("ACTIVE").taskDefinition(taskDefinition("web", 2).taskDefinitionArn())
                .desiredCount(0).runningCount(1).pendingCount(0).failedTasks(0).rolloutState("COMPLETED")
                .createdAt(CREATED).updatedAt(MICROS).build()))
        .events(List.of(
            ServiceEvent.builder().id("e2").createdAt(NANOS).message("(service " + name + ") has started 1 tasks: (task abc).").build(),
            ServiceEvent.builder().id("e1").createdAt(CREATED).message("(service " + name + ") has reached a steady state.").build()))
        .taskSets(List.of(TaskSet.builder().id("ts-1").status("PRIMARY").scale(Scale.builder().unit("PERCENT").value(12.5).build())
            .stabilityStatus("STABILIZING").stabilityStatusAt(MICROS).computedDesiredCount(3).build()))
        .enableECSManagedTags(true)
        .propagateTags("SERVICE")
        .healthCheckGracePeriodSeconds(0)
        .build();
  }

  static ContainerInstance containerInstance(String cluster, String id) {
    return ContainerInstance.builder()
        .containerInstanceArn("arn:aws:ecs:us-east-1:" + ACCOUNT + ":container-instance/" + cluster + "/" + id)
        .ec2InstanceId("i-" + id)
        .status("ACTIVE")
        .agentConnected(true)
        .registeredAt(MICROS)
        .version(7L)
        .runningTasksCount(2)
        .pendingTasksCount(0)
        .versionInfo(VersionInfo.builder().agentVersion("1.89.0").dockerVersion("DockerVersion: 20.10.24").build())
        .registeredResources(List.of(
            Resource.builder().name("CPU").type("INTEGER").integerValue(2048).build(),
            Resource.builder().name("MEMORY").type("INTEGER").integerValue(3912).build(),
            Resource.builder().name("PORTS").type("STRINGSET").stringSetValue(List.of("22", "2375")).build(),
            Resource.builder().name("GPU").type("DOUBLE").doubleValue(0.1).build(),
            Resource.builder().name("DISK").type("LONG").longValue(9_007_199_254_740_993L).build()))
        .attributes(List.of(Attribute.builder().name("ecs.os-type").value("linux").build()))
        .build();
  }

  static CapacityProvider capacityProvider(String name) {
    return CapacityProvider.builder()
        .name(name)
        .capacityProviderArn("arn:aws:ecs:us-east-1:" + ACCOUNT + ":capacity-provider/" + name)
        .status("ACTIVE")
        .autoScalingGroupProvider(AutoScalingGroupProvider.builder()
            .autoScalingGroupArn("arn:aws:autoscaling:us-east-1:" + ACCOUNT + ":autoScalingGroup:1:autoScalingGroupName/asg")
            .managedScaling(ManagedScaling.builder().status("ENABLED").targetCapacity(100).minimumScalingStepSize(1)
                .maximumScalingStepSize(10000).instanceWarmupPeriod(300).build())
            .managedTerminationProtection("DISABLED")
            .build())
        .build();
  }

  static ResourceTags tags(String arn) {
    return new ResourceTags(arn, List.of(
        Tag.builder().key("env").value("prod").build(),
        Tag.builder().key("owner").value("näive ünïcode ✓ \"quoted\"").build(),
        Tag.builder().key("empty").value("").build()));
  }

  /** One of each kind of {@link EcsKinds#all()}, keyed as the emulator keys them. */
  static void putOneOfEach(dev.ecsemulator.core.state.StateTxn txn) {
    txn.put(EcsKinds.CLUSTER, "prod", cluster("prod"));
    txn.put(EcsKinds.DELETED_CLUSTER, "old", new dev.ecsemulator.core.cluster.DeletedCluster(
        cluster("old").clusterArn(), java.time.Instant.parse("2026-02-03T04:05:06.789Z")));
    txn.put(EcsKinds.TASK_DEFINITION, EcsKinds.taskDefinitionKey("web", 3), taskDefinition("web", 3));
    txn.put(EcsKinds.TASK, EcsKinds.taskKey("prod", "0a1b2c"), task("prod", "0a1b2c"));
    txn.put(EcsKinds.SERVICE, EcsKinds.serviceKey("prod", "web"), service("prod", "web"));
    txn.put(EcsKinds.CONTAINER_INSTANCE, EcsKinds.containerInstanceKey("prod", "ci1"), containerInstance("prod", "ci1"));
    txn.put(EcsKinds.CAPACITY_PROVIDER, "asg-cp", capacityProvider("asg-cp"));
    txn.put(EcsKinds.RESOURCE_TAGS, cluster("prod").clusterArn(), tags(cluster("prod").clusterArn()));
  }
}
