package dev.ecsemulator.core.cluster;

import dev.ecsemulator.core.ApiEnum;

/**
 * A cluster's {@code status} (Model: Cluster.status). The emulator's clusters are ACTIVE from creation and
 * INACTIVE once deleted; PROVISIONING, DEPROVISIONING and FAILED are the values ECS shows while it manages
 * capacity provider resources for a cluster, which the emulator never does.
 */
public enum ClusterStatus implements ApiEnum {
  /** Ready to accept tasks; listed and described. */
  ACTIVE,
  PROVISIONING,
  DEPROVISIONING,
  FAILED,
  /** Deleted: still described for a while, never listed, its name free again. */
  INACTIVE
}
