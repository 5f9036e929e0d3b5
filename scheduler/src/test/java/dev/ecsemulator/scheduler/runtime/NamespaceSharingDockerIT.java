package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.TaskDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * pidMode and ipcMode on the real engine, observed from inside the containers ({@code /proc/self/ns/*}):
 * {@code task} puts the task's containers in the sandbox's process and IPC namespaces, as the agent's namespace
 * pause container does; {@code host} in the host's; {@code none} leaves a container without shared memory.
 */
class NamespaceSharingDockerIT {

  static final DockerHarness harness = new DockerHarness();
  final DockerContainerRuntime runtime = harness.runtime;

  @AfterEach
  void removeContainers() {
    harness.removeContainersAndVolumes();
  }

  @AfterAll
  static void close() {
    harness.close();
  }

  /** Runs the task's containers, in its sandbox when it needs one; returns their IDs by definition order. */
  List<String> launch(TaskDefinition definition, LaunchContext context) {
    LaunchContext running = harness.factory.sandbox(definition, null, context)
        .map(spec -> context.withSandbox(runtime.createSandbox(spec))).orElse(context);
    List<String> ids = new ArrayList<>();
    for (ContainerDefinition container : definition.containerDefinitions()) {
      String id = runtime.createContainer(harness.factory.container(definition, container, null, running));
      runtime.startContainer(id);
      ids.add(id);
    }
    return ids;
  }

  String namespace(String containerId, String kind) {
    return harness.exec(containerId, "readlink", "/proc/self/ns/" + kind).trim();
  }

  @Test
  void taskModesShareTheSandboxsProcessAndIpcNamespaces() {
    TaskDefinition shared = Fixtures.task("bridge", Fixtures.container("a").build(), Fixtures.container("b").build())
        .toBuilder().pidMode("task").ipcMode("task").build();
    TaskDefinition alone = Fixtures.task("bridge", Fixtures.container("c").build());

    List<String> ids = launch(shared, harness.context("EC2"));
    String other = launch(alone, harness.context("EC2")).get(0);

    String a = ids.get(0);
    String b = ids.get(1);
    assertThat(namespace(a, "pid")).startsWith("pid:[").isEqualTo(namespace(b, "pid")).isNotEqualTo(namespace(other, "pid"));
    assertThat(namespace(a, "ipc")).startsWith("ipc:[").isEqualTo(namespace(b, "ipc")).isNotEqualTo(namespace(other, "ipc"));
    // PID 1 of the shared namespace is the sandbox's pause program, as in a task of the agent.
    assertThat(harness.exec(a, "cat", "/proc/1/cmdline")).startsWith("/pause");
    String sandbox = harness.inspect(a).getHostConfig().getPidMode().substring("container:".length());
    assertThat(harness.inspect(a).getHostConfig().getIpcMode()).isEqualTo("container:" + sandbox);
    assertThat(harness.inspect(sandbox).getHostConfig().getIpcMode()).isEqualTo("shareable");
    assertThat(harness.inspect(sandbox).getConfig().getLabels()).containsEntry(AgentLabels.TASK_ARN,
        harness.inspect(a).getConfig().getLabels().get(AgentLabels.TASK_ARN));
  }

  @Test
  void hostModesShareTheHostsNamespaces() throws IOException {
    TaskDefinition host = Fixtures.task("bridge", Fixtures.container("a").build()).toBuilder()
        .pidMode("host").ipcMode("host").build();

    String a = launch(host, harness.context("EC2")).get(0);

    assertThat(harness.inspect(a).getHostConfig().getPidMode()).isEqualTo("host");
    assertThat(harness.inspect(a).getHostConfig().getIpcMode()).isEqualTo("host");
    // The engine runs on this machine (the runtime tests bind its paths too): its host namespaces are ours.
    assertThat(namespace(a, "pid")).isEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString());
    assertThat(namespace(a, "ipc")).isEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/ipc")).toString());
  }

  @Test
  void ipcModeNoneLeavesAContainerWithoutSharedMemory() {
    TaskDefinition none = Fixtures.task("bridge", Fixtures.container("a").build()).toBuilder().ipcMode("none").build();

    String a = launch(none, harness.context("EC2")).get(0);

    assertThat(harness.inspect(a).getHostConfig().getIpcMode()).isEqualTo("none");
    assertThat(harness.exec(a, "sh", "-c", "grep -c ' /dev/shm ' /proc/mounts || true").trim()).isEqualTo("0");
  }
}
