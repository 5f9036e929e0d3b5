package dev.ecsemulator.core.cluster;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arn;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.error.InvalidParameterException;
import java.util.regex.Pattern;

/** Cluster names and references (a short name or a cluster ARN). Pure. */
public final class ClusterNames {

  /** Name used when a request names no cluster (Model: "If you do not specify a cluster, the default cluster is assumed"). */
  public static final String DEFAULT_CLUSTER = "default";

  /** Model docs of CreateCluster.clusterName: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens". */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

  private ClusterNames() {}

  /**
   * The cluster name a reference means: {@code default} for null or empty, the part after
   * {@code cluster/} for a cluster ARN, else the reference itself.
   */
  public static String nameOf(String clusterRef) {
    if (clusterRef == null || clusterRef.isEmpty()) {
      return DEFAULT_CLUSTER;
    }
    return Arn.parse(clusterRef)
        .filter(a -> a.resourceType().equals("cluster"))
        .map(Arn::resourcePath)
        .orElse(clusterRef);
  }

  /** Whether {@code clusterRef} can name a cluster of {@code scope} (an ARN of another region or account cannot). */
  public static boolean inScope(Scope scope, String clusterRef) {
    if (!Arn.looksLikeArn(clusterRef)) {
      return true;
    }
    return Arn.parse(clusterRef)
        .filter(a -> a.service().equals("ecs") && a.resourceType().equals("cluster"))
        .filter(a -> a.region().equals(scope.region()) && a.accountId().equals(scope.accountId()))
        .isPresent();
  }

  /** The ARN a DescribeClusters failure reports: the ARN as given, else the one AWS would build from the name. */
  public static String failureArn(Scope scope, String clusterRef) {
    return Arn.looksLikeArn(clusterRef) ? clusterRef : Arns.cluster(scope, nameOf(clusterRef));
  }

  /** CreateCluster's name rule. Wording unverified (see docs/differences-from-aws.md). */
  public static void checkNewName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new InvalidParameterException("Invalid cluster name. Up to 255 letters (uppercase and lowercase), "
          + "numbers, underscores, and hyphens are allowed.");
    }
  }
}
