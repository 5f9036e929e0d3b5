package dev.ecsemulator.core.cluster;

import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.Tag;
import java.util.Collection;
import java.util.List;

/**
 * How a stored cluster is shown. Pure.
 *
 * <p>DescribeClusters always shows the name, ARN, status, the four counters, {@code capacityProviders}
 * and {@code defaultCapacityProviderStrategy}, and shows {@code statistics}, {@code tags} and
 * {@code settings} as empty lists unless asked for with {@code include} (aws/aws-cli#6404 and
 * aws-containers/ecsworkshop#31: without SETTINGS, "settings" is []). {@code configuration} appears only
 * with CONFIGURATIONS and {@code attachments} only with ATTACHMENTS (Model docs of {@code include}).
 *
 * <p>Create, Update, UpdateClusterSettings, PutClusterCapacityProviders and Delete answer with the
 * settings, tags and configuration in force and empty statistics (aws-cli put-cluster-capacity-providers.rst,
 * create-cluster.rst; a CloudTrail record in hashicorp/terraform-provider-aws#45794).
 */
public final class ClusterShapes {

  private ClusterShapes() {}

  /** DescribeClusters' view of one cluster, for the given {@code include} values. */
  public static Cluster describe(Cluster stored, ClusterCounters.Counts counts, Collection<String> include,
      List<Tag> tags) {
    Cluster.Builder b = base(stored, counts)
        .statistics(include.contains("STATISTICS") ? counts.statistics() : List.of())
        .tags(include.contains("TAGS") ? tags : List.of())
        .settings(include.contains("SETTINGS") ? orEmpty(stored.settings()) : List.of());
    if (include.contains("CONFIGURATIONS")) {
      b.configuration(stored.configuration());
    }
    if (include.contains("ATTACHMENTS")) {
      // The emulator creates no attachments (no Auto Scaling policies, no managed instances).
      b.attachments(orEmpty(stored.attachments()));
    }
    return b.build();
  }

  /** The answer of an operation that creates or changes a cluster. */
  public static Cluster full(Cluster stored, ClusterCounters.Counts counts, List<Tag> tags) {
    return base(stored, counts)
        .statistics(List.of())
        .tags(tags)
        .settings(orEmpty(stored.settings()))
        .configuration(stored.configuration())
        .build();
  }

  private static Cluster.Builder base(Cluster stored, ClusterCounters.Counts counts) {
    return Cluster.builder()
        .clusterArn(stored.clusterArn())
        .clusterName(stored.clusterName())
        .status(stored.status())
        .registeredContainerInstancesCount(counts.registeredContainerInstances())
        .runningTasksCount(counts.runningTasks())
        .pendingTasksCount(counts.pendingTasks())
        .activeServicesCount(counts.activeServices())
        .capacityProviders(orEmpty(stored.capacityProviders()))
        .defaultCapacityProviderStrategy(orEmpty(stored.defaultCapacityProviderStrategy()))
        .serviceConnectDefaults(stored.serviceConnectDefaults());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
