package dev.ecsemulator.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.api.fuzz.WireClient.Answer;
import dev.ecsemulator.core.ssm.ParameterNames;
import dev.ecsemulator.core.ssm.SsmKinds;
import dev.ecsemulator.core.ssm.StoredParameter;
import dev.ecsemulator.core.ssm.StoredParameterVersion;
import dev.ecsemulator.core.state.StateStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * SSM Parameter Store under the fuzz: parameters of each type, at one level and in a hierarchy, written again now and
 * then (a new version each time), one with a label; valid requests for its main operations, with new secret values
 * ({@link SecretWatch}), selectors ({@code name:3}, {@code name:label}), paths and filters, and now and then an
 * AllowedPattern that makes a backtracking regex engine work for ever. Its answers may show a value only in the
 * parameters GetParameter, GetParameters, GetParametersByPath and GetParameterHistory answer: decrypted if asked, and
 * those that are not SecureStrings. Read back when each stored parameter's latest value is read with decryption as
 * stored, and its history and tags are listed.
 */
final class SsmFixture implements ServiceFixture {

  static final List<String> PARAMETERS = List.of("/fuzz/plain", "/fuzz/secure", "/fuzz/list", "fuzz-flat",
      "/fuzz/deep/a/b");
  /** Patterns that a backtracking engine can take for ever over a value of letters, digits and dashes. */
  static final List<String> HOSTILE_ALLOWED_PATTERNS = List.of("([a-zA-Z0-9-]+)*!", "(.*a){25}", "(a|a)*!",
      "[\\w-]*".repeat(15) + "!", "a*".repeat(20) + "!",
      "([\\w-]*)*\\$", "(x+x+)+y", "[", "(?<n>a)\\k<m>", "\\", "a{2147483647}", "(?i)(?u).*");
  static final List<String> READS = List.of("GetParameter", "GetParameters", "GetParametersByPath",
      "GetParameterHistory");

  private final ObjectMapper json = new ObjectMapper();
  private final NamePool names;
  private final SecretWatch secrets;
  private final Random random;

  SsmFixture(NamePool names, SecretWatch secrets, Random random) {
    this.names = names;
    this.secrets = secrets;
    this.random = random;
    PARAMETERS.forEach(name -> names.add("parameter", name));
    List.of("/fuzz", "/fuzz/deep", "/", "/fuzz/deep/a").forEach(path -> names.add("path", path));
    List.of("lbl", "fuzz-label").forEach(label -> names.add("label", label));
  }

  @Override
  public List<Call> setUp() {
    List<String> types = List.of("String", "SecureString", "StringList", "String", "SecureString");
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < PARAMETERS.size(); i++) {
      calls.add(new Call("PutParameter", Reads.body("Name", PARAMETERS.get(i), "Type", types.get(i),
          "Value", secrets.value() + (types.get(i).equals("StringList") ? "," + secrets.value() : ""),
          "Overwrite", true)));
    }
    calls.add(new Call("LabelParameterVersion", Reads.body("Name", "/fuzz/plain", "Labels", List.of("lbl"))));
    return calls;
  }

  @Override
  public ObjectNode seed(String operation) {
    ObjectNode request = json.createObjectNode();
    switch (operation) {
      case "PutParameter" -> {
        boolean overwrite = random.nextBoolean();
        request.put("Name", random.nextBoolean() ? parameter()
            : names.pick("path", "/fuzz").replaceAll("/$", "") + "/p" + Integer.toString(random.nextInt(1 << 16), 36));
        request.put("Type", List.of("String", "StringList", "SecureString").get(random.nextInt(3)));
        request.put("Value", secrets.value());
        request.put("Overwrite", overwrite);
        if (!overwrite && random.nextBoolean()) {
          request.putArray("Tags").addObject().put("Key", "team").put("Value", "fuzz");
        }
        if (random.nextInt(8) == 0) {
          request.put("AllowedPattern", HOSTILE_ALLOWED_PATTERNS.get(random.nextInt(HOSTILE_ALLOWED_PATTERNS.size())));
          request.put("Value", secrets.value() + "a".repeat(20 + random.nextInt(40)));
        }
      }
      case "GetParameter" -> request.put("Name", parameter() + selector()).put("WithDecryption", random.nextBoolean());
      case "GetParameterHistory" -> request.put("Name", parameter()).put("WithDecryption", random.nextBoolean())
          .put("MaxResults", 1 + random.nextInt(50));
      case "GetParameters", "DeleteParameters" -> {
        ArrayNode list = request.putArray("Names");
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
          list.add(parameter() + (operation.equals("GetParameters") ? selector() : ""));
        }
        if (operation.equals("GetParameters")) {
          request.put("WithDecryption", random.nextBoolean());
        }
      }
      case "GetParametersByPath" -> {
        request.put("Path", names.pick("path", "/fuzz")).put("Recursive", random.nextBoolean())
            .put("WithDecryption", random.nextBoolean()).put("MaxResults", 1 + random.nextInt(10));
        if (random.nextBoolean()) {
          filter(request.putArray("ParameterFilters"));
        }
      }
      case "DescribeParameters" -> filter(request.putArray("ParameterFilters"));
      case "LabelParameterVersion" -> {
        request.put("Name", parameter()).putArray("Labels").add(names.pick("label", "lbl"));
        if (random.nextBoolean()) {
          request.put("ParameterVersion", 1 + random.nextInt(5));
        }
      }
      case "AddTagsToResource" -> {
        request.put("ResourceType", "Parameter").put("ResourceId", parameter());
        request.putArray("Tags").addObject().put("Key", "k" + random.nextInt(5)).put("Value", "v");
      }
      default -> {
        return null;
      }
    }
    return request;
  }

  private String parameter() {
    return names.pick("parameter", "/fuzz/plain");
  }

  /** Nothing, a version, a label, or a selector AWS refuses. */
  private String selector() {
    return switch (random.nextInt(6)) {
      case 0 -> ":" + (1 + random.nextInt(4));
      case 1 -> ":" + names.pick("label", "lbl");
      case 2 -> List.of(":", "::1", ":0", ":99999999999999999999", ":-1", ":a:b").get(random.nextInt(6));
      default -> "";
    };
  }

  private void filter(ArrayNode filters) {
    ObjectNode filter = filters.addObject();
    switch (random.nextInt(4)) {
      case 0 -> filter.put("Key", "Name").put("Option", "BeginsWith").putArray("Values").add("/fuzz");
      case 1 -> filter.put("Key", "Type").put("Option", "Equals").putArray("Values").add("SecureString");
      case 2 -> filter.put("Key", "Label").putArray("Values").add(names.pick("label", "lbl"));
      default -> filter.put("Key", "tag:team").putArray("Values").add("fuzz");
    }
  }

  @Override
  public String kindOf(String member) {
    return switch (member) {
      case "Name", "Names", "ResourceId", "ARN", "SourceResult" -> "parameter";
      case "Path" -> "path";
      case "Labels", "Label", "InvalidLabels" -> "label";
      default -> null;
    };
  }

  /**
   * A parameter's Value may show in the four reads: with decryption, any; without, a String's or StringList's, as a
   * SecureString's shows as ciphertext.
   */
  @Override
  public JsonNode withoutAllowedSecrets(String operation, JsonNode request, JsonNode answer) {
    JsonNode rest = answer.deepCopy();
    if (!READS.contains(operation)) {
      return rest;
    }
    boolean decrypted = request != null && request.path("WithDecryption").asBoolean(false);
    List<JsonNode> parameters = new ArrayList<>();
    parameters.add(rest.path("Parameter"));
    rest.path("Parameters").forEach(parameters::add);
    for (JsonNode parameter : parameters) {
      if (parameter instanceof ObjectNode shown && (decrypted || !"SecureString".equals(shown.path("Type").asText()))) {
        shown.remove("Value");
      }
    }
    return rest;
  }

  @Override
  public void checkReadable(StateStore store, WireClient client, List<String> failures) {
    Reads reads = new Reads(client, failures);
    for (StoredParameter parameter : store.read(EcsFixture.SCOPE, v -> v.list(SsmKinds.PARAMETER))) {
      Optional<StoredParameterVersion> latest = store.read(EcsFixture.SCOPE, v -> v.listByKeyPrefix(
          SsmKinds.PARAMETER_VERSION, ParameterNames.canonical(parameter.name()) + ":")).stream()
          .max(Comparator.comparingLong(StoredParameterVersion::version));
      Answer answer = reads.expect200("GetParameter", Reads.body("Name", parameter.name(), "WithDecryption", true));
      if (answer.status() == 200 && !value(answer).equals(latest.map(StoredParameterVersion::value))) {
        failures.add("GetParameter of " + parameter.name() + " does not answer its latest stored value (version "
            + parameter.latestVersion() + ")");
      }
      reads.expect200("GetParameterHistory", Reads.body("Name", parameter.name(), "MaxResults", 50));
      reads.expect200("ListTagsForResource", Reads.body("ResourceType", "Parameter", "ResourceId", parameter.name()));
    }
  }

  private Optional<String> value(Answer answer) {
    try {
      JsonNode value = json.readTree(answer.body()).path("Parameter").path("Value");
      return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
