package dev.ecsemulator.core.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.secretsmanager.error.InvalidParameterException;
import dev.ecsemulator.core.secretsmanager.model.Filter;
import dev.ecsemulator.core.secretsmanager.model.Tag;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ListSecrets' filters as pure predicates. */
class SecretFiltersTest {

  static final StoredSecret SECRET = new StoredSecret("prod/Payments-db", "arn", "Card processor password", null,
      List.of(new Tag("CostCenter", "Finance")), Instant.EPOCH, Instant.EPOCH, null, null, List.of());

  static boolean matches(String key, String... values) {
    return SecretFilters.matches(SECRET, "eu-west-1", List.of(new Filter(key, List.of(values))));
  }

  @Test
  void prefixFiltersAreCaseSensitiveButDescription() {
    assertThat(matches("name", "prod/Pay")).isTrue();
    assertThat(matches("name", "prod/pay")).isFalse();
    assertThat(matches("name", "Payments")).as("a prefix, not a substring").isFalse();
    assertThat(matches("description", "card PROC")).isTrue();
    assertThat(matches("tag-key", "Cost")).isTrue();
    assertThat(matches("tag-value", "fin")).isFalse();
    assertThat(matches("primary-region", "eu-")).isTrue();
    assertThat(matches("owning-service", "rds")).isFalse();
  }

  @Test
  void allMatchesWordBeginningsAnywhereIgnoringCase() {
    assertThat(matches("all", "payments")).isTrue();
    assertThat(matches("all", "pass fin")).isTrue();
    assertThat(matches("all", "ments")).as("words are matched from their start").isFalse();
    assertThat(matches("all", "pass nothing")).as("every word must match").isFalse();
  }

  @Test
  void allSkipsATagWithoutAValue() {
    StoredSecret untagged = new StoredSecret("app/token", "arn", null, null, List.of(new Tag("Team", null)),
        Instant.EPOCH, Instant.EPOCH, null, null, List.of());

    assertThat(SecretFilters.matches(untagged, "eu-west-1", List.of(new Filter("all", List.of("team"))))).isTrue();
    assertThat(SecretFilters.matches(untagged, "eu-west-1", List.of(new Filter("all", List.of("fuzz"))))).isFalse();
  }

  @Test
  void valuesAreAlternativesAndAnExclamationMarkNegates() {
    assertThat(matches("name", "dev/", "prod/")).isTrue();
    assertThat(matches("name", "!dev/")).isTrue();
    assertThat(matches("name", "!prod/")).isFalse();
  }

  @Test
  void aFilterWithoutAKeyIsRefused() {
    assertThatThrownBy(() -> SecretFilters.matches(SECRET, "eu-west-1", List.of(new Filter(null, List.of("prod")))))
        .isInstanceOf(InvalidParameterException.class).hasMessage("Invalid filter key");
  }

  @Test
  void aFilterWithoutValuesIsRefused() {
    assertThatThrownBy(() -> SecretFilters.matches(SECRET, "eu-west-1", List.of(new Filter("name", null))))
        .isInstanceOf(InvalidParameterException.class);
  }
}
