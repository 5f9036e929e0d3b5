package dev.ecsemulator.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.CapacityProviderStrategyItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The split of tasks among a strategy's providers, against the examples ECS's documentation works through. Each row:
 * the strategy ({@code provider:base:weight}, space-separated), how many tasks, and how many each provider gets.
 */
class CapacitySplitTest {

  @ParameterizedTest(name = "{0}, {1} tasks: {2}")
  @CsvSource(delimiter = '|', value = {
      // Model and Guide: "two capacity providers and both have a weight of 1 ... split evenly"
      "A:0:1 B:0:1         | 10 | A=5 B=5",
      // Model and Guide: weight 1 for A and 4 for B: "for every one task ... on A, four tasks ... on B"
      "A:0:1 B:0:4         | 5  | A=1 B=4",
      "A:0:1 B:0:4         | 10 | A=2 B=8",
      // ECS Spot workshop (ec2spotworkshops.com, ecs-spot-capacity-providers): base=2 weight=1 for on-demand,
      // weight=3 for Spot: "ECS first places 2 tasks ... then splits the remaining tasks ... in 1:3 ratio"
      "OD:2:1 SPOT:0:3     | 10 | OD=4 SPOT=6",
      "OD:2:1 SPOT:0:3     | 2  | OD=2",
      "OD:2:1 SPOT:0:3     | 6  | OD=3 SPOT=3",
      // Base first, even when its provider has no weight: the rest goes by weight only.
      "FARGATE:3:0 FARGATE_SPOT:0:1 | 5 | FARGATE=3 FARGATE_SPOT=2",
      "FARGATE:3:0 FARGATE_SPOT:0:1 | 2 | FARGATE=2",
      // A provider of weight 0 and no base gets nothing.
      "A:0:1 B:0:0 C:0:2   | 6  | A=2 C=4",
      // One provider takes everything, whatever its weight.
      "ONLY:0:0            | 3  | ONLY=3",
      "ONLY:1:5            | 3  | ONLY=3"})
  void tasksAreSplitByBaseThenWeight(String strategy, int count, String expected) {
    List<String> assigned = CapacitySplit.assign(parse(strategy), Map.of(), count);

    assertThat(assigned).hasSize(count);
    assertThat(tally(assigned)).isEqualTo(expected);
  }

  @Test
  void oneByOneAfterWhatRunsAlreadyGivesTheSameSplitAsAllAtOnce() {
    List<CapacityProviderStrategyItem> strategy = parse("FARGATE:1:1 FARGATE_SPOT:0:3");
    Map<String, Integer> running = new HashMap<>();
    List<String> oneByOne = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      String provider = CapacitySplit.next(strategy, running);
      running.merge(provider, 1, Integer::sum);
      oneByOne.add(provider);
    }

    assertThat(oneByOne).isEqualTo(CapacitySplit.assign(strategy, Map.of(), 9));
    assertThat(tally(oneByOne)).isEqualTo("FARGATE=3 FARGATE_SPOT=6");
    // A service that already runs 1 + 3 gets the next tasks where the split lags: here, Spot.
    assertThat(CapacitySplit.assign(strategy, Map.of("FARGATE", 2, "FARGATE_SPOT", 2), 2))
        .containsExactly("FARGATE_SPOT", "FARGATE_SPOT");
  }

  static List<CapacityProviderStrategyItem> parse(String strategy) {
    List<CapacityProviderStrategyItem> items = new ArrayList<>();
    for (String item : strategy.trim().split("\\s+")) {
      String[] parts = item.split(":");
      items.add(CapacityProviderStrategyItem.builder().capacityProvider(parts[0])
          .base(Integer.parseInt(parts[1])).weight(Integer.parseInt(parts[2])).build());
    }
    return items;
  }

  static String tally(List<String> providers) {
    Map<String, Integer> counts = new TreeMap<>();
    providers.forEach(p -> counts.merge(p, 1, Integer::sum));
    return String.join(" ", counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }
}
