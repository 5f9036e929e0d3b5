package dev.ecsemulator.core.cluster;

import dev.ecsemulator.core.model.Cluster;
import java.time.Duration;
import java.time.Instant;

/**
 * Which clusters ListClusters lists: the ACTIVE ones, and a deleted (INACTIVE) one for {@link #INACTIVE_LISTED_FOR}
 * after its deletion. Pure.
 *
 * <p>ECS documents that "clusters with an INACTIVE status might remain discoverable in your account for a period of
 * time" (API reference of DeleteCluster; Guide {@code clusters.md}), and ListClusters does return them: tools that list
 * clusters and then act on each meet deleted ones (gruntwork-io/cloud-nuke#145, where TagResource on a listed cluster
 * failed with "The specified cluster is inactive"; the fix, #146, filters by status). How long is not documented and no
 * capture says. One hour is the emulator's choice: it is the one retention ECS does publish for what it has finished
 * with (stopped tasks "appear in the returned results for at least one hour", DescribeTasks), long enough for a client
 * that lists right after deleting to meet the INACTIVE entry, as on AWS, and short enough that a workstation's list
 * does not fill with the clusters of past test runs. DescribeClusters keeps describing an INACTIVE cluster after that,
 * as AWS does for much longer (aws/copilot-cli#5052: found a week after its deletion).
 */
public final class ClusterListing {

  /** How long ListClusters keeps listing a cluster after DeleteCluster. */
  public static final Duration INACTIVE_LISTED_FOR = Duration.ofHours(1);

  private ClusterListing() {}

  /**
   * Whether ListClusters lists {@code cluster} at {@code now}.
   *
   * @param deletion when it was deleted, or null when not recorded (deleted before the emulator recorded deletions,
   *     which counts as long ago)
   */
  public static boolean listed(Cluster cluster, DeletedCluster deletion, Instant now) {
    if (ClusterStatus.ACTIVE.is(cluster.status())) {
      return true;
    }
    return deletion != null && deletion.clusterArn().equals(cluster.clusterArn())
        && now.isBefore(deletion.deletedAt().plus(INACTIVE_LISTED_FOR));
  }
}
