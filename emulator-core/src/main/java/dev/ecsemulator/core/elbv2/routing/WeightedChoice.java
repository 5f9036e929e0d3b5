package dev.ecsemulator.core.elbv2.routing;

import java.util.List;

/**
 * Splits requests between a forward action's target groups by weight, with the smooth weighted round-robin that nginx
 * uses: over any run of (sum of weights) requests each group gets exactly its weight's share, interleaved rather than
 * in bursts. Groups of weight 0 get nothing. Thread-safe.
 */
public final class WeightedChoice<T> {

  private final List<T> items;
  private final int[] weights;
  private final int[] current;
  private final int total;

  public WeightedChoice(List<T> items, List<Integer> weights) {
    if (items.size() != weights.size() || items.isEmpty()) {
      throw new IllegalArgumentException("one weight per item, at least one item");
    }
    this.items = List.copyOf(items);
    this.weights = weights.stream().mapToInt(Integer::intValue).toArray();
    this.current = new int[this.weights.length];
    this.total = java.util.Arrays.stream(this.weights).sum();
  }

  /** The next item; null when every weight is 0. */
  public synchronized T next() {
    if (total == 0) {
      return null;
    }
    int best = -1;
    for (int i = 0; i < weights.length; i++) {
      current[i] += weights[i];
      if (weights[i] > 0 && (best < 0 || current[i] > current[best])) {
        best = i;
      }
    }
    current[best] -= total;
    return items.get(best);
  }
}
