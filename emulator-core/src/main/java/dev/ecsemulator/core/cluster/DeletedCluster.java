package dev.ecsemulator.core.cluster;

import java.time.Instant;

/**
 * When DeleteCluster made a cluster INACTIVE (the Cluster shape has no member for it): stored under
 * {@link dev.ecsemulator.core.EcsKinds#DELETED_CLUSTER}, keyed by the cluster name, for {@link ClusterListing}.
 */
public record DeletedCluster(String clusterArn, Instant deletedAt) {}
