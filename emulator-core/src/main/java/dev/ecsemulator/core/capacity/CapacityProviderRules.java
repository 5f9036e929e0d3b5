package dev.ecsemulator.core.capacity;

import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.CapacityProvider;
import dev.ecsemulator.core.model.CapacityProviderStrategyItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Pure validation of capacity provider names, of the providers associated with a cluster and of
 * capacity provider strategies. Every failure is an InvalidParameterException. Wording: where a comment
 * names no source it is unverified (see docs/differences-from-aws.md).
 */
public final class CapacityProviderRules {

  /** Model docs of CreateCapacityProvider.name: "Up to 255 characters ... letters, numbers, underscores, and hyphens". */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  /** Model docs of CapacityProviderStrategyItem: "A capacity provider strategy can contain a maximum of 20 capacity providers." */
  public static final int MAX_STRATEGY_ITEMS = 20;

  /** Seen in user reports of CreateCluster/PutClusterCapacityProviders (terraform-aws-modules/terraform-aws-ecs#53). */
  public static final String NOT_FOUND =
      "The specified capacity provider was not found. Specify a valid capacity provider and try again.";
  public static final String NOT_ASSOCIATED = "The specified capacity provider strategy cannot contain a capacity "
      + "provider that is not associated with the cluster. Associate the capacity provider with the cluster or "
      + "specify a valid capacity provider and try again.";
  public static final String MIXED = "The specified capacity provider strategy cannot contain a mix of capacity "
      + "providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.";

  private CapacityProviderRules() {}

  /** CreateCapacityProvider's name rules; FARGATE and FARGATE_SPOT are taken by AWS's own providers. */
  public static void checkNewName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidParameterException("The specified capacity provider name is invalid. Up to 255 characters "
          + "are allowed, including letters (upper and lowercase), numbers, underscores, and hyphens.");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    // Model docs: "The name can't be prefixed with "aws", "ecs", or "fargate"." (FARGATE and FARGATE_SPOT included.)
    if (lower.startsWith("aws") || lower.startsWith("ecs") || lower.startsWith("fargate")) {
      throw new InvalidParameterException("The specified capacity provider name is invalid. "
          + "Capacity provider names can't be prefixed with 'aws', 'ecs', or 'fargate'.");
    }
  }

  /**
   * Checks the {@code capacityProviders} of CreateCluster or PutClusterCapacityProviders: each must exist,
   * and an Auto Scaling group provider may belong to one cluster only ("the capacity provider must be
   * created but not associated with another cluster", Model docs). Returns the short names, deduplicated,
   * in the given order.
   *
   * @param ownerOf the ACTIVE cluster, other than this one, that a provider is associated with, if any
   */
  public static List<String> checkAssociation(List<String> namesOrArns,
      Function<String, Optional<CapacityProvider>> lookup, Function<String, Optional<String>> ownerOf) {
    if (namesOrArns == null) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    for (String nameOrArn : namesOrArns) {
      CapacityProvider provider = lookup.apply(nameOrArn)
          .orElseThrow(() -> new InvalidParameterException(NOT_FOUND));
      if (!CapacityProviderCatalog.isFargate(provider.name())) {
        ownerOf.apply(provider.name()).ifPresent(other -> {
          throw new InvalidParameterException("The specified capacity provider " + provider.name()
              + " is already associated with cluster " + other + ". Specify a capacity provider that isn't "
              + "associated with another cluster and try again.");
        });
      }
      names.add(provider.name());
    }
    return List.copyOf(names);
  }

  /**
   * Checks a cluster's default capacity provider strategy against the providers associated with it
   * (Model docs of CapacityProviderStrategyItem), and fills AWS's defaults: {@code base} 0 and
   * {@code weight} 0 (aws-cli put-cluster-capacity-providers.rst shows {@code base: 0} for items given
   * only a weight).
   */
  public static List<CapacityProviderStrategyItem> checkStrategy(
      List<CapacityProviderStrategyItem> strategy, List<String> associated) {
    if (strategy == null || strategy.isEmpty()) {
      return List.of();
    }
    if (strategy.size() > MAX_STRATEGY_ITEMS) {
      throw new InvalidParameterException(
          "A capacity provider strategy can contain a maximum of " + MAX_STRATEGY_ITEMS + " capacity providers.");
    }
    Set<String> seen = new HashSet<>();
    int withBase = 0;
    boolean anyWeight = false;
    boolean fargate = false;
    boolean autoScaling = false;
    List<CapacityProviderStrategyItem> normalized = new ArrayList<>();
    for (CapacityProviderStrategyItem item : strategy) {
      String name = CapacityProviderCatalog.nameOf(item.capacityProvider());
      if (!associated.contains(name)) {
        throw new InvalidParameterException(NOT_ASSOCIATED);
      }
      if (!seen.add(name)) {
        throw new InvalidParameterException(
            "The specified capacity provider strategy contains duplicate capacity providers: " + name + ".");
      }
      int base = item.base() == null ? 0 : item.base();
      int weight = item.weight() == null ? 0 : item.weight();
      withBase += base > 0 ? 1 : 0;
      anyWeight |= weight > 0;
      fargate |= CapacityProviderCatalog.isFargate(name);
      autoScaling |= !CapacityProviderCatalog.isFargate(name);
      normalized.add(CapacityProviderStrategyItem.builder().capacityProvider(name).weight(weight).base(base).build());
    }
    if (fargate && autoScaling) {
      throw new InvalidParameterException(MIXED);
    }
    if (withBase > 1) {
      // Model docs of CapacityProviderStrategyItem.base.
      throw new InvalidParameterException(
          "Only one capacity provider in a capacity provider strategy can have a base defined.");
    }
    if (normalized.size() > 1 && !anyWeight) {
      // Model docs of .weight: "at least one of the capacity providers must have a weight value greater than zero".
      throw new InvalidParameterException("The specified capacity provider strategy must contain at least one "
          + "capacity provider with a weight value greater than zero.");
    }
    return List.copyOf(normalized);
  }
}
