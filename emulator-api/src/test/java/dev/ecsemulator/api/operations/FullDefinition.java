package dev.ecsemulator.api.operations;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * A task definition that sets every member of the TaskDefinition and ContainerDefinition shapes and of their
 * nested shapes, including the ones AWS would otherwise default, so that its description must equal it.
 */
final class FullDefinition {

  private FullDefinition() {}

  static RegisterTaskDefinitionRequest request() {
    return RegisterTaskDefinitionRequest.builder()
        .family("everything")
        .taskRoleArn("arn:aws:iam::000000000000:role/app")
        .executionRoleArn("arn:aws:iam::000000000000:role/ecsTaskExecutionRole")
        .networkMode("bridge")
        .containerDefinitions(web(), logRouter())
        .volumes(
            Volume.builder().name("host-data").host(h -> h.sourcePath("/srv/data")).build(),
            Volume.builder().name("docker-data").dockerVolumeConfiguration(d -> d.scope("shared").autoprovision(true)
                .driver("local").driverOpts(Map.of("type", "tmpfs")).labels(Map.of("team", "core"))).build(),
            Volume.builder().name("efs-data").efsVolumeConfiguration(e -> e.fileSystemId("fs-12345678")
                .rootDirectory("/export").transitEncryption("ENABLED").transitEncryptionPort(2049)
                .authorizationConfig(a -> a.accessPointId("fsap-1234").iam("ENABLED"))).build(),
            Volume.builder().name("ebs-data").configuredAtLaunch(true).build())
        .placementConstraints(p -> p.type("memberOf").expression("attribute:ecs.instance-type =~ t3.*"))
        .requiresCompatibilitiesWithStrings("EC2")
        .cpu("1024")
        .memory("2048")
        .pidMode("task")
        .ipcMode("host")
        .proxyConfiguration(p -> p.type("APPMESH").containerName("web")
            .properties(KeyValuePair.builder().name("AppPorts").value("8080").build()))
        .inferenceAccelerators(i -> i.deviceName("device1").deviceType("eia2.medium"))
        .ephemeralStorage(e -> e.sizeInGiB(30))
        .runtimePlatform(r -> r.cpuArchitecture("X86_64").operatingSystemFamily("LINUX"))
        .enableFaultInjection(true)
        .build();
  }

  private static ContainerDefinition web() {
    return ContainerDefinition.builder()
        .name("web")
        .image("ecs-emulator/sample-web:1")
        .repositoryCredentials(r -> r.credentialsParameter("arn:aws:secretsmanager:us-east-1:000000000000:secret:hub"))
        .cpu(512)
        .memory(1024)
        .memoryReservation(512)
        .links("log-router:router")
        .portMappings(
            p -> p.containerPort(8080).hostPort(8080).protocol("tcp").name("http").appProtocol("http"),
            p -> p.containerPortRange("9000-9010").protocol("udp"))
        .essential(true)
        .restartPolicy(r -> r.enabled(true).ignoredExitCodes(0).restartAttemptPeriod(60))
        .entryPoint("/bin/sh", "-c")
        .command("httpd -f -p 8080")
        .environment(KeyValuePair.builder().name("LOG_LEVEL").value("info").build())
        .environmentFiles(f -> f.type("s3").value("arn:aws:s3:::bucket/web.env"))
        .mountPoints(m -> m.sourceVolume("host-data").containerPath("/data").readOnly(true))
        .volumesFrom(v -> v.sourceContainer("log-router").readOnly(false))
        .linuxParameters(l -> l
            .capabilities(c -> c.add("NET_ADMIN").drop("MKNOD"))
            .devices(d -> d.hostPath("/dev/fuse").containerPath("/dev/fuse").permissionsWithStrings("read", "write"))
            .initProcessEnabled(true)
            .sharedMemorySize(64)
            .tmpfs(t -> t.containerPath("/tmp").size(64).mountOptions("rw", "noexec"))
            .maxSwap(0)
            .swappiness(10))
        .secrets(s -> s.name("DB_PASSWORD").valueFrom("arn:aws:ssm:us-east-1:000000000000:parameter/db"))
        .dependsOn(d -> d.containerName("log-router").condition("START"))
        .startTimeout(60)
        .stopTimeout(30)
        .versionConsistency("disabled")
        .hostname("web")
        .user("1000:1000")
        .workingDirectory("/srv")
        .disableNetworking(false)
        .privileged(false)
        .readonlyRootFilesystem(true)
        .dnsServers("10.0.0.2")
        .dnsSearchDomains("internal")
        .extraHosts(h -> h.hostname("db").ipAddress("10.0.0.10"))
        .dockerSecurityOptions("no-new-privileges")
        .interactive(false)
        .pseudoTerminal(false)
        .dockerLabels(Map.of("team", "core", "tier", "web"))
        .ulimits(u -> u.name("nofile").softLimit(1024).hardLimit(4096))
        .logConfiguration(l -> l.logDriver("awsfirelens").options(Map.of("Name", "cloudwatch"))
            .secretOptions(s -> s.name("apikey").valueFrom("arn:aws:ssm:us-east-1:000000000000:parameter/key")))
        .healthCheck(h -> h.command("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1")
            .interval(10).timeout(3).retries(2).startPeriod(5))
        .systemControls(s -> s.namespace("net.core.somaxconn").value("1024"))
        .resourceRequirements(r -> r.type("GPU").value("1"))
        .credentialSpecs("credentialspec:arn:aws:s3:::bucket/spec.json")
        .build();
  }

  private static ContainerDefinition logRouter() {
    return ContainerDefinition.builder()
        .name("log-router")
        .image("amazon/aws-for-fluent-bit:stable")
        .cpu(64)
        .memory(128)
        .essential(false)
        .environment(List.of())
        .portMappings(List.of())
        .mountPoints(List.of())
        .volumesFrom(List.of())
        .firelensConfiguration(f -> f.type("fluentbit").options(Map.of("enable-ecs-log-metadata", "true")))
        .build();
  }
}
