package dev.ecsemulator.core.instance;

import dev.ecsemulator.core.ApiEnum;

/**
 * A container instance's {@code status} (Model: ContainerInstance.status). The emulator registers its
 * instances ACTIVE; the others are the values ECS shows while an instance registers, drains or leaves.
 */
public enum ContainerInstanceStatus implements ApiEnum {
  REGISTERING,
  REGISTRATION_FAILED,
  /** Accepts new tasks. */
  ACTIVE,
  /** Its tasks are being moved away; counted as registered but takes no new tasks. */
  DRAINING,
  DEREGISTERING,
  /** Deregistered. */
  INACTIVE
}
