package dev.ecsemulator.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.state.InMemoryStateStore;
import org.junit.jupiter.api.Test;

class SettingDefinitionsTest {

  @Test
  void everySettingOfTheModelHasADefaultItAccepts() {
    assertThat(SettingDefinitions.all()).hasSize(11);
    for (SettingDefinitions.Definition d : SettingDefinitions.all()) {
      assertThat(d.allowedValues()).contains(d.defaultValue());
    }
  }

  @Test
  void valuesAreCheckedPerSetting() {
    assertThatNoException().isThrownBy(() -> SettingDefinitions.checkWritable("tagResourceAuthorization", "off"));
    assertThatNoException().isThrownBy(() -> SettingDefinitions.checkWritable("fargateTaskRetirementWaitPeriod", "14"));
    assertThatThrownBy(() -> SettingDefinitions.checkWritable("tagResourceAuthorization", "enabled"))
        .isInstanceOf(InvalidParameterException.class).hasMessage("Invalid setting 'value'");
    assertThatThrownBy(() -> SettingDefinitions.checkWritable("guardDutyActivate", "on"))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void theEffectiveValueIsTheAccountsElseAwsDefault() {
    Scope scope = new Scope("123456789012", "eu-west-1");
    InMemoryStateStore store = new InMemoryStateStore();
    AccountSettings settings = new AccountSettings(store);
    assertThat(effective(store, scope)).isEqualTo("disabled");

    settings.put(scope, "containerInsights", "enhanced", "arn:aws:iam::123456789012:user/bob");
    assertThat(effective(store, scope)).isEqualTo("disabled");

    settings.putDefault(scope, "containerInsights", "enabled");
    assertThat(effective(store, scope)).isEqualTo("enabled");
  }

  private static String effective(InMemoryStateStore store, Scope scope) {
    return store.<String>read(scope, v -> AccountSettings.effectiveValue(v, scope, "containerInsights"));
  }
}
