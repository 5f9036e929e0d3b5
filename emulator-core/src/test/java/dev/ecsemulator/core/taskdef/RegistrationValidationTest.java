package dev.ecsemulator.core.taskdef;

import static dev.ecsemulator.core.taskdef.Requests.request;
import static dev.ecsemulator.core.taskdef.Requests.task;
import static dev.ecsemulator.core.taskdef.Requests.withContainers;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.error.ClientException;
import dev.ecsemulator.core.model.RegisterTaskDefinitionRequest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of RegisterTaskDefinition, one row each: the request that breaks it and AWS's answer. */
class RegistrationValidationTest {

  static final String WEB = "{'name':'web','image':'busybox','memory':128}";
  static final String FARGATE = "'requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc',"
      + "'cpu':'256','memory':'512','executionRoleArn':'arn:aws:iam::000000000000:role/exec'";

  static Stream<Arguments> refused() {
    return Stream.of(
        row("family with a space", request("{'family':'my web','containerDefinitions':[" + WEB + "]}"),
            Messages.FAMILY_INVALID),
        row("family of 256 characters", request("{'family':'" + "f".repeat(256) + "','containerDefinitions':[" + WEB + "]}"),
            Messages.FAMILY_INVALID),
        row("no containers", withContainers(""), Messages.CONTAINER_LIST_EMPTY),
        row("container without name", withContainers("{'image':'busybox','memory':128}"), Messages.CONTAINER_NAME_MISSING),
        row("container with empty name", withContainers("{'name':'','image':'busybox','memory':128}"),
            Messages.CONTAINER_NAME_MISSING),
        row("container without image", withContainers("{'name':'web','memory':128}"), Messages.CONTAINER_IMAGE_MISSING),
        row("container name with a space", withContainers("{'name':'web app','image':'busybox','memory':128}"),
            Messages.invalidContainerSetting("name", "web app")),
        row("two containers of one name", withContainers(WEB + "," + WEB), Messages.duplicateContainerName("web")),
        row("secrets without an execution role", withContainers("{'name':'web','image':'busybox','memory':128,"
            + "'secrets':[{'name':'DB','valueFrom':'/db/password'}]}"), Messages.SECRETS_NEED_EXECUTION_ROLE),
        row("secrets on EC2 without an execution role", task("'requiresCompatibilities':['EC2']",
            "{'name':'web','image':'busybox','memory':128,'secrets':[{'name':'DB','valueFrom':'/db/password'}]}"),
            Messages.SECRETS_NEED_EXECUTION_ROLE),
        row("private registry credentials without an execution role", withContainers(
            "{'name':'web','image':'r.example/web:1','memory':128,"
                + "'repositoryCredentials':{'credentialsParameter':'registry/creds'}}"),
            Messages.REPOSITORY_CREDENTIALS_NEED_EXECUTION_ROLE),
        row("no memory anywhere", withContainers("{'name':'web','image':'busybox'}"), Messages.memoryRequired("web")),
        row("zero memory, no task memory", withContainers("{'name':'web','image':'busybox','memory':0}"),
            Messages.memoryRequired("web")),
        row("memory below its reservation",
            withContainers("{'name':'web','image':'busybox','memory':64,'memoryReservation':128}"),
            Messages.memoryBelowReservation("web")),
        row("negative memory", withContainers("{'name':'web','image':'busybox','memory':-1}"),
            Messages.invalidContainerSetting("memory", "web")),
        row("container memory above the task's", task("'memory':'256'", "{'name':'web','image':'busybox','memory':512}"),
            Messages.containerMemoryAboveTask("web")),
        row("reservations above the task memory", task("'memory':'256'",
            "{'name':'a','image':'busybox','memoryReservation':200},{'name':'b','image':'busybox','memoryReservation':100}"),
            Messages.RESERVATION_SUM_ABOVE_TASK),
        row("container cpu above the task's", task("'cpu':'256'",
            "{'name':'a','image':'busybox','memory':64,'cpu':200},{'name':'b','image':'busybox','memory':64,'cpu':100}"),
            Messages.CPU_SUM_ABOVE_TASK),
        row("task cpu below the EC2 range", task("'cpu':'64'", WEB), Messages.invalidTaskSetting("cpu")),
        row("task cpu above the EC2 range", task("'cpu':'200000'", WEB), Messages.invalidTaskSetting("cpu")),
        row("task cpu not a number", task("'cpu':'lots'", WEB), Messages.invalidTaskSetting("cpu")),
        row("task cpu a fraction of a unit", task("'cpu':'0.3 vCPU'", WEB), Messages.invalidTaskSetting("cpu")),
        row("task memory not a number", task("'memory':'lots'", WEB), Messages.invalidTaskSetting("memory")),
        row("task memory zero", task("'memory':'0'", WEB), Messages.invalidTaskSetting("memory")),
        row("awsvpc host port differs", task("'networkMode':'awsvpc'",
            "{'name':'web','image':'busybox','memory':64,'portMappings':[{'containerPort':80,'hostPort':8080}]}"),
            Messages.hostPortMismatch("awsvpc")),
        row("host host port differs", task("'networkMode':'host'",
            "{'name':'web','image':'busybox','memory':64,'portMappings':[{'containerPort':80,'hostPort':8080}]}"),
            Messages.hostPortMismatch("host")),
        row("port mappings in none mode", task("'networkMode':'none'",
            "{'name':'web','image':'busybox','memory':64,'portMappings':[{'containerPort':80}]}"),
            Messages.portMappingsNotSupported("none")),
        row("port mapping without container port",
            withContainers("{'name':'web','image':'busybox','memory':64,'portMappings':[{'hostPort':80}]}"),
            Messages.invalidContainerSetting("containerPort", "web")),
        row("container port above 65535",
            withContainers("{'name':'web','image':'busybox','memory':64,'portMappings':[{'containerPort':70000}]}"),
            Messages.invalidContainerSetting("containerPort", "web")),
        row("negative host port",
            withContainers("{'name':'web','image':'busybox','memory':64,'portMappings':[{'containerPort':80,'hostPort':-1}]}"),
            Messages.invalidContainerSetting("hostPort", "web")),
        row("one container port mapped twice", withContainers("{'name':'web','image':'busybox','memory':64,"
            + "'portMappings':[{'containerPort':80,'hostPort':8080},{'containerPort':80,'hostPort':8081}]}"),
            Messages.duplicatePortMapping("web", 80, "tcp")),
        row("one port in two containers of a shared stack", task("'networkMode':'awsvpc'",
            "{'name':'a','image':'busybox','memory':64,'portMappings':[{'containerPort':80}]},"
                + "{'name':'b','image':'busybox','memory':64,'portMappings':[{'containerPort':80}]}"),
            Messages.portUsedTwiceInTask(80, "tcp", "awsvpc")),
        row("port range in host mode", task("'networkMode':'host'",
            "{'name':'web','image':'busybox','memory':64,'portMappings':[{'containerPortRange':'8000-8010'}]}"),
            Messages.invalidContainerSetting("containerPortRange", "web")),
        row("port range backwards",
            withContainers("{'name':'web','image':'busybox','memory':64,'portMappings':[{'containerPortRange':'9000-8000'}]}"),
            Messages.invalidContainerSetting("containerPortRange", "web")),
        health("interval", 4, 5, 300), health("interval", 301, 5, 300),
        health("timeout", 1, 2, 60), health("timeout", 61, 2, 60),
        health("retries", 0, 1, 10), health("retries", 11, 1, 10),
        health("startPeriod", -1, 0, 300), health("startPeriod", 301, 0, 300),
        row("health check without command",
            withContainers("{'name':'web','image':'busybox','memory':64,'healthCheck':{'command':[]}}"),
            Messages.invalidContainerSetting("healthCheck", "web")),
        row("dependency on a missing container",
            withContainers("{'name':'web','image':'busybox','memory':64,'dependsOn':[{'containerName':'db','condition':'START'}]}"),
            Messages.dependencyMissing("db")),
        row("COMPLETE on an essential container", withContainers(
            "{'name':'web','image':'busybox','memory':64,'dependsOn':[{'containerName':'init','condition':'COMPLETE'}]},"
                + "{'name':'init','image':'busybox','memory':64}"),
            Messages.DEPENDENCY_ON_ESSENTIAL),
        row("SUCCESS on an essential container", withContainers(
            "{'name':'web','image':'busybox','memory':64,'dependsOn':[{'containerName':'init','condition':'SUCCESS'}]},"
                + "{'name':'init','image':'busybox','memory':64,'essential':true}"),
            Messages.DEPENDENCY_ON_ESSENTIAL),
        row("HEALTHY on a container without health check", withContainers(
            "{'name':'web','image':'busybox','memory':64,'dependsOn':[{'containerName':'db','condition':'HEALTHY'}]},"
                + "{'name':'db','image':'busybox','memory':64}"),
            Messages.DEPENDENCY_NEEDS_HEALTH_CHECK),
        row("dependencies in a cycle", withContainers(
            "{'name':'a','image':'busybox','memory':64,'dependsOn':[{'containerName':'b','condition':'START'}]},"
                + "{'name':'b','image':'busybox','memory':64,'dependsOn':[{'containerName':'a','condition':'START'}]}"),
            Messages.dependencyCycle("a")),
        row("a container depending on itself",
            withContainers("{'name':'a','image':'busybox','memory':64,'dependsOn':[{'containerName':'a','condition':'START'}]}"),
            Messages.dependencyCycle("a")),
        row("links in awsvpc mode", task("'networkMode':'awsvpc'",
            "{'name':'web','image':'busybox','memory':64,'links':['db']},{'name':'db','image':'busybox','memory':64}"),
            Messages.linksNotSupported("awsvpc")),
        row("links in host mode", task("'networkMode':'host'",
            "{'name':'web','image':'busybox','memory':64,'links':['db']},{'name':'db','image':'busybox','memory':64}"),
            Messages.linksNotSupported("host")),
        row("hostname in awsvpc mode", task("'networkMode':'awsvpc'",
            "{'name':'web','image':'busybox','memory':64,'hostname':'web'}"), Messages.HOSTNAME_NOT_SUPPORTED_AWSVPC),
        row("extraHosts in awsvpc mode", task("'networkMode':'awsvpc'",
            "{'name':'web','image':'busybox','memory':64,'extraHosts':[{'hostname':'db','ipAddress':'10.0.0.1'}]}"),
            Messages.EXTRA_HOSTS_NOT_SUPPORTED_AWSVPC),
        row("mount of an undefined volume", withContainers(
            "{'name':'web','image':'busybox','memory':64,'mountPoints':[{'sourceVolume':'data','containerPath':'/data'}]}"),
            Messages.unknownVolume("web", "data")),
        row("volumes from an undefined container",
            withContainers("{'name':'web','image':'busybox','memory':64,'volumesFrom':[{'sourceContainer':'db'}]}"),
            Messages.unknownVolumesFromSource("web", "db")),
        row("no essential container", withContainers("{'name':'web','image':'busybox','memory':64,'essential':false}"),
            Messages.NO_ESSENTIAL_CONTAINER),
        row("Fargate in bridge mode", task("'requiresCompatibilities':['FARGATE'],'cpu':'256','memory':'512'", WEB),
            Messages.FARGATE_NETWORK_MODE),
        row("Fargate without task cpu", task("'requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc','memory':'512'",
            WEB), Messages.FARGATE_CPU_REQUIRED),
        row("Fargate without task memory", task("'requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc','cpu':'256'",
            WEB), Messages.FARGATE_MEMORY_REQUIRED),
        row("Fargate size off the table", task(
            "'requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc','cpu':'1024','memory':'1024'", WEB),
            Messages.fargateSize(1024, 1024)),
        row("Fargate size off the table, unit forms", task(
            "'requiresCompatibilities':['FARGATE','EC2'],'networkMode':'awsvpc','cpu':'1 vCPU','memory':'1 GB'", WEB),
            Messages.fargateSize(1024, 1024)),
        row("Fargate with placement constraints", task(FARGATE
            + ",'placementConstraints':[{'type':'memberOf','expression':'attribute:ecs.instance-type =~ t2.*'}]", WEB),
            Messages.FARGATE_PLACEMENT_CONSTRAINTS),
        row("Fargate with ipcMode", task(FARGATE + ",'ipcMode':'task'", WEB), Messages.FARGATE_IPC_MODE),
        row("Fargate with host pidMode", task(FARGATE + ",'pidMode':'host'", WEB), Messages.fargatePidMode("host")),
        row("Fargate with a privileged container",
            task(FARGATE, "{'name':'web','image':'busybox','privileged':true}"), Messages.FARGATE_PRIVILEGED),
        row("Fargate with a host volume", request("{'family':'web'," + FARGATE
            + ",'volumes':[{'name':'data','host':{'sourcePath':'/srv/data'}}],'containerDefinitions':[" + WEB + "]}"),
            Messages.fargateUnsupported("sourcePath")),
        row("Fargate with a Docker volume", request("{'family':'web'," + FARGATE
            + ",'volumes':[{'name':'data','dockerVolumeConfiguration':{'scope':'task'}}],'containerDefinitions':["
            + WEB + "]}"), Messages.fargateUnsupported("dockerVolumeConfiguration")),
        row("Fargate adding SYS_ADMIN", task(FARGATE,
            "{'name':'web','image':'busybox','linuxParameters':{'capabilities':{'add':['SYS_PTRACE','SYS_ADMIN']}}}"),
            Messages.fargateCapability("SYS_ADMIN")),
        row("Fargate adding a CAP_-prefixed capability", task(FARGATE,
            "{'name':'web','image':'busybox','linuxParameters':{'capabilities':{'add':['CAP_NET_ADMIN']}}}"),
            Messages.fargateCapability("CAP_NET_ADMIN")),
        row("Fargate with a device", task(FARGATE, "{'name':'web','image':'busybox',"
            + "'linuxParameters':{'devices':[{'hostPath':'/dev/fuse'}]}}"), Messages.fargateUnsupported("devices")),
        row("Fargate with sharedMemorySize", task(FARGATE,
            "{'name':'web','image':'busybox','linuxParameters':{'sharedMemorySize':128}}"),
            Messages.fargateUnsupported("sharedMemorySize")),
        row("Fargate with dockerSecurityOptions", task(FARGATE,
            "{'name':'web','image':'busybox','dockerSecurityOptions':['seccomp=unconfined']}"),
            Messages.fargateUnsupported("dockerSecurityOptions")),
        row("Fargate awslogs without execution role", task(
            "'requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc','cpu':'256','memory':'512'",
            "{'name':'web','image':'busybox','logConfiguration':{'logDriver':'awslogs','options':{'awslogs-group':'g'}}}"),
            Messages.FARGATE_AWSLOGS_ROLE),
        row("Fargate awslogs without a stream prefix", task(FARGATE, "{'name':'web','image':'busybox',"
            + "'logConfiguration':{'logDriver':'awslogs','options':{'awslogs-group':'g'}}}"),
            Messages.FARGATE_AWSLOGS_PREFIX),
        row("Fargate ECR image without execution role", task(
            "'requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc','cpu':'256','memory':'512'",
            "{'name':'web','image':'123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1'}"),
            Messages.FARGATE_ECR_ROLE),
        row("Fargate with the json-file log driver",
            task(FARGATE, "{'name':'web','image':'busybox','logConfiguration':{'logDriver':'json-file'}}"),
            Messages.fargateLogDriver("json-file")));
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("memory equal to its reservation",
            withContainers("{'name':'web','image':'busybox','memory':128,'memoryReservation':128}")),
        Arguments.of("only a reservation", withContainers("{'name':'web','image':'busybox','memoryReservation':128}")),
        Arguments.of("task memory only", task("'memory':'512'", "{'name':'web','image':'busybox'}")),
        Arguments.of("zero container memory within task memory",
            task("'memory':'512'", "{'name':'web','image':'busybox','memory':0}")),
        Arguments.of("awsvpc host port omitted", task("'networkMode':'awsvpc'",
            "{'name':'web','image':'busybox','memory':64,'portMappings':[{'containerPort':80}]}")),
        Arguments.of("awsvpc host port equal", task("'networkMode':'awsvpc'",
            "{'name':'web','image':'busybox','memory':64,'portMappings':[{'containerPort':80,'hostPort':80}]}")),
        Arguments.of("bridge ports on two containers", withContainers(
            "{'name':'a','image':'busybox','memory':64,'portMappings':[{'containerPort':80}]},"
                + "{'name':'b','image':'busybox','memory':64,'portMappings':[{'containerPort':80}]}")),
        Arguments.of("one port for tcp and udp", withContainers("{'name':'web','image':'busybox','memory':64,"
            + "'portMappings':[{'containerPort':53,'protocol':'tcp'},{'containerPort':53,'protocol':'udp'}]}")),
        Arguments.of("a port range in bridge mode",
            withContainers("{'name':'web','image':'busybox','memory':64,'portMappings':[{'containerPortRange':'8000-8010'}]}")),
        Arguments.of("Fargate with unit forms", task(
            "'requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc','cpu':'1 vCPU','memory':'2 GB'", WEB)),
        Arguments.of("Fargate adding SYS_PTRACE, in either spelling, and dropping others", task(FARGATE,
            "{'name':'web','image':'busybox','linuxParameters':{'capabilities':"
                + "{'add':['SYS_PTRACE','cap_sys_ptrace'],'drop':['NET_RAW']}}}")),
        Arguments.of("Fargate with tmpfs (supported since 2026-01)", task(FARGATE,
            "{'name':'web','image':'busybox','linuxParameters':{'tmpfs':[{'containerPath':'/scratch','size':64}]}}")),
        Arguments.of("Fargate with an empty host volume (task storage)", request("{'family':'web'," + FARGATE
            + ",'volumes':[{'name':'scratch','host':{}}],'containerDefinitions':[{'name':'web','image':'busybox',"
            + "'memory':128,'mountPoints':[{'sourceVolume':'scratch','containerPath':'/scratch'}]}]}")),
        Arguments.of("Fargate quarter vCPU, half GB", task(
            "'requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc','cpu':'0.25 vcpu','memory':'0.5GB'", WEB)),
        Arguments.of("links in bridge mode",
            withContainers("{'name':'web','image':'busybox','memory':64,'links':['db:database']},"
                + "{'name':'db','image':'busybox','memory':64}")),
        Arguments.of("health check at the limits", withContainers("{'name':'web','image':'busybox','memory':64,"
            + "'healthCheck':{'command':['CMD','true'],'interval':5,'timeout':60,'retries':10,'startPeriod':300}}")),
        Arguments.of("COMPLETE on a non-essential container", withContainers(
            "{'name':'web','image':'busybox','memory':64,'dependsOn':[{'containerName':'init','condition':'COMPLETE'}]},"
                + "{'name':'init','image':'busybox','memory':64,'essential':false}")),
        Arguments.of("HEALTHY on a container with a health check", withContainers(
            "{'name':'web','image':'busybox','memory':64,'dependsOn':[{'containerName':'db','condition':'HEALTHY'}]},"
                + "{'name':'db','image':'busybox','memory':64,'healthCheck':{'command':['CMD','true']}}")),
        Arguments.of("a mount of a defined volume", request("{'family':'web','volumes':[{'name':'data'}],"
            + "'containerDefinitions':[{'name':'web','image':'busybox','memory':64,"
            + "'mountPoints':[{'sourceVolume':'data','containerPath':'/data'}]}]}")),
        Arguments.of("secrets and registry credentials with an execution role", task(
            "'executionRoleArn':'arn:aws:iam::000000000000:role/exec'", "{'name':'web','image':'r.example/web:1',"
                + "'memory':128,'secrets':[{'name':'DB','valueFrom':'/db/password'}],"
                + "'repositoryCredentials':{'credentialsParameter':'registry/creds'}}")),
        Arguments.of("log secret options without an execution role (not checked: unverified)", withContainers(
            "{'name':'web','image':'busybox','memory':128,'logConfiguration':{'logDriver':'splunk',"
                + "'secretOptions':[{'name':'splunk-token','valueFrom':'/splunk/token'}]}}")),
        Arguments.of("one essential among non-essential", withContainers(
            "{'name':'a','image':'busybox','memory':64,'essential':false},{'name':'b','image':'busybox','memory':64}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesWithAwsMessage(String rule, RegisterTaskDefinitionRequest request, String message) {
    assertThatThrownBy(() -> TaskDefinitionRegistration.prepare(request))
        .isInstanceOf(ClientException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void accepts(String rule, RegisterTaskDefinitionRequest request) {
    assertThatCode(() -> TaskDefinitionRegistration.prepare(request)).doesNotThrowAnyException();
  }

  private static Arguments row(String rule, RegisterTaskDefinitionRequest request, String message) {
    return Arguments.of(rule, request, message);
  }

  private static Arguments health(String field, int value, int min, int max) {
    return row("health check " + field + " " + value, withContainers("{'name':'web','image':'busybox','memory':64,"
            + "'healthCheck':{'command':['CMD','true'],'" + field + "':" + value + "}}"),
        Messages.healthCheckOutOfRange("web", field, min, max));
  }
}
