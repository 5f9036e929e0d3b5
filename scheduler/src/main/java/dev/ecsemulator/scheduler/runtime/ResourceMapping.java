package dev.ecsemulator.scheduler.runtime;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.ContainerOverride;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.TaskOverride;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU and memory arithmetic of the ECS agent, and the choice of how task-level limits are enforced.
 * Pure functions.
 */
public final class ResourceMapping {

  /** Agent {@code dockerCPUShares}: Docker would read 0 as 1024, so the agent sends at least 2. */
  public static final int MIN_CPU_SHARES = 2;
  /** Agent {@code dockerCPUShares}: the kernel's maximum. */
  public static final int MAX_CPU_SHARES = 262_144;
  /** Agent {@code DockerContainerMinimumMemoryInBytes} on Linux. */
  public static final long MIN_MEMORY_BYTES = 4L * 1024 * 1024;
  /** Agent {@code defaultCPUPeriod}: 100 ms, in microseconds. */
  public static final long CPU_PERIOD_MICROS = 100_000;

  static final long MIB = 1024L * 1024;
  private static final Pattern VCPU = Pattern.compile("(?i)\\s*([0-9.]+)\\s*vcpus?\\s*");
  private static final Pattern GB = Pattern.compile("(?i)\\s*([0-9.]+)\\s*gb\\s*");

  private ResourceMapping() {}

  /**
   * {@code cpu} → {@code CpuShares}: null, 0 and 1 become 2; above 262144 becomes 262144 (agent
   * {@code dockerCPUShares}).
   */
  public static int cpuShares(Integer cpu) {
    if (cpu == null || cpu < MIN_CPU_SHARES) {
      return MIN_CPU_SHARES;
    }
    return Math.min(cpu, MAX_CPU_SHARES);
  }

  /** {@code memory} (MiB) → bytes, at least 4 MiB; null or 0 means no limit (null). */
  public static Long memoryBytes(Integer mib) {
    if (mib == null || mib <= 0) {
      return null;
    }
    return Math.max(mib * MIB, MIN_MEMORY_BYTES);
  }

  /** {@code memoryReservation} (MiB) → bytes; null or 0 means none. */
  public static Long reservationBytes(Integer mib) {
    return mib == null || mib <= 0 ? null : mib * MIB;
  }

  /** CFS quota for {@code cpuUnits} (1024 = one vCPU) over a 100 ms period: {@code cpu/1024 × period}. */
  public static long cpuQuotaMicros(int cpuUnits) {
    return cpuUnits * CPU_PERIOD_MICROS / 1024;
  }

  /**
   * A task-level {@code cpu} string in CPU units: {@code "1024"} or {@code "1 vCPU"} / {@code "0.5 vcpu"}
   * (RegisterTaskDefinition accepts both and stores units). Null or blank: null.
   */
  public static Integer parseTaskCpu(String cpu) {
    if (cpu == null || cpu.isBlank()) {
      return null;
    }
    Matcher vcpu = VCPU.matcher(cpu);
    if (vcpu.matches()) {
      return (int) Math.round(Double.parseDouble(vcpu.group(1)) * 1024);
    }
    return Integer.valueOf(cpu.trim());
  }

  /** A task-level {@code memory} string in MiB: {@code "512"} or {@code "1 GB"}. Null or blank: null. */
  public static Integer parseTaskMemory(String memory) {
    if (memory == null || memory.isBlank()) {
      return null;
    }
    Matcher gb = GB.matcher(memory);
    if (gb.matches()) {
      return (int) Math.round(Double.parseDouble(gb.group(1)) * 1024);
    }
    return Integer.valueOf(memory.trim().toLowerCase(Locale.ROOT));
  }

  /** The task's limits: the override's {@code cpu}/{@code memory} if given, else the definition's. */
  public static TaskLimits taskLimits(TaskDefinition definition, TaskOverride overrides) {
    String cpu = overrides != null && overrides.cpu() != null ? overrides.cpu() : definition.cpu();
    String memory = overrides != null && overrides.memory() != null ? overrides.memory() : definition.memory();
    return new TaskLimits(parseTaskCpu(cpu), parseTaskMemory(memory));
  }

  /**
   * The container's own resources after its override, before any task-level adjustment.
   */
  public static ContainerLimits containerLimits(ContainerDefinition definition, ContainerOverride override) {
    Integer cpu = override != null && override.cpu() != null ? override.cpu() : definition.cpu();
    Integer memory = override != null && override.memory() != null ? override.memory() : definition.memory();
    Integer reservation = override != null && override.memoryReservation() != null
        ? override.memoryReservation() : definition.memoryReservation();
    return new ContainerLimits(cpu, memory, reservation);
  }

  /**
   * How a task's limits reach the kernel.
   *
   * <ul>
   *   <li>{@link Enforcement#NONE}: the task has neither {@code cpu} nor {@code memory}.
   *   <li>{@link Enforcement#SHARED_CGROUP}: one cgroup holds the task's limits and every container is
   *       created under it, as the agent's task cgroup does: the containers' sum cannot pass the task's.
   *       Used when the engine allows nesting and the task has a sandbox anyway (awsvpc) or several
   *       containers.
   *   <li>{@link Enforcement#PER_CONTAINER}: each container gets the task's limits as its own (capped):
   *       exact for a single container, an over-approximation of the sum otherwise.
   * </ul>
   */
  public static Enforcement enforcement(TaskLimits task, int containerCount, boolean awsvpc,
      boolean taskCgroups) {
    if (!task.any()) {
      return Enforcement.NONE;
    }
    if (taskCgroups && (awsvpc || containerCount > 1)) {
      return Enforcement.SHARED_CGROUP;
    }
    return Enforcement.PER_CONTAINER;
  }

  public enum Enforcement { NONE, SHARED_CGROUP, PER_CONTAINER }

  /** Task-level limits: CPU units (1024 = 1 vCPU) and MiB; either may be null. */
  public record TaskLimits(Integer cpuUnits, Integer memoryMiB) {

    public boolean any() {
      return cpuUnits != null || memoryMiB != null;
    }
  }

  /** A container's {@code cpu}, {@code memory} and {@code memoryReservation} after overrides. */
  public record ContainerLimits(Integer cpu, Integer memoryMiB, Integer memoryReservationMiB) {}
}
