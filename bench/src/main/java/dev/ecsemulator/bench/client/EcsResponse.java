package dev.ecsemulator.bench.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An ECS API answer: the status and the parsed body; for errors, {@link #errorType()} is AWS's code (the part of
 * {@code __type} after any {@code #}).
 */
public record EcsResponse(int status, JsonNode body) {

  public boolean ok() {
    return status / 100 == 2;
  }

  /** AWS's error code, or null for a success. */
  public String errorType() {
    if (ok()) {
      return null;
    }
    String type = body.path("__type").asText("");
    int hash = type.lastIndexOf('#');
    return hash >= 0 ? type.substring(hash + 1) : type;
  }

  public String message() {
    JsonNode message = body.has("message") ? body.get("message") : body.path("Message");
    return message.asText("");
  }
}
