package dev.ecsemulator.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.api.fuzz.ServiceFixture.Call;
import dev.ecsemulator.api.fuzz.WireClient.Answer;
import dev.ecsemulator.api.protocol.AwsService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One service under the fuzz: sends it requests to its implemented operations (a seed of its fixture, or a request
 * generated from its model; then, two times in three, mutated), keeps the {@link Tally} of its answers, learns the names
 * its answers give, and notes every 5xx, unanswered request, and secret value an answer shows where it must not. Not
 * thread-safe.
 */
final class FuzzedService {

  private final ObjectMapper json = new ObjectMapper();
  private final AwsService service;
  private final ServiceFixture fixture;
  private final WireClient client;
  private final NamePool names;
  private final RequestGenerator generator;
  private final Random random;
  private final List<String> operations;
  private final Tally tally = new Tally();

  FuzzedService(AwsService service, ServiceFixture fixture, WireClient client, NamePool names, Random random,
      SecretWatch secrets) {
    this.service = service;
    this.fixture = fixture;
    this.client = client;
    this.names = names;
    this.random = random;
    this.generator = new RequestGenerator(service.model(), random, names, fixture, secrets);
    this.operations = List.copyOf(service.operations().operations());
  }

  AwsService service() {
    return service;
  }

  ServiceFixture fixture() {
    return fixture;
  }

  Tally tally() {
    return tally;
  }

  int operations() {
    return operations.size();
  }

  /** Sends the fixture's set-up; each request must answer 200. */
  void setUp() {
    for (Call call : fixture.setUp()) {
      Answer answer = client.call(call.operation(), call.body());
      assertThat(answer.status()).as("set-up of %s: %s %s -> %s", service.name(), call.operation(), call.body(),
          answer.body()).isEqualTo(200);
      harvest(answer);
    }
  }

  /** Brings back what the seeds name, as the fuzz deletes it; answers other than a 5xx are not judged. */
  void again() {
    for (Call call : fixture.again()) {
      Answer answer = client.call(call.operation(), call.body());
      if (answer.status() >= 500 || !answer.answered()) {
        tally.serverErrors.add("set-up again: " + call.operation() + " " + answer.status() + " " + answer.body());
      }
      harvest(answer);
    }
  }

  /** Sends one request; {@code index} numbers it in what the tally notes. */
  void send(int index) {
    String operation = operations.get(random.nextInt(operations.size()));
    ObjectNode seed = random.nextBoolean() ? fixture.seed(operation) : null;
    byte[] body = generator.body(operation, seed);
    long started = System.nanoTime();
    Answer answer = client.send(operation, body);
    tally.count(operation, answer, System.nanoTime() - started);
    String what = "#" + index + " " + service.name() + " " + operation + " " + answer.status();
    if (answer.status() >= 500 || !answer.answered()) {
      tally.serverErrors.add(what + " " + answer.body() + " <- " + excerpt(body));
    }
    if (SecretWatch.shows(answer.body())) {
      JsonNode tree = answer.status() == 200 ? tree(answer.body().getBytes(StandardCharsets.UTF_8)) : null;
      String shown = tree != null ? fixture.withoutAllowedSecrets(operation, tree(body), tree).toString()
          : answer.body();
      if (SecretWatch.shows(shown)) {
        tally.leaks.add(what + " shows a secret value: ..." + SecretWatch.around(shown) + "...");
      }
    }
    if (answer.status() == 200) {
      harvest(answer);
    }
  }

  /** The bytes as JSON (a request, or an answer), or null if they are not (a request's bytes were mangled). */
  private JsonNode tree(byte[] bytes) {
    try {
      return json.readTree(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  /** Adds to the pool the names an answer gives: members the fixture classifies, and every ARN. */
  private void harvest(Answer answer) {
    if (answer.status() != 200) {
      return;
    }
    try {
      collect(json.readTree(answer.body()), null);
    } catch (IOException e) {
      tally.serverErrors.add(service.name() + " answered 200 with a body that is not JSON: " + excerpt(
          answer.body().getBytes(StandardCharsets.UTF_8)));
    }
  }

  private void collect(JsonNode node, String member) {
    if (node.isTextual()) {
      String text = node.asText();
      if (SecretWatch.shows(text)) {
        return; // a secret value is no name
      }
      if (member != null) {
        names.add(fixture.kindOf(member), text);
      }
      if (text.startsWith("arn:")) {
        names.add(NamePool.ARN, text);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        collect(field.getValue(), field.getKey());
      }
    } else if (node.isArray()) {
      node.forEach(element -> collect(element, member));
    }
  }

  static String excerpt(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() <= 2000 ? text : text.substring(0, 2000) + "... (" + body.length + " bytes)";
  }
}
