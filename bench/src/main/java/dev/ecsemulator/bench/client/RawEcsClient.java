package dev.ecsemulator.bench.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain AWS JSON 1.1 client for setting up and checking benchmark state (create a cluster, register a task
 * definition, run tasks, poll their status). It signs nothing (see {@link EcsRequest.Api#authorization()}), so it
 * works against the emulator and moto alike. Not for load: that is
 * {@link dev.ecsemulator.bench.load.LoadGenerator}'s job, in its own process. Thread-safe.
 */
public final class RawEcsClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  /** @param endpoint the server's base URL, e.g. {@code http://127.0.0.1:4566} */
  public RawEcsClient(URI endpoint) {
    this.endpoint = endpoint;
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Sends one request and returns the answer, success or error. */
  public EcsResponse call(EcsRequest request) {
    HttpRequest http = HttpRequest.newBuilder(endpoint.resolve("/"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", EcsRequest.CONTENT_TYPE)
        .header("X-Amz-Target", request.target())
        .header("Authorization", request.api().authorization())
        .POST(HttpRequest.BodyPublishers.ofString(request.body()))
        .build();
    try {
      HttpResponse<String> response = this.http.send(http, HttpResponse.BodyHandlers.ofString());
      return new EcsResponse(response.statusCode(), parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(request.operation() + " to " + endpoint + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + request.operation(), e);
    }
  }

  /** Sends one request built from {@code body} (any Jackson-serializable value). */
  public EcsResponse call(String operation, Object body) {
    return call(new EcsRequest(operation, json(body)));
  }

  /**
   * Sends one request and returns the body of its successful answer.
   *
   * @throws EcsCallFailed when the server answers an error (see {@link EcsCallFailed#unsupported()})
   */
  public JsonNode ok(String operation, Object body) {
    return ok(EcsRequest.Api.ECS, operation, body);
  }

  /** As {@link #ok(String, Object)}, to another service on the endpoint. */
  public JsonNode ok(EcsRequest.Api api, String operation, Object body) {
    EcsResponse response = call(new EcsRequest(api, operation, json(body)));
    if (!response.ok()) {
      throw new EcsCallFailed(operation, response);
    }
    return response.body();
  }

  /** Serializes a request body (a Map, a JsonNode, a record, or a JSON string as is). */
  public static String json(Object body) {
    if (body instanceof String s) {
      return s;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize request body", e);
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      // Not JSON (e.g. an HTML error page): keep it readable in error messages.
      return JSON.createObjectNode().put("message", body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }
}
