package dev.ecsemulator.core.attribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.Attribute;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributeRulesTest {

  static Attribute attr(String name, String value) {
    return Attribute.builder().name(name).value(value).targetId("t").build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"stack", "ecs.os-type", "a/b\\c_d-e.f"})
  void validNames(String name) {
    assertThatNoException().isThrownBy(() -> AttributeRules.checkCall(List.of(attr(name, "v")), true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "colon:", "at@"})
  void invalidNames(String name) {
    assertThatThrownBy(() -> AttributeRules.checkCall(List.of(attr(name, "v")), true))
        .isInstanceOf(InvalidParameterException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {" leading", "trailing ", "bad#char"})
  void invalidValues(String value) {
    assertThatThrownBy(() -> AttributeRules.checkCall(List.of(attr("n", value)), true))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void valuesMayHoldInnerSpacesColonsAndAtSigns() {
    assertThatNoException().isThrownBy(() -> AttributeRules.checkCall(List.of(attr("n", "a b:c@d")), true));
  }

  @Test
  void builtInAttributesAreNotCustom() {
    assertThat(AttributeRules.isCustom("ecs.instance-type")).isFalse();
    assertThat(AttributeRules.isCustom("com.amazonaws.ecs.capability.docker-remote-api.1.19")).isFalse();
    assertThat(AttributeRules.isCustom("stack")).isTrue();
  }
}
