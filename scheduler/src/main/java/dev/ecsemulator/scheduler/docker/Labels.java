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
  /** What a resource is for, where that matters to whoever cleans up. */
  public static final String ROLE = "ecs-emulator.role";
  /**
   * The role of the network that holds the task endpoint's address (169.254.170.2). Its owner removes it
   * itself, on a reset, and only while it serves there: another emulator's tasks may be using the address.
   */
  public static final String TASK_ENDPOINT_ROLE = "task-endpoint";

  /**
   * The data directory of the emulator that made the resource, on the task endpoint's network only: with it
   * another emulator can tell that the maker is gone (its directory is no longer locked) and clean up after it.
   */
  public static final String DATA_DIR = "ecs-emulator.data-dir";
  /** The host name of the machine the emulator that made the resource ran on; beside {@link #DATA_DIR}. */
  public static final String HOST = "ecs-emulator.host";

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
