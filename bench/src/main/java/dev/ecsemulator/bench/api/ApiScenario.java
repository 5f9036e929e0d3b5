package dev.ecsemulator.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsemulator.bench.client.EcsCallFailed;
import dev.ecsemulator.bench.client.EcsRequest;
import dev.ecsemulator.bench.process.ServerProcess;
import java.util.List;
import java.util.function.Predicate;

/**
 * One request the API benchmark repeats, on the emulator and on the baseline alike.
 *
 * @param name the row label, e.g. {@code DescribeTasks (100 tasks)}
 * @param api the service the request goes to (ECS unless said)
 * @param operation the operation sent
 * @param preparation seeds what the request needs on a server and returns the request body
 * @param expectation what a complete answer holds (checked once per server before the load, so both servers are
 *     measured doing the same work)
 * @param expected the expectation in words, for the error message
 * @param emulatorArgs extra emulator options (e.g. {@code --ephemeral}); a scenario with any runs on an emulator
 *     process of its own, started for it
 */
public record ApiScenario(String name, EcsRequest.Api api, String operation, Preparation preparation,
    Predicate<JsonNode> expectation, String expected, List<String> emulatorArgs) {

  public ApiScenario {
    emulatorArgs = List.copyOf(emulatorArgs);
  }

  public ApiScenario(String name, String operation, Preparation preparation, Predicate<JsonNode> expectation,
      String expected) {
    this(name, EcsRequest.Api.ECS, operation, preparation, expectation, expected, List.of());
  }

  /** A request to another service than ECS. */
  public ApiScenario(String name, EcsRequest.Api api, String operation, Preparation preparation,
      Predicate<JsonNode> expectation, String expected) {
    this(name, api, operation, preparation, expectation, expected, List.of());
  }

  /** The same request under another name, on an emulator started with {@code args}. */
  public ApiScenario onEmulatorWith(String newName, List<String> args) {
    return new ApiScenario(newName, api, operation, preparation, expectation, expected, args);
  }

  /** Seeds a server (create a cluster, register, run tasks, ...) and returns the body of the request to repeat. */
  @FunctionalInterface
  public interface Preparation {
    /** @throws EcsCallFailed when the server refuses a set-up call; {@link EcsCallFailed#unsupported()} skips */
    String body(ServerProcess server);
  }

  /** Seeds {@code server} and returns the request, after checking that it answers as expected once. */
  public EcsRequest prepare(ServerProcess server) {
    EcsRequest request = new EcsRequest(api, operation, preparation.body(server));
    var answer = server.client().call(request);
    if (!answer.ok()) {
      throw new EcsCallFailed(operation, answer);
    }
    if (!expectation.test(answer.body())) {
      throw new IllegalStateException(server.name() + " answered " + operation + " without " + expected + ": "
          + abbreviate(answer.body().toString()));
    }
    return request;
  }

  private static String abbreviate(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "..." : text;
  }
}
