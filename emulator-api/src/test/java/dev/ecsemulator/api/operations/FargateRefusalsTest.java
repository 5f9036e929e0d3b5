package dev.ecsemulator.api.operations;

import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * What Fargate refuses, through the AWS SDK: RegisterTaskDefinition with requiresCompatibilities FARGATE answers
 * ClientException with AWS's words; without it the definition registers, leaves FARGATE out of
 * {@code compatibilities}, and Fargate launches of it are refused.
 */
class FargateRefusalsTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final EcsClient ecs = EMULATOR.client();

  static RegisterTaskDefinitionRequest fargate(String family, Consumer<RegisterTaskDefinitionRequest.Builder> task,
      Consumer<ContainerDefinition.Builder> container) {
    ContainerDefinition.Builder app = ContainerDefinition.builder().name("app").image("ecs-emulator/sample-web:1");
    container.accept(app);
    RegisterTaskDefinitionRequest.Builder b = RegisterTaskDefinitionRequest.builder().family(family)
        .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512").containerDefinitions(app.build());
    task.accept(b);
    return b.build();
  }

  static RegisterTaskDefinitionRequest requiringFargate(Consumer<RegisterTaskDefinitionRequest.Builder> task,
      Consumer<ContainerDefinition.Builder> container) {
    return fargate("fg", task.andThen(b -> b.requiresCompatibilities(Compatibility.FARGATE)), container);
  }

  static void refused(RegisterTaskDefinitionRequest request, String message) {
    assertAwsError(() -> ecs.registerTaskDefinition(request), ClientException.class, message);
  }

  @Test
  void aFargateDefinitionRefusesWhatFargateRefuses() {
    refused(requiringFargate(t -> {}, c -> c.privileged(true)), "Fargate requires that the 'privileged' setting be 'false'");
    refused(requiringFargate(t -> {}, c -> c.linuxParameters(l -> l.capabilities(k -> k.add("SYS_PTRACE", "NET_ADMIN")))),
        "NET_ADMIN is not allowed on Fargate.");
    refused(requiringFargate(t -> {}, c -> c.linuxParameters(l -> l.devices(d -> d.hostPath("/dev/fuse")))),
        "Fargate compatible task definitions do not support devices");
    refused(requiringFargate(t -> {}, c -> c.linuxParameters(l -> l.sharedMemorySize(64))),
        "Fargate compatible task definitions do not support sharedMemorySize");
    refused(requiringFargate(t -> {}, c -> c.dockerSecurityOptions("seccomp=unconfined")),
        "Fargate compatible task definitions do not support dockerSecurityOptions");
    refused(requiringFargate(t -> t.volumes(Volume.builder().name("sock")
            .host(h -> h.sourcePath("/var/run/docker.sock")).build()), c -> {}),
        "Fargate compatible task definitions do not support sourcePath");
    refused(requiringFargate(t -> t.volumes(Volume.builder().name("etc").dockerVolumeConfiguration(d -> d
            .scope("task").driver("local").driverOpts(Map.of("type", "none", "o", "bind", "device", "/etc"))).build()),
            c -> {}),
        "Fargate compatible task definitions do not support dockerVolumeConfiguration");
    refused(requiringFargate(t -> t.pidMode("host"), c -> {}),
        "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.");
    refused(requiringFargate(t -> t.ipcMode("host"), c -> {}), "Tasks using the Fargate launch type do not support ipcMode.");
  }

  @Test
  void whatFargateAllowsRegisters() {
    var td = ecs.registerTaskDefinition(requiringFargate(t -> t.pidMode("task"), c -> c
        .linuxParameters(l -> l.capabilities(k -> k.add("SYS_PTRACE").drop("NET_RAW"))
            .tmpfs(f -> f.containerPath("/scratch").size(16))))).taskDefinition();

    assertThat(td.compatibilitiesAsStrings()).contains("FARGATE");
  }

  @Test
  void withoutRequiringFargateItRegistersButCannotBeLaunchedOnFargate() {
    var td = ecs.registerTaskDefinition(fargate("ec2-only", t -> {}, c -> c.privileged(true))).taskDefinition();
    assertThat(td.compatibilitiesAsStrings()).containsExactly("EC2", "MANAGED_INSTANCES");
    ecs.createCluster(b -> b.clusterName("default"));

    assertAwsError(() -> ecs.runTask(b -> b.taskDefinition("ec2-only").launchType(LaunchType.FARGATE)
            .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))),
        ClientException.class, "Task definition does not support launch_type FARGATE.");
    assertAwsError(() -> ecs.createService(b -> b.serviceName("s").taskDefinition("ec2-only").desiredCount(1)
            .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))),
        InvalidParameterException.class, "Task definition does not support launch_type FARGATE.");
  }
}
