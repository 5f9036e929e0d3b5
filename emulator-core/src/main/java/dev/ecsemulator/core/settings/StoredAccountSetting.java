package dev.ecsemulator.core.settings;

import dev.ecsemulator.core.state.Kind;

/**
 * An account setting someone put, for one principal (the root user's ARN for account-wide values and
 * PutAccountSettingDefault). Stored under {@link #KIND} with key {@link #key}.
 */
public record StoredAccountSetting(String name, String value, String principalArn) {

  /** Durable kind name: never rename. */
  public static final Kind<StoredAccountSetting> KIND = Kind.of("account-setting", StoredAccountSetting.class);

  /** Sorts by principal, then setting name. */
  public static String key(String principalArn, String name) {
    return principalArn + "|" + name;
  }
}
