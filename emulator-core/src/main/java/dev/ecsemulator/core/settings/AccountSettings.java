package dev.ecsemulator.core.settings;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.Setting;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateView;
import java.util.ArrayList;
import java.util.List;

/**
 * ListAccountSettings, PutAccountSetting, PutAccountSettingDefault and DeleteAccountSetting. The emulator
 * verifies no identity, so "the authenticated user" is the account's root user
 * ({@code arn:aws:iam::ACCOUNT:root}): a setting put without {@code principalArn} is account-wide, which
 * is also what PutAccountSettingDefault sets. A principal's own setting wins over the root user's, which
 * wins over AWS's default (Model docs of {@code principalArn} and {@code effectiveSettings}).
 * Thread-safe: each call is one store transaction.
 */
public final class AccountSettings {

  /** ListAccountSettings: "This value can be between 1 and 10 ... returns up to 10 results" (Model docs). */
  public static final int MAX_RESULTS = 10;

  private final StateStore store;

  public AccountSettings(StateStore store) {
    this.store = store;
  }

  public static String rootArn(Scope scope) {
    return "arn:aws:iam::" + scope.accountId() + ":root";
  }

  /**
   * The value in force for the account (its root user), falling back to AWS's default. Others call this
   * for defaults such as a new cluster's {@code containerInsights}.
   */
  public static String effectiveValue(StateView view, Scope scope, String name) {
    return view.get(StoredAccountSetting.KIND, StoredAccountSetting.key(rootArn(scope), name))
        .map(StoredAccountSetting::value)
        .orElseGet(() -> SettingDefinitions.of(name).defaultValue());
  }

  /** PutAccountSetting: the caller's (root's) or {@code principalArn}'s own value. Idempotent. */
  public Setting put(Scope scope, String name, String value, String principalArn) {
    SettingDefinitions.checkWritable(name, value);
    String principal = principalOrRoot(scope, principalArn);
    store.write(scope, txn -> {
      txn.put(StoredAccountSetting.KIND, StoredAccountSetting.key(principal, name),
          new StoredAccountSetting(name, value, principal));
      return null;
    });
    return setting(name, value, principal);
  }

  /** PutAccountSettingDefault: the account-wide value, reported with the root user's ARN. */
  public Setting putDefault(Scope scope, String name, String value) {
    return put(scope, name, value, null);
  }

  /**
   * DeleteAccountSetting: forgets the principal's own value and answers with the setting as it was
   * (aws-cli example {@code delete-account-setting.rst}). Deleting a value never set answers with the
   * value in force. Idempotent.
   */
  public Setting delete(Scope scope, String name, String principalArn) {
    SettingDefinitions.of(name);
    String principal = principalOrRoot(scope, principalArn);
    return store.write(scope, txn -> {
      String key = StoredAccountSetting.key(principal, name);
      String before = txn.get(StoredAccountSetting.KIND, key).map(StoredAccountSetting::value)
          .orElseGet(() -> effectiveValue(txn, scope, name));
      txn.remove(StoredAccountSetting.KIND, key);
      return setting(name, before, principal);
    });
  }

  /**
   * ListAccountSettings. Without {@code effectiveSettings}, only the values set for the principal; with
   * it, one entry per setting name: the principal's, else the root user's, else AWS's default.
   * {@code value} filters and needs {@code name}.
   */
  public Paging.Page<Setting> list(Scope scope, String name, String value, String principalArn,
      boolean effective, Integer maxResults, String nextToken) {
    if (value != null && name == null) {
      // Model docs: "You must also specify an account setting name to use this parameter." Wording unverified.
      throw new InvalidParameterException("You must also specify an account setting name to use the value filter.");
    }
    if (name != null) {
      SettingDefinitions.of(name);
    }
    String principal = principalOrRoot(scope, principalArn);
    List<Setting> settings = store.read(scope, view -> effective
        ? effectiveSettings(view, scope, principal)
        : ownSettings(view, principal));
    List<Setting> matching = settings.stream()
        .filter(s -> name == null || s.name().equals(name))
        .filter(s -> value == null || s.value().equals(value))
        .toList();
    return Paging.page(matching, Setting::name, maxResults, nextToken, MAX_RESULTS, MAX_RESULTS);
  }

  private static List<Setting> ownSettings(StateView view, String principal) {
    List<Setting> out = new ArrayList<>();
    for (SettingDefinitions.Definition definition : sortedDefinitions()) {
      view.get(StoredAccountSetting.KIND, StoredAccountSetting.key(principal, definition.name()))
          .ifPresent(s -> out.add(setting(s.name(), s.value(), principal)));
    }
    return out;
  }

  private static List<Setting> effectiveSettings(StateView view, Scope scope, String principal) {
    String root = rootArn(scope);
    List<Setting> out = new ArrayList<>();
    for (SettingDefinitions.Definition definition : sortedDefinitions()) {
      String name = definition.name();
      Setting own = view.get(StoredAccountSetting.KIND, StoredAccountSetting.key(principal, name))
          .map(s -> setting(name, s.value(), principal)).orElse(null);
      out.add(own != null ? own : setting(name, effectiveValue(view, scope, name), root));
    }
    return out;
  }

  /** Paging keys on the name, so settings are listed in name order. */
  private static List<SettingDefinitions.Definition> sortedDefinitions() {
    return SettingDefinitions.all().stream()
        .sorted(java.util.Comparator.comparing(SettingDefinitions.Definition::name)).toList();
  }

  private static Setting setting(String name, String value, String principal) {
    String type = SettingDefinitions.of(name).awsManaged() ? "aws_managed" : "user";
    return Setting.builder().name(name).value(value).principalArn(principal).type(type).build();
  }

  private static String principalOrRoot(Scope scope, String principalArn) {
    return principalArn == null || principalArn.isEmpty() ? rootArn(scope) : principalArn;
  }
}
