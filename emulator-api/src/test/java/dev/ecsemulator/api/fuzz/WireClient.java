package dev.ecsemulator.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.protocol.AwsService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends requests to one service on the endpoint in its wire protocol, raw bytes and all (an SDK would refuse to send
 * most of what the fuzz sends). It speaks AWS JSON 1.0 and 1.1, which every service of
 * {@link dev.ecsemulator.api.Emulator#services()} speaks; a service of another protocol only (AWS query for ELBv2)
 * needs an encoder of its own here: see {@link #speaks}.
 * Thread-safe.
 */
final class WireClient {

  /** How long an answer may take before the request counts as unanswered (a hang is a failure, not a wait). */
  static final Duration TIMEOUT = Duration.ofMinutes(1);

  /**
   * An answer: its HTTP status and body; status 0 if none came (timeout or connection lost), the body then saying
   * why.
   */
  record Answer(int status, String body) {

    boolean answered() {
      return status > 0;
    }

    /** The AWS error code of an error answer ({@code __type}), or a note that the body does not say. */
    String errorType() {
      try {
        JsonNode type = JSON.readTree(body).path("__type");
        return type.isTextual() ? type.asText() : "(no __type)";
      } catch (IOException e) {
        return "(not JSON)";
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI endpoint;
  private final AwsService service;

  WireClient(HttpClient http, String url, AwsService service) {
    if (!speaks(service)) {
      throw new IllegalArgumentException("the fuzz does not speak " + service.model().protocol() + ", the protocol of "
          + service.name() + ": add an encoder for it to WireClient");
    }
    this.http = http;
    this.endpoint = URI.create(url + "/");
    this.service = service;
  }

  /**
   * Whether requests to {@code service} can be sent: it speaks AWS JSON, as its only protocol or one of several
   * (CloudWatch: also CBOR and query, fuzzed here in JSON 1.0 only).
   */
  static boolean speaks(AwsService service) {
    return service.model().speaks("json");
  }

  /** Sends {@code body} to {@code operation}, as it is. */
  Answer send(String operation, byte[] body) {
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", service.model().jsonContentType())
        .header("X-Amz-Target", service.model().targetPrefix() + "." + operation)
        .timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Answer(0, "no answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + operation, e);
    }
  }

  /** Sends a JSON body given as text. */
  Answer call(String operation, String body) {
    return send(operation, body.getBytes(StandardCharsets.UTF_8));
  }
}
