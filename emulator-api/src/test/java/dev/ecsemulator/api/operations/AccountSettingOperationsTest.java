package dev.ecsemulator.api.operations;

import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsResponse;
import software.amazon.awssdk.services.ecs.model.Setting;
import software.amazon.awssdk.services.ecs.model.SettingName;

/** The account setting operations through the real AWS SDK v2. */
class AccountSettingOperationsTest {

  static final String ROOT = "arn:aws:iam::000000000000:root";
  static final String USER = "arn:aws:iam::000000000000:user/alice";

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  @Test
  void effectiveSettingsReportAwsDefaultsInPagesOfTen() {
    List<Setting> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ListAccountSettingsResponse page = ecs.listAccountSettings(b -> b.effectiveSettings(true).nextToken(next));
      all.addAll(page.settings());
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(2);
    Map<String, String> values = all.stream().collect(Collectors.toMap(Setting::nameAsString, Setting::value));
    assertThat(values).hasSize(SettingName.knownValues().size())
        .containsEntry("serviceLongArnFormat", "enabled")
        .containsEntry("taskLongArnFormat", "enabled")
        .containsEntry("containerInstanceLongArnFormat", "enabled")
        .containsEntry("awsvpcTrunking", "disabled")
        .containsEntry("containerInsights", "disabled")
        .containsEntry("fargateTaskRetirementWaitPeriod", "7")
        .containsEntry("defaultLogDriverMode", "non-blocking");
    assertThat(all).allSatisfy(s -> assertThat(s.principalArn()).isEqualTo(ROOT));
    assertThat(all).filteredOn(s -> s.nameAsString().equals("guardDutyActivate"))
        .singleElement().satisfies(s -> assertThat(s.typeAsString()).isEqualTo("aws_managed"));
    assertThat(ecs.listAccountSettingsPaginator(b -> b.effectiveSettings(true).maxResults(3)).settings())
        .hasSize(SettingName.knownValues().size());
  }

  @Test
  void withoutEffectiveSettingsOnlyWhatWasSetIsListed() {
    assertThat(ecs.listAccountSettings().settings()).isEmpty();

    Setting put = ecs.putAccountSetting(b -> b.name(SettingName.AWSVPC_TRUNKING).value("enabled")).setting();

    assertThat(put.principalArn()).isEqualTo(ROOT);
    assertThat(put.value()).isEqualTo("enabled");
    assertThat(ecs.listAccountSettings().settings()).containsExactly(put);
    assertThat(ecs.listAccountSettings(b -> b.name(SettingName.AWSVPC_TRUNKING).value("enabled")).settings()).hasSize(1);
    assertThat(ecs.listAccountSettings(b -> b.name(SettingName.AWSVPC_TRUNKING).value("disabled")).settings()).isEmpty();
  }

  @Test
  void aPrincipalsOwnSettingWinsOverTheAccountDefault() {
    ecs.putAccountSettingDefault(b -> b.name(SettingName.CONTAINER_INSIGHTS).value("enhanced"));
    Setting own = ecs.putAccountSetting(b -> b.name(SettingName.CONTAINER_INSIGHTS).value("disabled").principalArn(USER)).setting();
    assertThat(own.principalArn()).isEqualTo(USER);

    Setting forUser = ecs.listAccountSettings(b -> b.principalArn(USER).effectiveSettings(true)
        .name(SettingName.CONTAINER_INSIGHTS)).settings().get(0);
    assertThat(forUser.value()).isEqualTo("disabled");
    Setting forRoot = ecs.listAccountSettings(b -> b.effectiveSettings(true).name(SettingName.CONTAINER_INSIGHTS)).settings().get(0);
    assertThat(forRoot.value()).isEqualTo("enhanced");
    assertThat(forRoot.principalArn()).isEqualTo(ROOT);

    Setting deleted = ecs.deleteAccountSetting(b -> b.name(SettingName.CONTAINER_INSIGHTS).principalArn(USER)).setting();
    assertThat(deleted.value()).isEqualTo("disabled");
    assertThat(ecs.listAccountSettings(b -> b.principalArn(USER).effectiveSettings(true)
        .name(SettingName.CONTAINER_INSIGHTS)).settings().get(0).value()).isEqualTo("enhanced");

    ecs.deleteAccountSetting(b -> b.name(SettingName.CONTAINER_INSIGHTS));
    assertThat(ecs.listAccountSettings(b -> b.effectiveSettings(true).name(SettingName.CONTAINER_INSIGHTS))
        .settings().get(0).value()).isEqualTo("disabled");
  }

  @Test
  void invalidValuesAreRefused() {
    assertAwsError(() -> ecs.putAccountSetting(b -> b.name(SettingName.AWSVPC_TRUNKING).value("on")),
        InvalidParameterException.class, "Invalid setting 'value'");
    assertAwsError(() -> ecs.putAccountSetting(b -> b.name(SettingName.TASK_LONG_ARN_FORMAT).value("ENABLED")),
        InvalidParameterException.class, "Invalid setting 'value'");
    assertAwsError(() -> ecs.putAccountSettingDefault(b -> b.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).value("3")),
        InvalidParameterException.class, "Invalid setting 'value'");
    assertAwsError(() -> ecs.putAccountSetting(b -> b.name(SettingName.GUARD_DUTY_ACTIVATE).value("on")),
        InvalidParameterException.class, "The guardDutyActivate account setting is managed by AWS and can't be modified.");
    assertAwsError(() -> ecs.listAccountSettings(b -> b.value("enabled")), InvalidParameterException.class,
        "You must also specify an account setting name to use the value filter.");
    assertAwsError(() -> ecs.listAccountSettings(b -> b.maxResults(11)), InvalidParameterException.class,
        "maxResults must be between 1 and 10.");
  }
}
