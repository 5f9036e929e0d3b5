package dev.ecsemulator.core.attribute;

import static dev.ecsemulator.core.EcsKinds.CONTAINER_INSTANCE;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arn;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.error.AttributeLimitExceededException;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.TargetNotFoundException;
import dev.ecsemulator.core.model.Attribute;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.ContainerInstance;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.state.StateView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PutAttributes, ListAttributes and DeleteAttributes. The only target type is
 * {@code container-instance} (model enum TargetType); attributes live on the stored
 * {@link ContainerInstance} records ({@link EcsKinds#CONTAINER_INSTANCE}), so DescribeContainerInstances
 * shows them. A target is a container instance ARN, or its ID together with
 * {@code targetType: container-instance} (Model docs of DeleteAttributes.attributes). Thread-safe: each
 * call is one store transaction.
 */
public final class Attributes {

  public static final String TARGET_TYPE = "container-instance";
  /** ListAttributes: "between 1 and 100 ... returns up to 100 results" (Model docs). */
  public static final int MAX_RESULTS = 100;

  private final StateStore store;

  public Attributes(StateStore store) {
    this.store = store;
  }

  /** PutAttributes: creates or replaces each attribute; answers with the attributes as given. */
  public List<Attribute> put(Scope scope, String clusterRef, List<Attribute> attributes) {
    AttributeRules.checkCall(attributes, true);
    return store.write(scope, txn -> {
      Cluster cluster = Clusters.require(txn, scope, clusterRef);
      Map<String, Map<String, Attribute>> changed = new LinkedHashMap<>();
      for (Attribute attribute : attributes) {
        String key = requireTarget(txn, scope, cluster, attribute);
        Map<String, Attribute> byName = changed.computeIfAbsent(key, k -> current(txn, k));
        byName.put(attribute.name(), Attribute.builder().name(attribute.name()).value(attribute.value()).build());
        if (byName.keySet().stream().filter(AttributeRules::isCustom).count() > AttributeRules.MAX_CUSTOM_PER_RESOURCE) {
          throw new AttributeLimitExceededException(AttributeRules.LIMIT_MESSAGE);
        }
      }
      changed.forEach((key, byName) -> save(txn, key, byName));
      return List.copyOf(attributes);
    });
  }

  /** DeleteAttributes: removes each named attribute from its target; answers with the attributes as given. */
  public List<Attribute> delete(Scope scope, String clusterRef, List<Attribute> attributes) {
    AttributeRules.checkCall(attributes, false);
    return store.write(scope, txn -> {
      Cluster cluster = Clusters.require(txn, scope, clusterRef);
      for (Attribute attribute : attributes) {
        String key = requireTarget(txn, scope, cluster, attribute);
        Map<String, Attribute> byName = current(txn, key);
        byName.remove(attribute.name());
        save(txn, key, byName);
      }
      return List.copyOf(attributes);
    });
  }

  /**
   * ListAttributes: one entry per attribute per container instance of the cluster, with the instance ARN
   * as {@code targetId}, filtered by name and value ({@code attributeValue} needs {@code attributeName}).
   */
  public Paging.Page<Attribute> list(Scope scope, String clusterRef, String targetType, String attributeName,
      String attributeValue, Integer maxResults, String nextToken) {
    if (!TARGET_TYPE.equals(targetType)) {
      throw new InvalidParameterException("targetType must be " + TARGET_TYPE + ".");
    }
    if (attributeValue != null && attributeName == null) {
      // Model docs: "You must also specify an attribute name to use this parameter." Wording unverified.
      throw new InvalidParameterException("You must also specify an attribute name to filter by attribute value.");
    }
    return store.read(scope, view -> {
      Cluster cluster = Clusters.require(view, scope, clusterRef);
      List<Keyed> all = new ArrayList<>();
      String prefix = cluster.clusterName() + "/";
      for (String key : view.keys(CONTAINER_INSTANCE)) {
        if (!key.startsWith(prefix)) {
          continue;
        }
        ContainerInstance instance = view.get(CONTAINER_INSTANCE, key).orElseThrow();
        for (Attribute a : instance.attributes() == null ? List.<Attribute>of() : instance.attributes()) {
          if ((attributeName == null || attributeName.equals(a.name()))
              && (attributeValue == null || attributeValue.equals(a.value()))) {
            all.add(new Keyed(key + "|" + a.name(), Attribute.builder().name(a.name()).value(a.value())
                .targetType(TARGET_TYPE).targetId(instance.containerInstanceArn()).build()));
          }
        }
      }
      all.sort(java.util.Comparator.comparing(Keyed::key));
      Paging.Page<Keyed> page = Paging.page(all, Keyed::key, maxResults, nextToken, MAX_RESULTS, MAX_RESULTS);
      return new Paging.Page<>(page.items().stream().map(Keyed::attribute).toList(), page.nextToken());
    });
  }

  private record Keyed(String key, Attribute attribute) {}

  /**
   * The instance-table key of the attribute's target in {@code cluster}. Wording of the not-found message
   * as moto reproduces it; unverified against AWS.
   */
  private static String requireTarget(StateView view, Scope scope, Cluster cluster, Attribute attribute) {
    String targetId = attribute.targetId();
    String instanceId;
    if (Arn.looksLikeArn(targetId)) {
      Arn arn = Arn.parse(targetId).filter(a -> a.resourceType().equals("container-instance"))
          .orElseThrow(() -> new TargetNotFoundException("Could not find " + targetId));
      String[] parts = arn.resourcePath().split("/");
      boolean sameCluster = parts.length == 1 || parts[0].equals(cluster.clusterName());
      if (!sameCluster || !arn.region().equals(scope.region()) || !arn.accountId().equals(scope.accountId())) {
        throw new TargetNotFoundException("Could not find " + targetId);
      }
      instanceId = parts[parts.length - 1];
    } else {
      if (attribute.targetType() == null) {
        // Model docs: targetType "is required if you use the short form ID for a resource instead of the full ARN".
        throw new InvalidParameterException("The targetType is required when targetId is not a full ARN.");
      }
      instanceId = targetId;
    }
    String key = EcsKinds.containerInstanceKey(cluster.clusterName(), instanceId);
    if (view.get(CONTAINER_INSTANCE, key).isEmpty()) {
      throw new TargetNotFoundException("Could not find " + targetId);
    }
    return key;
  }

  private static Map<String, Attribute> current(StateView view, String key) {
    Map<String, Attribute> byName = new LinkedHashMap<>();
    ContainerInstance instance = view.get(CONTAINER_INSTANCE, key).orElseThrow();
    if (instance.attributes() != null) {
      instance.attributes().forEach(a -> byName.put(a.name(), a));
    }
    return byName;
  }

  private static void save(StateTxn txn, String key, Map<String, Attribute> byName) {
    ContainerInstance instance = txn.get(CONTAINER_INSTANCE, key).orElseThrow();
    txn.put(CONTAINER_INSTANCE, key, instance.toBuilder().attributes(List.copyOf(byName.values())).build());
  }
}
