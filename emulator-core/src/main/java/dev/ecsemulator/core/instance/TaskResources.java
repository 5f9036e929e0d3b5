package dev.ecsemulator.core.instance;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.ContainerOverride;
import dev.ecsemulator.core.model.PortMapping;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.TaskOverride;
import dev.ecsemulator.core.taskdef.TaskSize;
import java.util.ArrayList;
import java.util.List;

/**
 * What one task takes from a container instance, as ECS's EC2 placement counts it: the task-level cpu and
 * memory when set, else the sum over its containers (memory: the hard limit, else the reservation), and
 * the static host ports it binds (bridge and host modes; awsvpc tasks bind none on the instance).
 */
public record TaskResources(int cpu, int memory, List<Integer> tcpPorts, List<Integer> udpPorts) {

  public static TaskResources of(TaskDefinition definition, TaskOverride overrides) {
    String taskCpu = overrides != null && overrides.cpu() != null ? overrides.cpu() : definition.cpu();
    String taskMemory = overrides != null && overrides.memory() != null ? overrides.memory() : definition.memory();
    int cpu = 0;
    int memory = 0;
    List<Integer> tcp = new ArrayList<>();
    List<Integer> udp = new ArrayList<>();
    String mode = definition.networkMode() == null ? "bridge" : definition.networkMode();
    for (ContainerDefinition cd : definition.containerDefinitions()) {
      ContainerOverride o = overrideFor(overrides, cd.name());
      Integer c = o != null && o.cpu() != null ? o.cpu() : cd.cpu();
      Integer m = o != null && o.memory() != null ? o.memory() : cd.memory();
      Integer r = o != null && o.memoryReservation() != null ? o.memoryReservation() : cd.memoryReservation();
      cpu += c == null ? 0 : c;
      memory += m != null ? m : r != null ? r : 0;
      if (cd.portMappings() != null && !mode.equals("awsvpc") && !mode.equals("none")) {
        for (PortMapping pm : cd.portMappings()) {
          Integer host = mode.equals("host") ? pm.containerPort() : pm.hostPort();
          if (host != null && host > 0) {
            ("udp".equals(pm.protocol()) ? udp : tcp).add(host);
          }
        }
      }
    }
    TaskSize size = TaskSize.parse(taskCpu, taskMemory);
    return new TaskResources(
        size.cpu() != null ? size.cpu() : cpu,
        size.memory() != null ? size.memory() : memory,
        List.copyOf(tcp), List.copyOf(udp));
  }

  public static TaskResources of(Task task, TaskDefinition definition) {
    return of(definition, task.overrides());
  }

  private static ContainerOverride overrideFor(TaskOverride overrides, String name) {
    if (overrides == null || overrides.containerOverrides() == null) {
      return null;
    }
    return overrides.containerOverrides().stream().filter(o -> name.equals(o.name())).findFirst().orElse(null);
  }
}
