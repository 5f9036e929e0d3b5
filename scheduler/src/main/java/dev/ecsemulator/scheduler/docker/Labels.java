package dev.ecsemulator.scheduler.docker;

import dev.ecsemulator.core.EmulatorInstance;
import java.util.Map;

/**
 * The labels that mark Docker resources as ours. Every container and network the emulator creates
 * carries both; an emulator only ever stops or removes resources whose instance label is its own.
 */
public final class Labels {

  public static final String MANAGED = "ecs-emulator.managed";
  public static final String INSTANCE = "ecs-emulator.instance";

  private Labels() {}

  /** The labels every resource created by {@code instance} carries. */
  public static Map<String, String> ownedBy(EmulatorInstance instance) {
    return Map.of(MANAGED, "true", INSTANCE, instance.id());
  }

  /** Docker {@code label} filters selecting exactly this instance's resources. */
  public static java.util.List<String> filterFor(EmulatorInstance instance) {
    return java.util.List.of(MANAGED + "=true", INSTANCE + "=" + instance.id());
  }
}
