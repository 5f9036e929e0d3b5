package dev.ecsemulator.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.api.fuzz.WireClient.Answer;
import dev.ecsemulator.core.secretsmanager.SecretsManagerKinds;
import dev.ecsemulator.core.secretsmanager.StoredSecret;
import dev.ecsemulator.core.secretsmanager.StoredVersion;
import dev.ecsemulator.core.state.StateStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * AWS Secrets Manager under the fuzz: three secrets (a string, a binary, a nested name with tags), restored or created
 * again now and then; valid requests for its main operations, with new secret values ({@link SecretWatch}); versions and
 * staging labels from the answers. Its answers may show a value only in GetSecretValue's and BatchGetSecretValue's
 * SecretString and SecretBinary. Read back when each stored secret is described, its versions listed, and its
 * AWSCURRENT value read back as stored (or refused as AWS refuses it: scheduled for deletion, or no value yet).
 */
final class SecretsManagerFixture implements ServiceFixture {

  static final List<String> SECRETS = List.of("fuzz-secret", "fuzz-binary", "fuzz/nested-name");

  private final ObjectMapper json = new ObjectMapper();
  private final NamePool names;
  private final SecretWatch secrets;
  private final Random random;

  SecretsManagerFixture(NamePool names, SecretWatch secrets, Random random) {
    this.names = names;
    this.secrets = secrets;
    this.random = random;
    SECRETS.forEach(name -> names.add("secret", name));
    List.of("AWSCURRENT", "AWSPREVIOUS", "AWSPENDING", "fuzz-stage").forEach(stage -> names.add("stage", stage));
  }

  @Override
  public List<Call> setUp() {
    return List.of(
        new Call("CreateSecret", create("fuzz-secret").put("SecretString", secrets.value()).toString()),
        new Call("CreateSecret", create("fuzz-binary").put("SecretBinary", secrets.blob()).toString()),
        new Call("CreateSecret", create("fuzz/nested-name").put("SecretString", secrets.value()).toString()));
  }

  /** Restored if the fuzz scheduled them for deletion, created if it deleted them for good. */
  @Override
  public List<Call> again() {
    List<Call> calls = new ArrayList<>();
    SECRETS.forEach(name -> calls.add(new Call("RestoreSecret", Reads.body("SecretId", name))));
    calls.addAll(setUp());
    return calls;
  }

  private ObjectNode create(String name) {
    ObjectNode request = json.createObjectNode().put("Name", name).put("Description", "fuzz");
    request.putArray("Tags").addObject().put("Key", "team").put("Value", "fuzz");
    return request;
  }

  @Override
  public ObjectNode seed(String operation) {
    ObjectNode request = json.createObjectNode();
    switch (operation) {
      case "CreateSecret" -> {
        request.put("Name", "fuzz-" + Integer.toString(random.nextInt(1 << 20), 36));
        value(request);
        if (random.nextBoolean()) {
          request.put("ClientRequestToken", UUID.randomUUID().toString());
        }
        request.putArray("Tags").addObject().put("Key", "k" + random.nextInt(5)).put("Value", "v");
      }
      case "GetSecretValue" -> {
        request.put("SecretId", secret());
        switch (random.nextInt(4)) {
          case 0 -> request.put("VersionStage", names.pick("stage", "AWSPREVIOUS"));
          case 1 -> request.put("VersionId", names.pick("version", UUID.randomUUID().toString()));
          default -> { }
        }
      }
      case "PutSecretValue", "UpdateSecret" -> {
        request.put("SecretId", secret());
        value(request);
        if (random.nextBoolean()) {
          request.put("ClientRequestToken", UUID.randomUUID().toString());
        }
        if (operation.equals("PutSecretValue") && random.nextInt(4) == 0) {
          request.putArray("VersionStages").add(names.pick("stage", "AWSPENDING"));
        }
      }
      case "BatchGetSecretValue" -> {
        if (random.nextBoolean()) {
          ArrayNode ids = request.putArray("SecretIdList");
          for (int i = 1 + random.nextInt(4); i > 0; i--) {
            ids.add(secret());
          }
        } else {
          request.putArray("Filters").addObject().put("Key", "name").putArray("Values").add("fuzz");
        }
      }
      case "UpdateSecretVersionStage" -> {
        request.put("SecretId", secret()).put("VersionStage", names.pick("stage", "fuzz-stage"));
        request.put("MoveToVersionId", names.pick("version", UUID.randomUUID().toString()));
      }
      case "DeleteSecret" -> {
        request.put("SecretId", secret());
        if (random.nextInt(3) == 0) {
          request.put("ForceDeleteWithoutRecovery", true);
        } else {
          request.put("RecoveryWindowInDays", 7 + random.nextInt(24));
        }
      }
      case "RestoreSecret", "DescribeSecret" -> request.put("SecretId", secret());
      case "ListSecretVersionIds" -> request.put("SecretId", secret()).put("IncludeDeprecated", random.nextBoolean());
      case "ListSecrets" -> {
        request.put("IncludePlannedDeletion", random.nextBoolean()).put("MaxResults", 1 + random.nextInt(20));
        request.putArray("Filters").addObject().put("Key", "all").putArray("Values").add("fuzz");
      }
      default -> {
        return null;
      }
    }
    return request;
  }

  private String secret() {
    return names.pick("secret", "fuzz-secret");
  }

  private void value(ObjectNode request) {
    if (random.nextInt(4) == 0) {
      request.put("SecretBinary", secrets.blob());
    } else {
      request.put("SecretString", secrets.value());
    }
  }

  @Override
  public String kindOf(String member) {
    return switch (member) {
      case "SecretId", "SecretIdList", "Name", "ARN" -> "secret";
      case "VersionId", "MoveToVersionId", "RemoveFromVersionId", "ClientRequestToken" -> "version";
      case "VersionStage", "VersionStages" -> "stage";
      default -> null;
    };
  }

  @Override
  public JsonNode withoutAllowedSecrets(String operation, JsonNode request, JsonNode answer) {
    JsonNode rest = answer.deepCopy();
    if (operation.equals("GetSecretValue") && rest instanceof ObjectNode value) {
      value.remove(List.of("SecretString", "SecretBinary"));
    } else if (operation.equals("BatchGetSecretValue")) {
      rest.path("SecretValues").forEach(entry -> {
        if (entry instanceof ObjectNode value) {
          value.remove(List.of("SecretString", "SecretBinary"));
        }
      });
    }
    return rest;
  }

  @Override
  public void checkReadable(StateStore store, WireClient client, List<String> failures) {
    Reads reads = new Reads(client, failures);
    for (StoredSecret secret : store.read(EcsFixture.SCOPE, v -> v.list(SecretsManagerKinds.SECRET))) {
      String id = Reads.body("SecretId", secret.arn());
      reads.expect200("DescribeSecret", id);
      reads.expect200("ListSecretVersionIds", Reads.body("SecretId", secret.arn(), "IncludeDeprecated", true));
      Optional<StoredVersion> current = secret.versionWith("AWSCURRENT");
      if (secret.scheduledForDeletion()) {
        reads.expect("GetSecretValue", id, 400, "InvalidRequestException");
      } else if (current.isEmpty()) {
        reads.expect("GetSecretValue", id, 400, "ResourceNotFoundException");
      } else {
        Answer answer = reads.expect200("GetSecretValue", id);
        if (answer.status() == 200 && !holds(answer, current.get())) {
          failures.add("GetSecretValue of " + secret.name() + " does not answer its stored AWSCURRENT value");
        }
      }
    }
  }

  private boolean holds(Answer answer, StoredVersion version) {
    try {
      JsonNode value = json.readTree(answer.body());
      String binary = version.secretBinary() == null ? null : Base64.getEncoder().encodeToString(version.secretBinary());
      return Objects.equals(text(value, "SecretString"), version.secretString())
          && Objects.equals(text(value, "SecretBinary"), binary);
    } catch (IOException e) {
      return false;
    }
  }

  private static String text(JsonNode node, String member) {
    return node.hasNonNull(member) ? node.get(member).asText() : null;
  }
}
