package dev.ecsemulator.core.taskdef;

import static dev.ecsemulator.core.taskdef.Requests.request;
import static dev.ecsemulator.core.taskdef.Requests.task;
import static dev.ecsemulator.core.taskdef.Requests.withContainers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.HealthCheck;
import dev.ecsemulator.core.model.PortMapping;
import dev.ecsemulator.core.model.TaskDefinition;
import org.junit.jupiter.api.Test;

class TaskDefinitionDefaultsTest {

  @Test
  void aMinimalContainerGetsTheMembersAwsFillsIn() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(withContainers("{'name':'web','image':'busybox','memory':64}"));
    ContainerDefinition c = td.containerDefinitions().get(0);

    assertThat(c.cpu()).isZero();
    assertThat(c.essential()).isTrue();
    assertThat(c.environment()).isEmpty();
    assertThat(c.mountPoints()).isEmpty();
    assertThat(c.volumesFrom()).isEmpty();
    assertThat(c.portMappings()).isEmpty();
    assertThat(c.healthCheck()).isNull();
    assertThat(td.volumes()).isEmpty();
    assertThat(td.placementConstraints()).isEmpty();
    assertThat(td.networkMode()).isNull();
    assertThat(td.requiresCompatibilities()).isNull();
  }

  @Test
  void givenValuesAreKept() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(withContainers(
        "{'name':'web','image':'busybox','memory':64,'cpu':10,'essential':true,'environment':[{'name':'A','value':'1'}],"
            + "'portMappings':[{'containerPort':80,'hostPort':8080,'protocol':'udp','name':'http'}]}"));
    ContainerDefinition c = td.containerDefinitions().get(0);

    assertThat(c.cpu()).isEqualTo(10);
    assertThat(c.environment()).hasSize(1);
    assertThat(c.portMappings()).containsExactly(
        PortMapping.builder().containerPort(80).hostPort(8080).protocol("udp").name("http").build());
  }

  @Test
  void portMappingsGetTcpAndTheHostPortOfTheirNetworkMode() {
    String ports = "{'name':'web','image':'busybox','memory':64,'portMappings':[{'containerPort':80},{'containerPort':81,'hostPort':0}]}";

    assertThat(TaskDefinitionRegistration.prepare(withContainers(ports)).containerDefinitions().get(0).portMappings())
        .containsExactly(mapping(80, 0), mapping(81, 0));
    assertThat(TaskDefinitionRegistration.prepare(task("'networkMode':'awsvpc'", ports))
        .containerDefinitions().get(0).portMappings()).containsExactly(mapping(80, 80), mapping(81, 81));
    assertThat(TaskDefinitionRegistration.prepare(task("'networkMode':'host'", ports))
        .containerDefinitions().get(0).portMappings()).containsExactly(mapping(80, 80), mapping(81, 81));
  }

  @Test
  void aPortRangeKeepsItsHostPortEmpty() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(task("'networkMode':'awsvpc'",
        "{'name':'web','image':'busybox','memory':64,'portMappings':[{'containerPortRange':'8000-8010'}]}"));

    assertThat(td.containerDefinitions().get(0).portMappings())
        .containsExactly(PortMapping.builder().containerPortRange("8000-8010").protocol("tcp").build());
  }

  @Test
  void healthChecksGetIntervalTimeoutAndRetriesButNoStartPeriod() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(withContainers(
        "{'name':'web','image':'busybox','memory':64,'healthCheck':{'command':['CMD-SHELL','true']}}"));

    assertThat(td.containerDefinitions().get(0).healthCheck()).isEqualTo(HealthCheck.builder()
        .command(java.util.List.of("CMD-SHELL", "true")).interval(30).timeout(5).retries(3).build());
  }

  @Test
  void unitFormsAreStoredAsIntegers() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(task(
        "'requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc','cpu':'0.5 vCPU','memory':'1 GB'",
        "{'name':'web','image':'busybox'}"));

    assertThat(td.cpu()).isEqualTo("512");
    assertThat(td.memory()).isEqualTo("1024");
  }

  @Test
  void taskMembersPassThroughUnchanged() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(request("{'family':'web','taskRoleArn':'arn:aws:iam::1:role/t',"
        + "'pidMode':'task','ipcMode':'none','enableFaultInjection':true,'ephemeralStorage':{'sizeInGiB':30},"
        + "'runtimePlatform':{'cpuArchitecture':'ARM64','operatingSystemFamily':'LINUX'},"
        + "'proxyConfiguration':{'type':'APPMESH','containerName':'envoy','properties':[{'name':'AppPorts','value':'80'}]},"
        + "'containerDefinitions':[{'name':'web','image':'busybox','memory':64}]}"));

    assertThat(td.taskRoleArn()).isEqualTo("arn:aws:iam::1:role/t");
    assertThat(td.pidMode()).isEqualTo("task");
    assertThat(td.ipcMode()).isEqualTo("none");
    assertThat(td.enableFaultInjection()).isTrue();
    assertThat(td.ephemeralStorage().sizeInGiB()).isEqualTo(30);
    assertThat(td.runtimePlatform().cpuArchitecture()).isEqualTo("ARM64");
    assertThat(td.proxyConfiguration().properties()).hasSize(1);
  }

  @Test
  void anEfsVolumeWithoutRootDirectoryGetsTheRootAsAwsShowsIt() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(request("{'family':'web','volumes':["
        + "{'name':'plain','efsVolumeConfiguration':{'fileSystemId':'fs-1'}},"
        + "{'name':'ap','efsVolumeConfiguration':{'fileSystemId':'fs-1','transitEncryption':'ENABLED',"
        + "'authorizationConfig':{'accessPointId':'fsap-1','iam':'ENABLED'}}},"
        + "{'name':'sub','efsVolumeConfiguration':{'fileSystemId':'fs-1','rootDirectory':'/data'}},"
        + "{'name':'host','host':{'sourcePath':'/srv'}}],"
        + "'containerDefinitions':[{'name':'web','image':'busybox','memory':64}]}"));

    assertThat(td.volumes()).extracting(v -> v.name() + "=" + (v.efsVolumeConfiguration() == null
        ? "-" : v.efsVolumeConfiguration().rootDirectory())).containsExactly("plain=/", "ap=/", "sub=/data", "host=-");
    assertThat(td.volumes().get(1).efsVolumeConfiguration().authorizationConfig().accessPointId()).isEqualTo("fsap-1");
    assertThat(td.volumes().get(3).host().sourcePath()).isEqualTo("/srv");
  }

  private static PortMapping mapping(int containerPort, int hostPort) {
    return PortMapping.builder().containerPort(containerPort).hostPort(hostPort).protocol("tcp").build();
  }
}
