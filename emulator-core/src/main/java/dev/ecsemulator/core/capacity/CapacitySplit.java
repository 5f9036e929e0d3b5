package dev.ecsemulator.core.capacity;

import dev.ecsemulator.core.model.CapacityProviderStrategyItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a capacity provider strategy spreads tasks over its providers, as ECS documents it (Model docs of
 * CapacityProviderStrategyItem, "Task distribution logic"; Guide {@code cluster-capacity-providers.md}):
 *
 * <ol>
 *   <li>base first: the provider with a {@code base} gets tasks until it runs that many;
 *   <li>then by weight: "for every one task that's run using capacityProviderA" (weight 1), "there are four tasks
 *       that use capacityProviderB" (weight 4); providers of weight 0 get none beyond their base.
 * </ol>
 *
 * <p>Each new task goes where the split is furthest behind: to the provider whose weighted share, counting this
 * task, stays smallest ((placed beyond base + 1) / weight), the earlier in the strategy on a tie (the highest
 * averages method), so the counts follow the weights whether the tasks come all at once (RunTask's {@code count}) or
 * one by one (a service). How ECS breaks ties is not documented.
 *
 * <p>A strategy of one provider puts everything there, whatever its weight. Pure.
 */
public final class CapacitySplit {

  private CapacitySplit() {}

  /**
   * The provider of each of {@code count} new tasks, in launch order.
   *
   * @param strategy a checked strategy ({@link CapacityProviderRules#checkStrategy}), not empty
   * @param placed how many tasks each provider already runs for this service or launch (absent means none)
   */
  public static List<String> assign(List<CapacityProviderStrategyItem> strategy, Map<String, Integer> placed,
      int count) {
    Map<String, Integer> running = new HashMap<>(placed);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String provider = next(strategy, running);
      running.merge(provider, 1, Integer::sum);
      out.add(provider);
    }
    return out;
  }

  /** The provider of the next task, given how many each one runs already. */
  public static String next(List<CapacityProviderStrategyItem> strategy, Map<String, Integer> placed) {
    for (CapacityProviderStrategyItem item : strategy) {
      if (base(item) > placed.getOrDefault(item.capacityProvider(), 0)) {
        return item.capacityProvider();
      }
    }
    CapacityProviderStrategyItem best = null;
    long bestShare = 0;
    long bestWeight = 1;
    for (CapacityProviderStrategyItem item : strategy) {
      int weight = weight(item);
      if (weight <= 0) {
        continue;
      }
      long share = Math.max(0, placed.getOrDefault(item.capacityProvider(), 0) - base(item)) + 1L;
      // share / weight < bestShare / bestWeight, without division
      if (best == null || share * bestWeight < bestShare * weight) {
        best = item;
        bestShare = share;
        bestWeight = weight;
      }
    }
    return (best != null ? best : strategy.get(0)).capacityProvider();
  }

  private static int base(CapacityProviderStrategyItem item) {
    return item.base() == null ? 0 : item.base();
  }

  private static int weight(CapacityProviderStrategyItem item) {
    return item.weight() == null ? 0 : item.weight();
  }
}
