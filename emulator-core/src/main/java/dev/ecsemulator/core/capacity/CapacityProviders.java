package dev.ecsemulator.core.capacity;

import static dev.ecsemulator.core.EcsKinds.CAPACITY_PROVIDER;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.cluster.ClusterStatus;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.error.ClientException;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.UnsupportedFeatureException;
import dev.ecsemulator.core.model.AutoScalingGroupProvider;
import dev.ecsemulator.core.model.AutoScalingGroupProviderUpdate;
import dev.ecsemulator.core.model.CapacityProvider;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.CreateCapacityProviderRequest;
import dev.ecsemulator.core.model.DescribeCapacityProvidersResponse;
import dev.ecsemulator.core.model.Failure;
import dev.ecsemulator.core.model.ManagedScaling;
import dev.ecsemulator.core.model.UpdateCapacityProviderRequest;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.core.tag.ResourceTagging;
import dev.ecsemulator.core.tag.TagRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DescribeCapacityProviders, CreateCapacityProvider, UpdateCapacityProvider and DeleteCapacityProvider
 * for Auto Scaling group providers (stored, inert: the emulator scales nothing) and the built-in FARGATE
 * and FARGATE_SPOT. Managed Instances providers are refused with UnsupportedFeatureException.
 * Thread-safe: each call is one store transaction.
 */
public final class CapacityProviders {

  /** DescribeCapacityProviders: "between 1 and 10 ... returns up to 10 results" (Model docs). */
  public static final int MAX_RESULTS = 10;

  private final StateStore store;

  public CapacityProviders(StateStore store) {
    this.store = store;
  }

  /**
   * DescribeCapacityProviders. Without names: every provider (stored ones by name, then FARGATE and
   * FARGATE_SPOT, the order of aws-cli describe-capacity-providers.rst); with {@code cluster}: only those
   * associated with it. Unknown names are failures with reason MISSING. {@code tags} is {@code []} unless
   * {@code includeTags} (as in that example).
   */
  public DescribeCapacityProvidersResponse describe(Scope scope, List<String> namesOrArns, String clusterRef,
      boolean includeTags, Integer maxResults, String nextToken) {
    return store.read(scope, view -> {
      Optional<List<String>> associated = clusterRef == null || clusterRef.isEmpty()
          ? Optional.empty()
          : Optional.of(nullToEmpty(Clusters.require(view, scope, clusterRef).capacityProviders()));
      List<CapacityProvider> found = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      if (namesOrArns == null || namesOrArns.isEmpty()) {
        List<CapacityProvider> all = new ArrayList<>(view.list(CAPACITY_PROVIDER));
        CapacityProviderCatalog.FARGATE_PROVIDERS.forEach(n -> all.add(CapacityProviderCatalog.fargate(scope, n)));
        all.stream().filter(p -> associated.map(a -> a.contains(p.name())).orElse(true)).forEach(found::add);
      } else {
        for (String nameOrArn : namesOrArns) {
          Optional<CapacityProvider> provider = CapacityProviderCatalog.find(view, scope, nameOrArn)
              .filter(p -> associated.map(a -> a.contains(p.name())).orElse(true));
          if (provider.isPresent()) {
            found.add(provider.get());
          } else {
            String arn = nameOrArn.startsWith("arn:") ? nameOrArn : Arns.capacityProvider(scope, nameOrArn);
            failures.add(Failure.builder().arn(arn).reason("MISSING").build());
          }
        }
      }
      List<Indexed> indexed = new ArrayList<>();
      for (int i = 0; i < found.size(); i++) {
        indexed.add(new Indexed(String.format("%06d", i), found.get(i)));
      }
      Paging.Page<Indexed> page = Paging.page(indexed, Indexed::key, maxResults, nextToken, MAX_RESULTS, MAX_RESULTS);
      List<CapacityProvider> shown = page.items().stream()
          .map(i -> withTags(i.provider(), includeTags ? ResourceTagging.get(view, i.provider().capacityProviderArn()) : List.of()))
          .toList();
      return new DescribeCapacityProvidersResponse(shown, failures, page.nextToken());
    });
  }

  private record Indexed(String key, CapacityProvider provider) {}

  /** CreateCapacityProvider for an Auto Scaling group, with AWS's defaults filled in. */
  public CapacityProvider create(Scope scope, CreateCapacityProviderRequest request) {
    if (request.managedInstancesProvider() != null) {
      throw new UnsupportedFeatureException(
          "ecs-emulator does not support Amazon ECS Managed Instances capacity providers.");
    }
    if (request.autoScalingGroupProvider() == null) {
      throw new InvalidParameterException("The autoScalingGroupProvider parameter is required.");
    }
    if (request.cluster() != null && !request.cluster().isEmpty()) {
      throw new InvalidParameterException(
          "The cluster parameter applies only to Amazon ECS Managed Instances capacity providers.");
    }
    CapacityProviderRules.checkNewName(request.name());
    return store.write(scope, txn -> {
      if (txn.get(CAPACITY_PROVIDER, request.name()).isPresent()) {
        // Unverified wording.
        throw new ClientException("The specified capacity provider already exists. To change the configuration "
            + "of an existing capacity provider, update the capacity provider.");
      }
      String asgArn = request.autoScalingGroupProvider().autoScalingGroupArn();
      boolean asgTaken = txn.list(CAPACITY_PROVIDER).stream()
          .anyMatch(p -> p.autoScalingGroupProvider() != null
              && asgArn.equals(p.autoScalingGroupProvider().autoScalingGroupArn()));
      if (asgTaken) {
        // As quoted in aws/containers-roadmap#632.
        throw new ClientException("The specified Auto Scaling group ARN is already being used by another "
            + "capacity provider. Specify a unique Auto Scaling group ARN and try again.");
      }
      String arn = Arns.capacityProvider(scope, request.name());
      List<dev.ecsemulator.core.model.Tag> tags = TagRules.validate(request.tags());
      CapacityProvider created = CapacityProvider.builder()
          .capacityProviderArn(arn)
          .name(request.name())
          .status(CapacityProviderStatus.ACTIVE.name())
          .autoScalingGroupProvider(withDefaults(request.autoScalingGroupProvider()))
          .type("EC2_AUTOSCALING")
          .build();
      txn.put(CAPACITY_PROVIDER, created.name(), created);
      ResourceTagging.put(txn, arn, tags);
      return withTags(created, tags);
    });
  }

  /**
   * UpdateCapacityProvider: merges the given managed scaling, termination protection and draining
   * settings. Answers {@code updateStatus: UPDATE_IN_PROGRESS} as AWS does
   * (aws-cli capacity-provider-update.rst); the emulator completes at once, so describe then shows
   * {@code UPDATE_COMPLETE}.
   */
  public CapacityProvider update(Scope scope, UpdateCapacityProviderRequest request) {
    if (request.managedInstancesProvider() != null) {
      throw new UnsupportedFeatureException(
          "ecs-emulator does not support Amazon ECS Managed Instances capacity providers.");
    }
    return store.write(scope, txn -> {
      CapacityProvider current = requireStored(txn, scope, request.name(), "updated");
      AutoScalingGroupProviderUpdate change = request.autoScalingGroupProvider();
      AutoScalingGroupProvider asg = current.autoScalingGroupProvider();
      if (change != null) {
        asg = asg.toBuilder()
            .managedScaling(change.managedScaling() == null ? asg.managedScaling()
                : merge(asg.managedScaling(), change.managedScaling()))
            .managedTerminationProtection(change.managedTerminationProtection() == null
                ? asg.managedTerminationProtection() : change.managedTerminationProtection())
            .managedDraining(change.managedDraining() == null ? asg.managedDraining() : change.managedDraining())
            .build();
      }
      CapacityProvider updated = current.toBuilder().autoScalingGroupProvider(asg)
          .updateStatus("UPDATE_COMPLETE").updateStatusReason(null).build();
      txn.put(CAPACITY_PROVIDER, updated.name(), updated);
      return withTags(updated.toBuilder().updateStatus("UPDATE_IN_PROGRESS").build(),
          ResourceTagging.get(txn, updated.capacityProviderArn()));
    });
  }

  /**
   * DeleteCapacityProvider. While the provider is associated with an ACTIVE cluster AWS does not throw:
   * it answers with {@code updateStatus: DELETE_FAILED} and a reason naming the cluster, and the
   * provider stays ACTIVE (hashicorp/terraform-provider-aws#48156 quotes the reason). Otherwise the
   * provider and its tags are gone and the answer shows {@code DELETE_IN_PROGRESS}
   * (aws-cli delete-capacity-provider.rst).
   */
  public CapacityProvider delete(Scope scope, String nameOrArn) {
    if (CapacityProviderCatalog.isFargate(CapacityProviderCatalog.nameOf(nameOrArn))) {
      // Model docs: "The FARGATE and FARGATE_SPOT capacity providers are reserved and can't be deleted."
      throw new InvalidParameterException(
          "The FARGATE and FARGATE_SPOT capacity providers are reserved and can't be deleted.");
    }
    return store.write(scope, txn -> {
      CapacityProvider current = requireStored(txn, scope, nameOrArn, "deleted");
      List<dev.ecsemulator.core.model.Tag> tags = ResourceTagging.get(txn, current.capacityProviderArn());
      Optional<String> cluster = associatedCluster(txn, current.name(), null);
      if (cluster.isPresent()) {
        CapacityProvider failed = current.toBuilder().updateStatus("DELETE_FAILED")
            .updateStatusReason("The capacity provider cannot be deleted because it is associated with cluster: "
                + cluster.get() + ". Remove the capacity provider from the cluster and try again.")
            .build();
        txn.put(CAPACITY_PROVIDER, failed.name(), failed);
        return withTags(failed, tags);
      }
      txn.remove(CAPACITY_PROVIDER, current.name());
      ResourceTagging.remove(txn, current.capacityProviderArn());
      return withTags(current.toBuilder().updateStatus("DELETE_IN_PROGRESS").updateStatusReason(null).build(), tags);
    });
  }

  /** The ACTIVE cluster other than {@code except} whose capacity providers include {@code providerName}. */
  public static Optional<String> associatedCluster(StateView view, String providerName, String except) {
    return view.list(EcsKinds.CLUSTER).stream()
        .filter(c -> ClusterStatus.ACTIVE.is(c.status()) && !c.clusterName().equals(except))
        .filter(c -> nullToEmpty(c.capacityProviders()).contains(providerName))
        .map(Cluster::clusterName)
        .findFirst();
  }

  private static CapacityProvider requireStored(StateView view, Scope scope, String nameOrArn, String verb) {
    String name = CapacityProviderCatalog.nameOf(nameOrArn);
    if (CapacityProviderCatalog.isFargate(name)) {
      throw new InvalidParameterException(
          "The FARGATE and FARGATE_SPOT capacity providers are reserved and can't be " + verb + ".");
    }
    return CapacityProviderCatalog.find(view, scope, nameOrArn)
        .orElseThrow(() -> new InvalidParameterException(CapacityProviderRules.NOT_FOUND));
  }

  /**
   * AWS's defaults for an Auto Scaling group provider: managed scaling off with target 100 %, steps 1 and
   * 10000 and a 300 s warm-up (Model docs of ManagedScaling; aws-cli create-capacity-provider.rst shows
   * the filled values), termination protection off (Model docs), managed draining on
   * (aws-cli capacity-provider-update.rst). The default status when managedScaling is omitted is unverified.
   */
  static AutoScalingGroupProvider withDefaults(AutoScalingGroupProvider given) {
    return given.toBuilder()
        .managedScaling(merge(ManagedScaling.builder().status("DISABLED").targetCapacity(100)
            .minimumScalingStepSize(1).maximumScalingStepSize(10000).instanceWarmupPeriod(300).build(),
            given.managedScaling()))
        .managedTerminationProtection(given.managedTerminationProtection() == null
            ? "DISABLED" : given.managedTerminationProtection())
        .managedDraining(given.managedDraining() == null ? "ENABLED" : given.managedDraining())
        .build();
  }

  private static ManagedScaling merge(ManagedScaling base, ManagedScaling change) {
    if (change == null) {
      return base;
    }
    return ManagedScaling.builder()
        .status(change.status() != null ? change.status() : base.status())
        .targetCapacity(change.targetCapacity() != null ? change.targetCapacity() : base.targetCapacity())
        .minimumScalingStepSize(change.minimumScalingStepSize() != null
            ? change.minimumScalingStepSize() : base.minimumScalingStepSize())
        .maximumScalingStepSize(change.maximumScalingStepSize() != null
            ? change.maximumScalingStepSize() : base.maximumScalingStepSize())
        .instanceWarmupPeriod(change.instanceWarmupPeriod() != null
            ? change.instanceWarmupPeriod() : base.instanceWarmupPeriod())
        .build();
  }

  private static CapacityProvider withTags(CapacityProvider provider, List<dev.ecsemulator.core.model.Tag> tags) {
    return provider.toBuilder().tags(tags).build();
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
