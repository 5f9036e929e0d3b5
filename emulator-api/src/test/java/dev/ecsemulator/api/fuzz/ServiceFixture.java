package dev.ecsemulator.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.core.state.StateStore;
import java.util.List;

/**
 * What the fuzz knows of one service beyond its model: the resources it creates first so that requests name things that
 * exist, valid requests of its main operations, which members hold which kinds of names, where its answers may show a
 * secret value by design, and how to read every stored record back through its API. A service without one is fuzzed
 * from its model alone ({@link ModelOnlyFixture}).
 */
interface ServiceFixture {

  /** A request: the operation and its JSON body. */
  record Call(String operation, String body) {}

  /** Requests that create what the seeds name, in order: sent first, each must answer 200. */
  List<Call> setUp();

  /**
   * Requests that bring back what the seeds name, as the fuzz deletes it: sent now and then, their answers ignored (most
   * of it exists still). By default the set-up again.
   */
  default List<Call> again() {
    return setUp();
  }

  /** A valid request for {@code operation}, with new values each time; null if there is none for it. */
  ObjectNode seed(String operation);

  /**
   * The kind of name a member holds ({@code cluster}, {@code secret}, ...) as kept in the {@link NamePool}: requests
   * pick such names for it, and the values of answers' members of that name are added to the pool. Null: none.
   */
  String kindOf(String member);

  /**
   * The answer to {@code request} without the parts that show secret values by design (GetSecretValue's SecretString,
   * a decrypted parameter's Value): what remains must show none. {@code request} is null if it was not JSON.
   */
  default JsonNode withoutAllowedSecrets(String operation, JsonNode request, JsonNode answer) {
    return answer;
  }

  /** Waits until nothing of the service is between states (ECS: every task RUNNING or STOPPED). */
  default void awaitSettled(StateStore store) {}

  /** Adds to {@code failures} each record of the service in {@code store} that its API does not read back whole. */
  void checkReadable(StateStore store, WireClient client, List<String> failures);
}
