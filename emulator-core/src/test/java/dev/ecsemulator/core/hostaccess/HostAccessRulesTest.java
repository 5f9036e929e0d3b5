package dev.ecsemulator.core.hostaccess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ecsemulator.core.json.EcsJson;
import dev.ecsemulator.core.model.TaskDefinition;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What in a task definition is host-level access, one row each; and what is not. */
class HostAccessRulesTest {

  static final HostPathPolicy PATHS = HostPathPolicy.lexical("/home/dev", List.of("/tmp"), List.of("/var/run/docker.sock"));

  /** A definition in compact JSON, single quotes for double quotes. */
  static TaskDefinition definition(String singleQuotedJson) {
    try {
      return EcsJson.mapper().readValue(singleQuotedJson.replace('\'', '"'), TaskDefinition.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(singleQuotedJson, e);
    }
  }

  static TaskDefinition container(String containerMembers) {
    return definition("{'family':'web','containerDefinitions':[{'name':'app','image':'busybox'," + containerMembers + "}]}");
  }

  static TaskDefinition mounting(String volumeJson) {
    return definition("{'family':'web','volumes':[" + volumeJson + "],'containerDefinitions':[{'name':'app',"
        + "'image':'busybox','mountPoints':[{'sourceVolume':'v','containerPath':'/v'}]}]}");
  }

  static Stream<Arguments> uses() {
    return Stream.of(
        Arguments.of(definition("{'family':'web','pidMode':'host','containerDefinitions':[{'name':'app','image':'b'}]}"),
            null, "pidMode host shares the host's process namespace"),
        Arguments.of(definition("{'family':'web','ipcMode':'host','containerDefinitions':[{'name':'app','image':'b'}]}"),
            null, "ipcMode host shares the host's IPC namespace"),
        Arguments.of(mounting("{'name':'v','host':{'sourcePath':'/var/run/docker.sock'}}"), null,
            "volume 'v' binds the host path /var/run/docker.sock"),
        Arguments.of(mounting("{'name':'v','host':{'sourcePath':'/'}}"), null, "volume 'v' binds the host path /"),
        Arguments.of(mounting("{'name':'v','dockerVolumeConfiguration':{'driver':'local','scope':'task',"
            + "'driverOpts':{'type':'none','o':'bind','device':'/etc'}}}"), null,
            "volume 'v' binds the host path /etc through its driver options"),
        Arguments.of(definition("{'family':'web','volumes':[{'name':'v','dockerVolumeConfiguration':{'scope':'shared',"
            + "'autoprovision':true,'driverOpts':{'type':'ext4','device':'/dev/sda1'}}}],"
            + "'containerDefinitions':[{'name':'app','image':'b'}]}"), null,
            "volume 'v' binds the host path /dev/sda1 through its driver options"),
        Arguments.of(container("'privileged':true"), "app", "container 'app' is privileged"),
        Arguments.of(container("'linuxParameters':{'capabilities':{'add':['SYS_PTRACE','SYS_ADMIN']}}"), "app",
            "container 'app' adds the Linux capability SYS_ADMIN"),
        Arguments.of(container("'linuxParameters':{'capabilities':{'add':['ALL']}}"), "app",
            "container 'app' adds the Linux capability ALL"),
        Arguments.of(container("'linuxParameters':{'devices':[{'hostPath':'/dev/fuse'}]}"), "app",
            "container 'app' maps the host device /dev/fuse"),
        Arguments.of(container("'dockerSecurityOptions':['no-new-privileges','seccomp=unconfined']"), "app",
            "container 'app' sets the security option seccomp=unconfined"),
        Arguments.of(container("'dockerSecurityOptions':['apparmor:unconfined']"), "app",
            "container 'app' sets the security option apparmor:unconfined"),
        Arguments.of(container("'dockerSecurityOptions':['label:disable']"), "app",
            "container 'app' sets the security option label:disable"));
  }

  @ParameterizedTest
  @MethodSource("uses")
  void eachOfTheseIsHostAccess(TaskDefinition definition, String container, String description) {
    assertThat(HostAccessRules.firstUse(definition, PATHS)).contains(new HostAccessUse(container, description));
  }

  static Stream<TaskDefinition> confined() {
    return Stream.of(
        definition("{'family':'web','pidMode':'task','ipcMode':'task','networkMode':'host',"
            + "'containerDefinitions':[{'name':'app','image':'b'}]}"),
        definition("{'family':'web','ipcMode':'none','containerDefinitions':[{'name':'app','image':'b'}]}"),
        mounting("{'name':'v','host':{'sourcePath':'/home/dev/project'}}"),
        mounting("{'name':'v','host':{'sourcePath':'/tmp/scratch'}}"),
        mounting("{'name':'v','host':{}}"),
        mounting("{'name':'v','dockerVolumeConfiguration':{'scope':'task','driver':'local'}}"),
        mounting("{'name':'v','dockerVolumeConfiguration':{'scope':'task','driver':'local',"
            + "'driverOpts':{'type':'none','o':'bind','device':'/home/dev/data'}}}"),
        mounting("{'name':'v','dockerVolumeConfiguration':{'scope':'task','driver':'local',"
            + "'driverOpts':{'type':'nfs','o':'addr=10.0.0.1','device':':/export'}}}"),
        mounting("{'name':'v','dockerVolumeConfiguration':{'scope':'task','driver':'local',"
            + "'driverOpts':{'type':'tmpfs','device':'tmpfs','o':'size=64m'}}}"),
        // Declared but mounted by no container: never bound.
        definition("{'family':'web','volumes':[{'name':'v','host':{'sourcePath':'/etc'}}],"
            + "'containerDefinitions':[{'name':'app','image':'b'}]}"),
        container("'privileged':false,'linuxParameters':{'capabilities':{'add':['SYS_PTRACE','CAP_SYS_PTRACE'],"
            + "'drop':['ALL']},'tmpfs':[{'containerPath':'/t','size':8}],'sharedMemorySize':64,'initProcessEnabled':true}"),
        container("'dockerSecurityOptions':['no-new-privileges','NO-NEW-PRIVILEGES:true']"),
        container("'systemControls':[{'namespace':'net.core.somaxconn','value':'1024'}]"));
  }

  @ParameterizedTest
  @MethodSource("confined")
  void theseStayInsideTheirContainers(TaskDefinition definition) {
    assertThat(HostAccessRules.firstUse(definition, PATHS)).isEmpty();
  }

  @Test
  void theTaskLevelIsReportedBeforeContainers() {
    TaskDefinition both = definition("{'family':'web','pidMode':'host',"
        + "'containerDefinitions':[{'name':'app','image':'b','privileged':true}]}");

    Optional<HostAccessUse> first = HostAccessRules.firstUse(both, PATHS);

    assertThat(first).map(HostAccessUse::containerName).isEmpty();
  }
}
