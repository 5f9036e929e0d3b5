package dev.ecsemulator.core.cluster;

import static dev.ecsemulator.core.EcsKinds.CLUSTER;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.capacity.CapacityProviderCatalog;
import dev.ecsemulator.core.capacity.CapacityProviderRules;
import dev.ecsemulator.core.capacity.CapacityProviders;
import dev.ecsemulator.core.error.ClusterNotFoundException;
import dev.ecsemulator.core.error.ResourceInUseException;
import dev.ecsemulator.core.model.CapacityProviderStrategyItem;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.ClusterServiceConnectDefaults;
import dev.ecsemulator.core.model.ClusterServiceConnectDefaultsRequest;
import dev.ecsemulator.core.model.ClusterSetting;
import dev.ecsemulator.core.model.CreateClusterRequest;
import dev.ecsemulator.core.model.DescribeClustersResponse;
import dev.ecsemulator.core.model.Failure;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.UpdateClusterRequest;
import dev.ecsemulator.core.service.ServiceStatus;
import dev.ecsemulator.core.settings.AccountSettings;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.core.tag.ResourceTagging;
import dev.ecsemulator.core.tag.TagRules;
import dev.ecsemulator.core.task.TaskStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cluster operations, and {@link #require}, the resolver every other operation uses to find the cluster
 * a request names. Clusters are stored without counters and tags; both are added when one is shown.
 * Thread-safe: every call is one store transaction.
 */
public final class Clusters {

  /** Name used when a request names no cluster. */
  public static final String DEFAULT_CLUSTER = ClusterNames.DEFAULT_CLUSTER;
  /** ListClusters: "This value can be between 1 and 100" and 100 by default (Model docs). */
  public static final int MAX_RESULTS = 100;
  /** Seen in user reports as a ResourceInUseException (pahud/cdk-fargate-patterns#71, aws/aws-cdk#15366). */
  public static final String PROVIDER_IN_USE = "The specified capacity provider is in use and cannot be removed.";

  private final StateStore store;
  private final Clock clock;

  /** @param clock when deletions happen, and what ListClusters compares them with ({@link ClusterListing}) */
  public Clusters(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * The ACTIVE cluster {@code clusterRef} names (short name or ARN; null or empty means {@code default}).
   *
   * @throws ClusterNotFoundException "Cluster not found." when there is none, or it is INACTIVE
   */
  public static Cluster require(StateView view, Scope scope, String clusterRef) {
    if (!ClusterNames.inScope(scope, clusterRef)) {
      throw new ClusterNotFoundException();
    }
    return view.get(CLUSTER, nameOf(clusterRef))
        .filter(c -> ClusterStatus.ACTIVE.is(c.status()))
        .orElseThrow(ClusterNotFoundException::new);
  }

  /** The cluster name {@code clusterRef} means: {@code default} for null or empty, the name in an ARN. */
  public static String nameOf(String clusterRef) {
    return ClusterNames.nameOf(clusterRef);
  }

  /**
   * CreateCluster. Idempotent: an ACTIVE cluster of that name is returned as it is. An INACTIVE
   * (deleted) one is created afresh, ACTIVE again (and forgets its deletion). {@code containerInsights}
   * defaults to the account setting (Model docs of CreateCluster.settings).
   */
  public Cluster create(Scope scope, CreateClusterRequest request) {
    String name = request.clusterName() == null || request.clusterName().isEmpty()
        ? DEFAULT_CLUSTER : request.clusterName();
    ClusterNames.checkNewName(name);
    return store.write(scope, txn -> {
      Cluster existing = txn.get(CLUSTER, name).filter(c -> ClusterStatus.ACTIVE.is(c.status())).orElse(null);
      if (existing != null) {
        return show(txn, existing);
      }
      List<ClusterSetting> settings = ClusterSettingsRules.apply(
          List.of(ClusterSetting.builder().name(ClusterSettingsRules.CONTAINER_INSIGHTS)
              .value(AccountSettings.effectiveValue(txn, scope, "containerInsights")).build()),
          request.settings());
      List<String> providers = checkProviders(txn, scope, name, request.capacityProviders());
      List<CapacityProviderStrategyItem> strategy =
          CapacityProviderRules.checkStrategy(request.defaultCapacityProviderStrategy(), providers);
      List<Tag> tags = TagRules.validate(request.tags());
      Cluster created = Cluster.builder()
          .clusterName(name)
          .clusterArn(Arns.cluster(scope, name))
          .status(ClusterStatus.ACTIVE.name())
          .settings(settings)
          .configuration(request.configuration())
          .capacityProviders(providers)
          .defaultCapacityProviderStrategy(strategy)
          .serviceConnectDefaults(serviceConnect(request.serviceConnectDefaults()))
          .build();
      txn.put(CLUSTER, name, created);
      txn.remove(EcsKinds.DELETED_CLUSTER, name);
      ResourceTagging.put(txn, created.clusterArn(), tags);
      return show(txn, created);
    });
  }

  /**
   * DescribeClusters: ACTIVE and INACTIVE clusters are described; unknown ones are failures with reason
   * MISSING and the ARN AWS would build. No cluster given means {@code default}.
   */
  public DescribeClustersResponse describe(Scope scope, List<String> clusterRefs, List<String> include) {
    List<String> refs = clusterRefs == null || clusterRefs.isEmpty() ? List.of(DEFAULT_CLUSTER) : clusterRefs;
    Set<String> fields = include == null ? Set.of() : new HashSet<>(include);
    return store.read(scope, view -> {
      List<Cluster> clusters = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      for (String ref : refs) {
        Cluster cluster = ClusterNames.inScope(scope, ref) ? view.get(CLUSTER, nameOf(ref)).orElse(null) : null;
        if (cluster == null) {
          failures.add(Failure.builder().arn(ClusterNames.failureArn(scope, ref)).reason("MISSING").build());
        } else {
          clusters.add(ClusterShapes.describe(cluster, ClusterCounters.of(view, cluster), fields,
              ResourceTagging.get(view, cluster.clusterArn())));
        }
      }
      return new DescribeClustersResponse(clusters, failures);
    });
  }

  /**
   * ListClusters: ARNs of ACTIVE clusters, and of INACTIVE ones deleted less than
   * {@link ClusterListing#INACTIVE_LISTED_FOR} ago, in name order, paginated (default and maximum page size 100).
   */
  public Paging.Page<String> listArns(Scope scope, Integer maxResults, String nextToken) {
    Instant now = clock.instant();
    List<Cluster> listed = store.read(scope, view -> view.list(CLUSTER, c -> ClusterListing.listed(
        c, view.get(EcsKinds.DELETED_CLUSTER, c.clusterName()).orElse(null), now)));
    Paging.Page<Cluster> page =
        Paging.page(listed, Cluster::clusterName, maxResults, nextToken, MAX_RESULTS, MAX_RESULTS);
    return new Paging.Page<>(page.items().stream().map(Cluster::clusterArn).toList(), page.nextToken());
  }

  /**
   * UpdateCluster: changes the given settings, replaces the configuration and the Service Connect
   * defaults when given. An empty namespace removes the defaults (unverified).
   */
  public Cluster update(Scope scope, UpdateClusterRequest request) {
    return store.write(scope, txn -> {
      Cluster cluster = require(txn, scope, request.cluster());
      Cluster.Builder updated = cluster.toBuilder()
          .settings(ClusterSettingsRules.apply(cluster.settings(), request.settings()));
      if (request.configuration() != null) {
        updated.configuration(request.configuration());
      }
      if (request.serviceConnectDefaults() != null) {
        updated.serviceConnectDefaults(serviceConnect(request.serviceConnectDefaults()));
      }
      return save(txn, updated.build());
    });
  }

  /** UpdateClusterSettings. */
  public Cluster updateSettings(Scope scope, String clusterRef, List<ClusterSetting> settings) {
    return store.write(scope, txn -> {
      Cluster cluster = require(txn, scope, clusterRef);
      return save(txn, cluster.toBuilder()
          .settings(ClusterSettingsRules.apply(cluster.settings(), settings)).build());
    });
  }

  /**
   * PutClusterCapacityProviders: replaces the cluster's providers and default strategy. A provider that
   * is dropped while a task that is not STOPPED or an ACTIVE/DRAINING service of the cluster uses it is
   * ResourceInUseException (Model docs: "You can only disassociate an existing capacity provider from a
   * cluster if it's not being used by any existing tasks").
   */
  public Cluster putCapacityProviders(Scope scope, String clusterRef, List<String> capacityProviders,
      List<CapacityProviderStrategyItem> defaultStrategy) {
    return store.write(scope, txn -> {
      Cluster cluster = require(txn, scope, clusterRef);
      List<String> providers = checkProviders(txn, scope, cluster.clusterName(), capacityProviders);
      List<CapacityProviderStrategyItem> strategy = CapacityProviderRules.checkStrategy(defaultStrategy, providers);
      Set<String> dropped = new HashSet<>(cluster.capacityProviders() == null ? List.of() : cluster.capacityProviders());
      dropped.removeAll(providers);
      if (!dropped.isEmpty() && inUse(txn, cluster, dropped)) {
        throw new ResourceInUseException(PROVIDER_IN_USE);
      }
      return save(txn, cluster.toBuilder().capacityProviders(providers).defaultCapacityProviderStrategy(strategy).build());
    });
  }

  /**
   * DeleteCluster: the cluster becomes INACTIVE, still describable (and listed for a while: {@link ClusterListing}),
   * its capacity providers disassociated and its tags deleted. Deleting an INACTIVE cluster answers with it again
   * (aws/aws-cli#2078). What blocks deletion: {@link ClusterDeletion}.
   */
  public Cluster delete(Scope scope, String clusterRef) {
    Instant now = clock.instant();
    return store.write(scope, txn -> {
      if (!ClusterNames.inScope(scope, clusterRef)) {
        throw new ClusterNotFoundException();
      }
      Cluster cluster = txn.get(CLUSTER, nameOf(clusterRef)).orElseThrow(ClusterNotFoundException::new);
      if (!ClusterStatus.ACTIVE.is(cluster.status())) {
        return show(txn, cluster);
      }
      ClusterDeletion.check(txn, cluster);
      Cluster inactive = cluster.toBuilder().status(ClusterStatus.INACTIVE.name())
          .capacityProviders(List.of()).defaultCapacityProviderStrategy(List.of()).build();
      txn.put(CLUSTER, inactive.clusterName(), inactive);
      txn.put(EcsKinds.DELETED_CLUSTER, inactive.clusterName(), new DeletedCluster(inactive.clusterArn(), now));
      ResourceTagging.remove(txn, inactive.clusterArn());
      return show(txn, inactive);
    });
  }

  private static Cluster save(StateTxn txn, Cluster cluster) {
    txn.put(CLUSTER, cluster.clusterName(), cluster);
    return show(txn, cluster);
  }

  private static Cluster show(StateView view, Cluster cluster) {
    return ClusterShapes.full(cluster, ClusterCounters.of(view, cluster), ResourceTagging.get(view, cluster.clusterArn()));
  }

  private static List<String> checkProviders(StateView view, Scope scope, String clusterName, List<String> given) {
    return CapacityProviderRules.checkAssociation(given,
        ref -> CapacityProviderCatalog.find(view, scope, ref),
        provider -> CapacityProviders.associatedCluster(view, provider, clusterName));
  }

  private static boolean inUse(StateView view, Cluster cluster, Set<String> providers) {
    String arn = cluster.clusterArn();
    boolean tasks = view.listByKeyPrefix(EcsKinds.TASK, EcsKinds.clusterKeyPrefix(cluster.clusterName())).stream()
        .anyMatch(t -> arn.equals(t.clusterArn()) && !TaskStatus.STOPPED.is(t.lastStatus())
            && providers.contains(t.capacityProviderName()));
    boolean services = !view.list(EcsKinds.SERVICE, s -> arn.equals(s.clusterArn())
        && (ServiceStatus.ACTIVE.is(s.status()) || ServiceStatus.DRAINING.is(s.status()))
        && s.capacityProviderStrategy() != null
        && s.capacityProviderStrategy().stream().anyMatch(i -> providers.contains(i.capacityProvider()))).isEmpty();
    return tasks || services;
  }

  private static ClusterServiceConnectDefaults serviceConnect(ClusterServiceConnectDefaultsRequest request) {
    if (request == null || request.namespace() == null || request.namespace().isEmpty()) {
      return null;
    }
    return ClusterServiceConnectDefaults.builder().namespace(request.namespace()).build();
  }
}
