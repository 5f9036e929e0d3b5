package dev.ecsemulator.core.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.ssm.error.InvalidFilterKey;
import dev.ecsemulator.core.ssm.error.InvalidFilterOption;
import dev.ecsemulator.core.ssm.error.InvalidFilterValue;
import dev.ecsemulator.core.ssm.error.ValidationException;
import dev.ecsemulator.core.ssm.model.ParameterStringFilter;
import dev.ecsemulator.core.ssm.model.ParametersFilter;
import dev.ecsemulator.core.ssm.model.Tag;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterFiltersTest {

  static final StoredParameter DB_PASSWORD = new StoredParameter("/app/prod/db/password",
      "arn:aws:ssm:us-east-1:000000000000:parameter/app/prod/db/password", List.of(new Tag("team", "payments")), 1);
  static final StoredParameterVersion SECURE = new StoredParameterVersion(1, "SecureString", "pw", "AQICAH", "alias/aws/ssm",
      null, null, "text", "Advanced", List.of(), List.of("prod"), Instant.EPOCH, "arn:aws:iam::000000000000:root");

  static ParameterStringFilter filter(String key, String option, String... values) {
    return new ParameterStringFilter(key, option, values.length == 0 ? null : List.of(values));
  }

  static boolean matches(ParameterFilters.Operation operation, ParameterStringFilter... filters) {
    return ParameterFilters.matchAll(ParameterFilters.check(List.of(filters), operation), DB_PASSWORD, SECURE);
  }

  static boolean describes(ParameterStringFilter... filters) {
    return matches(ParameterFilters.Operation.DESCRIBE, filters);
  }

  @Test
  void eachKeyMatchesItsField() {
    assertThat(describes(filter("Name", null, "/app/prod/db/password"))).isTrue();
    assertThat(describes(filter("Name", "BeginsWith", "app/prod"))).as("values are rooted too").isTrue();
    assertThat(describes(filter("Name", "Contains", "db/pass"))).isTrue();
    assertThat(describes(filter("Path", null, "/app/prod/db"))).isTrue();
    assertThat(describes(filter("Path", null, "/app/prod"))).isFalse();
    assertThat(describes(filter("Path", "Recursive", "/app/"))).isTrue();
    assertThat(describes(filter("Type", null, "String", "SecureString"))).isTrue();
    assertThat(describes(filter("KeyId", "BeginsWith", "alias/custom"))).isFalse();
    assertThat(describes(filter("KeyId", null, "alias/aws/ssm"))).isTrue();
    assertThat(describes(filter("Tier", null, "Standard"))).isFalse();
    assertThat(describes(filter("DataType", null, "text"))).isTrue();
    assertThat(describes(filter("tag:team", "BeginsWith", "pay"))).isTrue();
    assertThat(describes(filter("tag:team", null))).isTrue();
    assertThat(describes(filter("tag:owner", null))).isFalse();
    assertThat(matches(ParameterFilters.Operation.BY_PATH, filter("Label", null, "prod"))).isTrue();
  }

  @Test
  void filtersAreAndedAndValuesOred() {
    assertThat(describes(filter("Type", null, "SecureString"), filter("Tier", null, "Advanced"))).isTrue();
    assertThat(describes(filter("Type", null, "SecureString"), filter("Tier", null, "Standard"))).isFalse();
  }

  @Test
  void theDeprecatedNameFilterMatchesTheBeginning() {
    assertThat(ParameterFilters.matchAll(ParameterFilters.legacy(List.of(new ParametersFilter("Name",
        List.of("/app/prod/")))), DB_PASSWORD, SECURE)).isTrue();
  }

  @Test
  void badFiltersAreRefusedAsAwsRefusesThem() {
    assertThatThrownBy(() -> describes(filter("Label", null, "x"))).isInstanceOf(InvalidFilterKey.class);
    assertThatThrownBy(() -> matches(ParameterFilters.Operation.BY_PATH, filter("Tier", null, "Standard")))
        .isInstanceOf(InvalidFilterKey.class);
    assertThatThrownBy(() -> describes(filter("Name", null, "a"), filter("Name", null, "b")))
        .isInstanceOf(InvalidFilterKey.class).hasMessageContaining("duplicated");
    assertThatThrownBy(() -> describes(filter("KeyId", null))).isInstanceOf(InvalidFilterValue.class);
    assertThatThrownBy(() -> describes(filter("Type", null, "Text"))).isInstanceOf(InvalidFilterOption.class);
    assertThatThrownBy(() -> describes(filter("Name", "Recursive", "a"))).isInstanceOf(InvalidFilterOption.class);
    assertThatThrownBy(() -> matches(ParameterFilters.Operation.BY_PATH, filter("Label", "BeginsWith", "p")))
        .isInstanceOf(InvalidFilterOption.class);
    assertThatThrownBy(() -> describes(filter("Path", null, "app"))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> describes(filter("Path", null, "/SSM/x"))).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Filters for common parameters");
  }
}
