package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.error.ClientException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task-level {@code cpu} (CPU units) and {@code memory} (MiB), each null when not given. RegisterTaskDefinition
 * accepts {@code "1024"}, {@code "1 vCPU"} / {@code "0.5 vcpu"} and {@code "2048"}, {@code "2 GB"} /
 * {@code "2GB"}, and stores the integer (Model, RegisterTaskDefinitionRequest cpu and memory: "String values are
 * converted to an integer ... when the task definition is registered").
 */
public record TaskSize(Integer cpu, Integer memory) {

  /** EC2 and EXTERNAL task cpu range (Model, TaskDefinition.cpu; Guide task-cpu-memory-error.md). */
  public static final int MIN_EC2_CPU = 128;
  public static final int MAX_EC2_CPU = 196608;

  private static final Pattern VCPU = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*vcpu");
  private static final Pattern GB = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*gb");
  private static final Pattern INTEGER = Pattern.compile("\\d+");

  /**
   * Parses both values.
   *
   * @throws ClientException "Invalid 'cpu' setting for task." (or memory) for any other form, a fraction of a
   *     unit, or zero
   */
  public static TaskSize parse(String cpu, String memory) {
    return new TaskSize(units(cpu, "cpu", VCPU), units(memory, "memory", GB));
  }

  private static Integer units(String text, String parameter, Pattern scaled) {
    if (text == null) {
      return null;
    }
    String value = text.strip().toLowerCase(Locale.ROOT);
    BigDecimal amount;
    Matcher m = scaled.matcher(value);
    if (m.matches()) {
      amount = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024));
    } else if (INTEGER.matcher(value).matches()) {
      amount = new BigDecimal(value);
    } else {
      throw new ClientException(Messages.invalidTaskSetting(parameter));
    }
    try {
      int units = amount.intValueExact();
      if (units <= 0) {
        throw new ClientException(Messages.invalidTaskSetting(parameter));
      }
      return units;
    } catch (ArithmeticException e) {
      throw new ClientException(Messages.invalidTaskSetting(parameter));
    }
  }

  /**
   * Whether (cpu, memory) is a Fargate task size, per the table in Guide task-cpu-memory-error.md and the
   * Model's TaskDefinition.memory docs: 256 with 512/1024/2048; 512 with 1-4 GB; 1024 with 2-8 GB; 2048 with
   * 4-16 GB; 4096 with 8-30 GB (1 GB steps); 8192 with 16-60 GB (4 GB steps); 16384 with 32-120 GB (8 GB steps).
   */
  public static boolean isFargateSize(int cpu, int memory) {
    return switch (cpu) {
      case 256 -> memory == 512 || memory == 1024 || memory == 2048;
      case 512 -> inSteps(memory, 1024, 4096, 1024);
      case 1024 -> inSteps(memory, 2048, 8192, 1024);
      case 2048 -> inSteps(memory, 4096, 16384, 1024);
      case 4096 -> inSteps(memory, 8192, 30720, 1024);
      case 8192 -> inSteps(memory, 16384, 61440, 4096);
      case 16384 -> inSteps(memory, 32768, 122880, 8192);
      default -> false;
    };
  }

  private static boolean inSteps(int value, int min, int max, int step) {
    return value >= min && value <= max && (value - min) % step == 0;
  }

  /** Both values given and a Fargate size. */
  public boolean isFargateSize() {
    return cpu != null && memory != null && isFargateSize(cpu, memory);
  }

  public String cpuText() {
    return cpu == null ? null : cpu.toString();
  }

  public String memoryText() {
    return memory == null ? null : memory.toString();
  }
}
