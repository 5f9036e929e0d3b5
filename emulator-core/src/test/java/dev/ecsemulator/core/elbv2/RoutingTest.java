package dev.ecsemulator.core.elbv2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.elbv2.model.Action;
import dev.ecsemulator.core.elbv2.model.Rule;
import dev.ecsemulator.core.elbv2.model.RuleCondition;
import dev.ecsemulator.core.elbv2.routing.RuleMatcher;
import dev.ecsemulator.core.elbv2.routing.WeightedChoice;
import dev.ecsemulator.core.elbv2.routing.Wildcard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rule matching (AWS's wildcards, priorities, host and path conditions) and weighted splits, as pure functions. */
class RoutingTest {

  static Rule rule(String priority, RuleCondition... conditions) {
    return Rule.builder().ruleArn(priority).priority(priority).isDefault(false).conditions(List.of(conditions))
        .actions(List.of(Action.builder().type("forward").build())).build();
  }

  static final Rule DEFAULT = Rule.builder().ruleArn("default").priority("default").isDefault(true)
      .conditions(List.of()).actions(List.of(Action.builder().type("forward").build())).build();

  static RuleCondition path(String... values) {
    return RuleCondition.builder().field("path-pattern").values(List.of(values)).build();
  }

  static RuleCondition host(String... values) {
    return RuleCondition.builder().field("host-header").values(List.of(values)).build();
  }

  @Test
  void wildcardsMatchAsAwsDescribesThem() {
    assertThat(Wildcard.matches("/api/*", "/api/", false)).isTrue();
    assertThat(Wildcard.matches("/api/*", "/api/v1/users", false)).isTrue();
    assertThat(Wildcard.matches("/api/*", "/api", false)).isFalse();
    assertThat(Wildcard.matches("/img/?.png", "/img/a.png", false)).isTrue();
    assertThat(Wildcard.matches("/img/?.png", "/img/ab.png", false)).isFalse();
    assertThat(Wildcard.matches("*.example.com", "www.example.com", true)).isTrue();
    assertThat(Wildcard.matches("*.example.com", "example.com", true)).isFalse();
    assertThat(Wildcard.matches("/API/*", "/api/x", false)).isFalse();
    assertThat(Wildcard.matches("WWW.Example.com", "www.example.COM", true)).isTrue();
    assertThat(Wildcard.matches("*a*b*c", "xxaxxbxxbxxc", false)).isTrue();
    assertThat(Wildcard.matches("*", "", false)).isTrue();
  }

  @Test
  void theFirstRuleByPriorityWhoseConditionsAllHoldWinsElseTheDefault() {
    Rule apiOnShop = rule("5", path("/api/*"), host("shop.example.com"));
    Rule api = rule("10", path("/api/*", "/v2/*"));
    Rule anyShop = rule("20", host("*.example.com"));
    List<Rule> rules = List.of(apiOnShop, api, anyShop, DEFAULT);
    assertThat(RuleMatcher.match(rules, "shop.example.com:8080", "/api/x")).isSameAs(apiOnShop);
    assertThat(RuleMatcher.match(rules, "other.example.com", "/api/x")).isSameAs(api);
    assertThat(RuleMatcher.match(rules, "localhost", "/v2/y")).isSameAs(api);
    assertThat(RuleMatcher.match(rules, "Other.Example.com", "/")).isSameAs(anyShop);
    assertThat(RuleMatcher.match(rules, null, "/")).isSameAs(DEFAULT);
    assertThat(RuleMatcher.match(rules, "[::1]:80", "/")).isSameAs(DEFAULT);
  }

  @Test
  void weightedChoicesSplitExactlyByWeightOverEachRound() {
    WeightedChoice<String> choice = new WeightedChoice<>(List.of("blue", "green", "off"), List.of(3, 1, 0));
    List<String> picks = IntStream.range(0, 40).mapToObj(i -> choice.next()).toList();
    Map<String, Long> counts = picks.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(counts).containsOnly(Map.entry("blue", 30L), Map.entry("green", 10L));
    // Interleaved, not in bursts: green within every 4 picks.
    for (int i = 0; i + 4 <= picks.size(); i += 4) {
      assertThat(picks.subList(i, i + 4)).containsOnlyOnce("green");
    }
    assertThat(new WeightedChoice<>(List.of("a"), List.of(0)).next()).isNull();
  }

  @Test
  void weightsOfOneAreRoundRobin() {
    WeightedChoice<String> choice = new WeightedChoice<>(List.of("a", "b", "c"), List.of(1, 1, 1));
    List<String> picks = new ArrayList<>();
    IntStream.range(0, 6).forEach(i -> picks.add(choice.next()));
    assertThat(Collections.frequency(picks, "a")).isEqualTo(2);
    assertThat(picks.subList(0, 3)).containsExactlyInAnyOrder("a", "b", "c");
  }
}
