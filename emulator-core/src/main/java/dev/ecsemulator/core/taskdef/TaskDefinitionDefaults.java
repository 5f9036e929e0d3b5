package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.HealthCheck;
import dev.ecsemulator.core.model.PortMapping;
import dev.ecsemulator.core.model.RegisterTaskDefinitionRequest;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.Volume;
import java.util.List;

/**
 * The task definition as DescribeTaskDefinition returns it: every member the caller sent, unchanged, plus the
 * values AWS fills in on output. Each default is backed by public captures of real responses:
 *
 * <ul>
 *   <li>containers: {@code cpu} 0, {@code essential} true, {@code environment}, {@code mountPoints},
 *       {@code volumesFrom} and {@code portMappings} as empty lists (aws-cli examples register-task-definition.rst
 *       and a 2022 CLI register transcript whose input had none of them; botocore examples-1.json);
 *   <li>port mappings: {@code protocol} tcp (Model PortMapping.protocol "The default is tcp"); in awsvpc and host
 *       modes an omitted (or 0) {@code hostPort} becomes the container port (terraform-provider-aws#3401: "ECS
 *       happily makes this transformation"); in bridge mode an omitted one is 0, the dynamic port (unverified:
 *       terraform-provider-aws normalises 0 back to absent, which suggests it);
 *   <li>health checks: {@code interval} 30, {@code timeout} 5, {@code retries} 3 (terraform-aws-modules/
 *       terraform-aws-ecs#148: "ECS gives the same default settings for all three parameters"; hako#56);
 *       {@code startPeriod} stays absent;
 *   <li>EFS volumes: {@code rootDirectory} {@code /} when omitted, an access point given or not (CircleCI-Public/
 *       aws-ecs-orb#105: "AWS adds it once new revision is created"; terraform-provider-aws#26793 reads back
 *       {@code root_directory = "/"} for a volume registered without one);
 *   <li>task: {@code volumes} and {@code placementConstraints} as empty lists (same captures); {@code cpu} and
 *       {@code memory} as integer strings. {@code networkMode} stays absent when not given, as in the aws-cli
 *       example outputs (unverified for current AWS).
 * </ul>
 *
 * Pure.
 */
public final class TaskDefinitionDefaults {

  public static final int DEFAULT_HEALTH_CHECK_INTERVAL = 30;
  public static final int DEFAULT_HEALTH_CHECK_TIMEOUT = 5;
  public static final int DEFAULT_HEALTH_CHECK_RETRIES = 3;

  private TaskDefinitionDefaults() {}

  /** The network mode that applies: the model says an absent one means bridge. */
  public static String effectiveNetworkMode(String networkMode) {
    return networkMode == null ? "bridge" : networkMode;
  }

  /** The draft a registration stores, before its ARN, revision, status and computed members are set. */
  public static TaskDefinition draft(RegisterTaskDefinitionRequest request, TaskSize size) {
    String mode = effectiveNetworkMode(request.networkMode());
    List<ContainerDefinition> containers = request.containerDefinitions() == null
        ? List.of()
        : request.containerDefinitions().stream().map(c -> c == null ? null : container(c, mode)).toList();
    return TaskDefinition.builder()
        .family(request.family())
        .taskRoleArn(request.taskRoleArn())
        .executionRoleArn(request.executionRoleArn())
        .networkMode(request.networkMode())
        .containerDefinitions(containers)
        .volumes(request.volumes() == null ? List.of()
            : request.volumes().stream().map(TaskDefinitionDefaults::volume).toList())
        .placementConstraints(request.placementConstraints() == null ? List.of() : request.placementConstraints())
        .requiresCompatibilities(request.requiresCompatibilities())
        .cpu(size.cpuText())
        .memory(size.memoryText())
        .pidMode(request.pidMode())
        .ipcMode(request.ipcMode())
        .proxyConfiguration(request.proxyConfiguration())
        .inferenceAccelerators(request.inferenceAccelerators())
        .ephemeralStorage(request.ephemeralStorage())
        .runtimePlatform(request.runtimePlatform())
        .enableFaultInjection(request.enableFaultInjection())
        .build();
  }

  static ContainerDefinition container(ContainerDefinition c, String networkMode) {
    ContainerDefinition.Builder b = c.toBuilder();
    if (c.cpu() == null) {
      b.cpu(0);
    }
    if (c.essential() == null) {
      b.essential(true);
    }
    if (c.environment() == null) {
      b.environment(List.of());
    }
    if (c.mountPoints() == null) {
      b.mountPoints(List.of());
    }
    if (c.volumesFrom() == null) {
      b.volumesFrom(List.of());
    }
    b.portMappings(c.portMappings() == null
        ? List.of()
        : c.portMappings().stream().map(p -> portMapping(p, networkMode)).toList());
    if (c.healthCheck() != null) {
      b.healthCheck(healthCheck(c.healthCheck()));
    }
    return b.build();
  }

  /** The Model: "Specifying / will have the same effect as omitting this parameter", and AWS shows it so. */
  static Volume volume(Volume v) {
    if (v == null || v.efsVolumeConfiguration() == null || v.efsVolumeConfiguration().rootDirectory() != null) {
      return v;
    }
    return v.toBuilder().efsVolumeConfiguration(v.efsVolumeConfiguration().toBuilder().rootDirectory("/").build())
        .build();
  }

  static PortMapping portMapping(PortMapping p, String networkMode) {
    if (p == null) {
      return null;
    }
    PortMapping.Builder b = p.toBuilder();
    if (p.protocol() == null) {
      b.protocol("tcp");
    }
    boolean hostPortOmitted = p.hostPort() == null || p.hostPort() == 0;
    // A range mapping gets its host ports at run time; the model says to leave hostPort empty for it.
    if (p.containerPort() != null && p.containerPortRange() == null && hostPortOmitted) {
      boolean sharedStack = networkMode.equals("awsvpc") || networkMode.equals("host");
      b.hostPort(sharedStack ? p.containerPort() : Integer.valueOf(0));
    }
    return b.build();
  }

  static HealthCheck healthCheck(HealthCheck h) {
    HealthCheck.Builder b = h.toBuilder();
    if (h.interval() == null) {
      b.interval(DEFAULT_HEALTH_CHECK_INTERVAL);
    }
    if (h.timeout() == null) {
      b.timeout(DEFAULT_HEALTH_CHECK_TIMEOUT);
    }
    if (h.retries() == null) {
      b.retries(DEFAULT_HEALTH_CHECK_RETRIES);
    }
    return b.build();
  }
}
