package dev.ecsemulator.core.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.ssm.error.ValidationException;
import org.junit.jupiter.api.Test;

class TiersTest {

  @Test
  void withoutATierANewParameterIsStandardAndAnExistingOneKeepsItsTier() {
    assertThat(Tiers.decide(null, null, 10, false)).isEqualTo("Standard");
    assertThat(Tiers.decide(null, "Advanced", 10, false)).isEqualTo("Advanced");
  }

  @Test
  void intelligentTieringIsAdvancedOnlyWhenItMustBe() {
    assertThat(Tiers.decide("Intelligent-Tiering", null, 4096, false)).isEqualTo("Standard");
    assertThat(Tiers.decide("Intelligent-Tiering", null, 4097, false)).isEqualTo("Advanced");
    assertThat(Tiers.decide("Intelligent-Tiering", null, 10, true)).isEqualTo("Advanced");
    assertThat(Tiers.decide("Intelligent-Tiering", "Advanced", 10, false)).isEqualTo("Advanced");
  }

  @Test
  void limitsAreRefused() {
    assertThatThrownBy(() -> Tiers.decide(null, null, 4097, false)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Standard tier parameters support a maximum parameter value of 4096 characters.");
    assertThat(Tiers.decide("Advanced", null, 8192, false)).isEqualTo("Advanced");
    assertThatThrownBy(() -> Tiers.decide("Advanced", null, 8193, false)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Tiers.decide("Standard", "Advanced", 10, false)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("You can't downgrade");
    assertThatThrownBy(() -> Tiers.decide("Standard", null, 10, true)).isInstanceOf(ValidationException.class);
  }
}
