package dev.ecsemulator.api.secretsmanager;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.secretsmanager.SecretCommands;
import dev.ecsemulator.core.secretsmanager.SecretQueries;
import dev.ecsemulator.core.secretsmanager.StoredSecret;
import dev.ecsemulator.core.secretsmanager.model.BatchGetSecretValueRequest;
import dev.ecsemulator.core.secretsmanager.model.CreateSecretRequest;
import dev.ecsemulator.core.secretsmanager.model.DeleteSecretRequest;
import dev.ecsemulator.core.secretsmanager.model.DescribeSecretRequest;
import dev.ecsemulator.core.secretsmanager.model.GetSecretValueRequest;
import dev.ecsemulator.core.secretsmanager.model.ListSecretVersionIdsRequest;
import dev.ecsemulator.core.secretsmanager.model.ListSecretsRequest;
import dev.ecsemulator.core.secretsmanager.model.PutSecretValueRequest;
import dev.ecsemulator.core.secretsmanager.model.RestoreSecretRequest;
import dev.ecsemulator.core.secretsmanager.model.RestoreSecretResponse;
import dev.ecsemulator.core.secretsmanager.model.TagResourceRequest;
import dev.ecsemulator.core.secretsmanager.model.UntagResourceRequest;
import dev.ecsemulator.core.secretsmanager.model.UpdateSecretRequest;
import dev.ecsemulator.core.secretsmanager.model.UpdateSecretVersionStageRequest;
import dev.ecsemulator.core.secretsmanager.model.UpdateSecretVersionStageResponse;

/** The Secrets Manager operations of its dispatch table. */
final class SecretsManagerOperations {

  private SecretsManagerOperations() {}

  static void register(OperationTable table, SecretCommands commands, SecretQueries queries) {
    table.register("CreateSecret", CreateSecretRequest.class, (ctx, req) -> commands.create(ctx.scope(), req));
    table.register("PutSecretValue", PutSecretValueRequest.class, (ctx, req) -> commands.putValue(ctx.scope(), req));
    table.register("UpdateSecret", UpdateSecretRequest.class, (ctx, req) -> commands.update(ctx.scope(), req));
    table.register("UpdateSecretVersionStage", UpdateSecretVersionStageRequest.class, (ctx, req) -> {
      StoredSecret secret = commands.updateVersionStage(ctx.scope(), req);
      return new UpdateSecretVersionStageResponse(secret.arn(), secret.name());
    });
    table.register("DeleteSecret", DeleteSecretRequest.class, (ctx, req) -> commands.delete(ctx.scope(), req));
    table.register("RestoreSecret", RestoreSecretRequest.class, (ctx, req) -> {
      StoredSecret secret = commands.restore(ctx.scope(), req.secretId());
      return new RestoreSecretResponse(secret.arn(), secret.name());
    });
    table.register("TagResource", TagResourceRequest.class, (ctx, req) -> {
      commands.tag(ctx.scope(), req.secretId(), req.tags());
      return null;
    });
    table.register("UntagResource", UntagResourceRequest.class, (ctx, req) -> {
      commands.untag(ctx.scope(), req.secretId(), req.tagKeys());
      return null;
    });
    table.register("GetSecretValue", GetSecretValueRequest.class,
        (ctx, req) -> queries.getValue(ctx.scope(), req.secretId(), req.versionId(), req.versionStage()));
    table.register("BatchGetSecretValue", BatchGetSecretValueRequest.class,
        (ctx, req) -> queries.batchGetValue(ctx.scope(), req));
    table.register("DescribeSecret", DescribeSecretRequest.class,
        (ctx, req) -> queries.describe(ctx.scope(), req.secretId()));
    table.register("ListSecrets", ListSecretsRequest.class, (ctx, req) -> queries.list(ctx.scope(), req));
    table.register("ListSecretVersionIds", ListSecretVersionIdsRequest.class,
        (ctx, req) -> queries.listVersionIds(ctx.scope(), req));
  }
}
