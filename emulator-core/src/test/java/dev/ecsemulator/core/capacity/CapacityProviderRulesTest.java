package dev.ecsemulator.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.CapacityProvider;
import dev.ecsemulator.core.model.CapacityProviderStrategyItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CapacityProviderRulesTest {

  static CapacityProviderStrategyItem item(String provider, Integer weight, Integer base) {
    return CapacityProviderStrategyItem.builder().capacityProvider(provider).weight(weight).base(base).build();
  }

  @Test
  void fillsBaseAndWeightDefaults() {
    assertThat(CapacityProviderRules.checkStrategy(List.of(item("FARGATE", 1, null)), List.of("FARGATE")))
        .containsExactly(item("FARGATE", 1, 0));
    assertThat(CapacityProviderRules.checkStrategy(List.of(item("FARGATE", null, 2)), List.of("FARGATE")))
        .containsExactly(item("FARGATE", 0, 2));
  }

  @Test
  void aStrategyMayOnlyUseProvidersOfTheCluster() {
    assertThatThrownBy(() -> CapacityProviderRules.checkStrategy(List.of(item("FARGATE_SPOT", 1, 0)), List.of("FARGATE")))
        .isInstanceOf(InvalidParameterException.class).hasMessage(CapacityProviderRules.NOT_ASSOCIATED);
  }

  @Test
  void onlyOneBaseAndAtLeastOneWeight() {
    List<String> both = List.of("FARGATE", "FARGATE_SPOT");
    assertThatThrownBy(() -> CapacityProviderRules.checkStrategy(
        List.of(item("FARGATE", 1, 1), item("FARGATE_SPOT", 1, 1)), both))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("Only one capacity provider in a capacity provider strategy can have a base defined.");
    assertThatThrownBy(() -> CapacityProviderRules.checkStrategy(
        List.of(item("FARGATE", 0, 1), item("FARGATE_SPOT", 0, 0)), both))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("weight");
    assertThatThrownBy(() -> CapacityProviderRules.checkStrategy(
        List.of(item("FARGATE", 1, 0), item("FARGATE", 1, 0)), both))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("duplicate");
  }

  @Test
  void fargateAndAutoScalingProvidersDoNotMix() {
    assertThatThrownBy(() -> CapacityProviderRules.checkStrategy(
        List.of(item("FARGATE", 1, 0), item("asg", 1, 0)), List.of("FARGATE", "asg")))
        .isInstanceOf(InvalidParameterException.class).hasMessage(CapacityProviderRules.MIXED);
  }

  @Test
  void atMost20Items() {
    List<CapacityProviderStrategyItem> items = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      items.add(item("p" + i, 1, 0));
      names.add("p" + i);
    }
    assertThatThrownBy(() -> CapacityProviderRules.checkStrategy(items, names))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("maximum of 20");
  }

  @Test
  void associationNeedsExistingProvidersNotOwnedElsewhere() {
    CapacityProvider asg = CapacityProvider.builder().name("asg").build();
    assertThat(CapacityProviderRules.checkAssociation(List.of("asg", "asg"), n -> Optional.of(asg), n -> Optional.empty()))
        .containsExactly("asg");
    assertThatThrownBy(() -> CapacityProviderRules.checkAssociation(List.of("x"), n -> Optional.empty(), n -> Optional.empty()))
        .isInstanceOf(InvalidParameterException.class).hasMessage(CapacityProviderRules.NOT_FOUND);
    assertThatThrownBy(() -> CapacityProviderRules.checkAssociation(List.of("asg"), n -> Optional.of(asg), n -> Optional.of("other")))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("other");
  }

  @ParameterizedTest
  @ValueSource(strings = {"FARGATE", "FARGATE_SPOT", "fargate-x", "aws-asg", "ECSasg", "has space", "dots.no", ""})
  void reservedOrMalformedNamesAreRefused(String name) {
    assertThatThrownBy(() -> CapacityProviderRules.checkNewName(name)).isInstanceOf(InvalidParameterException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"my-asg", "My_Provider_1", "a"})
  void validNamesPass(String name) {
    assertThatNoException().isThrownBy(() -> CapacityProviderRules.checkNewName(name));
  }
}
