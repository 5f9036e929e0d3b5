package dev.ecsemulator.scheduler.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.scheduler.runtime.RegistryAuth;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The value of a private registry's credentials secret, read as the ECS agent reads it ({@code asm.extractASMValue}):
 * a JSON object with non-empty string members {@code username} and {@code password}, names matched without regard to
 * case (Go's {@code encoding/json} into a struct; the last matching member wins). Pure.
 */
final class RegistryCredentialsJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RegistryCredentialsJson() {}

  /** @throws SecretsUnavailable with the agent's words for what is wrong; they quote nothing of the value */
  static RegistryAuth parse(String secretString) throws SecretsUnavailable {
    if (secretString == null || secretString.isEmpty()) {
      throw malformed("asm fetching authorization data: empty secrets value");
    }
    JsonNode root;
    try {
      root = JSON.readTree(secretString);
    } catch (JsonProcessingException e) {
      throw invalidSchema();
    }
    String username = null;
    String password = null;
    if (root != null && !root.isNull()) {
      if (!root.isObject()) {
        throw invalidSchema();
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        String name = member.getKey().toLowerCase(Locale.ROOT);
        if (!name.equals("username") && !name.equals("password")) {
          continue;
        }
        JsonNode value = member.getValue();
        if (!value.isTextual() && !value.isNull()) {
          throw invalidSchema();
        }
        String text = value.isNull() ? null : value.textValue();
        if (name.equals("username")) {
          username = text;
        } else {
          password = text;
        }
      }
    }
    if (username == null || username.isEmpty()) {
      throw malformed("asm fetching username: AuthorizationData is malformed, empty field");
    }
    if (password == null || password.isEmpty()) {
      throw malformed("asm fetching password: AuthorizationData is malformed, empty field");
    }
    return new RegistryAuth(username, password);
  }

  private static SecretsUnavailable invalidSchema() {
    return malformed("asm fetching authorization data: unable to unmarshal secret value, invalid schema");
  }

  private static SecretsUnavailable malformed(String agentWords) {
    return new SecretsUnavailable(SecretMessages.registryAuthMalformed(agentWords));
  }
}
