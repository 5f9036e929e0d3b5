package dev.ecsemulator.api.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.fuzz.WireClient.Answer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading stored records back through a service's API, collecting what fails: the fixtures' {@code checkReadable}.
 * Not thread-safe.
 */
final class Reads {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WireClient client;
  private final List<String> failures;

  Reads(WireClient client, List<String> failures) {
    this.client = client;
    this.failures = failures;
  }

  /** A request body of member names and values, in pairs; null values are left out. */
  static String body(Object... pairs) {
    Map<String, Object> members = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        members.put((String) pairs[i], pairs[i + 1]);
      }
    }
    try {
      return JSON.writeValueAsString(members);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends the request; a failure unless it answers 200. */
  Answer expect200(String operation, String body) {
    return expect(operation, body, 200, null);
  }

  /**
   * Sends the request; a failure unless it answers {@code status}, and, when {@code errorType} is not null, with that
   * error.
   */
  Answer expect(String operation, String body, int status, String errorType) {
    Answer answer = client.call(operation, body);
    if (answer.status() != status || errorType != null && !answer.errorType().equals(errorType)) {
      failures.add("stored record not read back: " + operation + " " + body + " -> " + answer.status() + " "
          + answer.body() + (errorType == null ? "" : " (expected " + status + " " + errorType + ")"));
    }
    return answer;
  }
}
