package dev.ecsemulator.api.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ecsemulator.core.json.EcsJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer the HTTP edge gives instead of the API: an AWS-shaped error, {@code {"__type": ..., "message": ...}}
 * with its status, as the AWS SDKs parse errors.
 *
 * @param status the HTTP status
 * @param errorCode the {@code __type}
 * @param message what was refused and why, naming the rule (and the option, where one changes it)
 */
public record Refusal(int status, String errorCode, String message) {

  /** The content type of the API's answers. */
  public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  /** The body: the error as the AWS JSON protocols write it. */
  public byte[] body() {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("__type", errorCode);
    body.put("message", message);
    try {
      return EcsJson.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
