package dev.ecsemulator.scheduler.metrics;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.Task;
import java.util.List;
import java.util.Locale;

/**
 * What a task reserves, as ECS counts it for utilization: its task-level {@code cpu} (CPU units, or vCPU) and
 * {@code memory} (MiB, or GB), else the sum of its containers' {@code cpu} and {@code memoryReservation} (else
 * {@code memory}). Pure.
 */
final class Reservations {

  private Reservations() {}

  static int cpu(Task task, List<ContainerDefinition> containers) {
    Integer taskLevel = parse(task.cpu(), "vcpu", 1024);
    if (taskLevel != null) {
      return taskLevel;
    }
    return containers.stream().mapToInt(c -> c.cpu() == null ? 0 : c.cpu()).sum();
  }

  static int memory(Task task, List<ContainerDefinition> containers) {
    Integer taskLevel = parse(task.memory(), "gb", 1024);
    if (taskLevel != null) {
      return taskLevel;
    }
    return containers.stream().mapToInt(c -> c.memoryReservation() != null ? c.memoryReservation()
        : c.memory() != null ? c.memory() : 0).sum();
  }

  /** {@code "256"}, or {@code "0.25 vCPU"} / {@code "1 GB"} times {@code factor}; null when absent or unreadable. */
  static Integer parse(String value, String unit, int factor) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (text.endsWith(unit)) {
        return (int) Math.round(Double.parseDouble(text.substring(0, text.length() - unit.length()).trim()) * factor);
      }
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
