package dev.ecsemulator.api.operations;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.model.DeleteAccountSettingRequest;
import dev.ecsemulator.core.model.DeleteAccountSettingResponse;
import dev.ecsemulator.core.model.ListAccountSettingsRequest;
import dev.ecsemulator.core.model.ListAccountSettingsResponse;
import dev.ecsemulator.core.model.PutAccountSettingDefaultRequest;
import dev.ecsemulator.core.model.PutAccountSettingDefaultResponse;
import dev.ecsemulator.core.model.PutAccountSettingRequest;
import dev.ecsemulator.core.model.PutAccountSettingResponse;
import dev.ecsemulator.core.settings.AccountSettings;

/** ListAccountSettings, PutAccountSetting, PutAccountSettingDefault and DeleteAccountSetting. */
public final class AccountSettingOperations {

  private AccountSettingOperations() {}

  public static void register(OperationTable table, AccountSettings settings) {
    table.register("ListAccountSettings", ListAccountSettingsRequest.class, (ctx, req) -> {
      var page = settings.list(ctx.scope(), req.name(), req.value(), req.principalArn(),
          Boolean.TRUE.equals(req.effectiveSettings()), req.maxResults(), req.nextToken());
      return new ListAccountSettingsResponse(page.nextToken(), page.items());
    });
    table.register("PutAccountSetting", PutAccountSettingRequest.class, (ctx, req) -> new PutAccountSettingResponse(
        settings.put(ctx.scope(), req.name(), req.value(), req.principalArn())));
    table.register("PutAccountSettingDefault", PutAccountSettingDefaultRequest.class,
        (ctx, req) -> new PutAccountSettingDefaultResponse(settings.putDefault(ctx.scope(), req.name(), req.value())));
    table.register("DeleteAccountSetting", DeleteAccountSettingRequest.class,
        (ctx, req) -> new DeleteAccountSettingResponse(settings.delete(ctx.scope(), req.name(), req.principalArn())));
  }
}
