package dev.ecsemulator.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.ClusterSetting;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cluster names, references and settings: pure rules. */
class ClusterRulesTest {

  static final Scope SCOPE = new Scope("123456789012", "eu-west-1");

  @ParameterizedTest
  @ValueSource(strings = {"a", "my-cluster_1", "ABC"})
  void validNames(String name) {
    assertThatNoException().isThrownBy(() -> ClusterNames.checkNewName(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "dot.ted", "slash/ed", "colon:"})
  void invalidNames(String name) {
    assertThatThrownBy(() -> ClusterNames.checkNewName(name)).isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void aNameOf256CharactersIsTooLong() {
    assertThatNoException().isThrownBy(() -> ClusterNames.checkNewName("a".repeat(255)));
    assertThatThrownBy(() -> ClusterNames.checkNewName("a".repeat(256))).isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void referencesInOtherScopesNameNothingHere() {
    assertThat(ClusterNames.inScope(SCOPE, "web")).isTrue();
    assertThat(ClusterNames.inScope(SCOPE, "arn:aws:ecs:eu-west-1:123456789012:cluster/web")).isTrue();
    assertThat(ClusterNames.inScope(SCOPE, "arn:aws:ecs:us-east-1:123456789012:cluster/web")).isFalse();
    assertThat(ClusterNames.inScope(SCOPE, "arn:aws:ecs:eu-west-1:999999999999:cluster/web")).isFalse();
    assertThat(ClusterNames.inScope(SCOPE, "arn:aws:ecs:eu-west-1:123456789012:service/web/x")).isFalse();
  }

  @Test
  void failuresReportTheArnAsGivenOrAsAwsBuildsIt() {
    assertThat(ClusterNames.failureArn(SCOPE, "web")).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:cluster/web");
    assertThat(ClusterNames.failureArn(SCOPE, "arn:aws:ecs:us-east-1:1:cluster/x")).isEqualTo("arn:aws:ecs:us-east-1:1:cluster/x");
  }

  @Test
  void containerInsightsTakesEnhancedEnabledOrDisabled() {
    List<ClusterSetting> current = List.of(setting("disabled"));
    assertThat(ClusterSettingsRules.apply(current, List.of(setting("enhanced")))).containsExactly(setting("enhanced"));
    assertThat(ClusterSettingsRules.apply(current, null)).containsExactly(setting("disabled"));
    assertThatThrownBy(() -> ClusterSettingsRules.apply(current, List.of(setting("Enabled"))))
        .isInstanceOf(InvalidParameterException.class).hasMessage("Invalid setting 'value'");
  }

  static ClusterSetting setting(String value) {
    return ClusterSetting.builder().name("containerInsights").value(value).build();
  }
}
