package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.core.json.EcsJson;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors raised before the API layer, answered in AWS's JSON error shape ({@code {"__type":..., "message":...}},
 * {@code application/x-amz-json-1.1}, {@code x-amzn-RequestId}) instead of Jetty's HTML or Javalin's text, so that a
 * client (an SDK, the CLI) reads them as it reads any AWS error: Javalin's own answers (no route for the path or
 * method: 404; an unexpected failure of the emulator's own endpoints: 500), and Jetty's answers to requests it cannot parse (400 bad request, 413, 414 URI too long, 431 headers
 * too large), which it gives before any handler runs.
 *
 * <p>The {@code __type} of each is ours ({@link #errorType}): AWS answers such requests from its front door, whose
 * bodies were not found; only the status is Jetty's or Javalin's.
 */
public final class PreApiErrors {

  private static final ObjectMapper JSON = EcsJson.mapper();
  private static final Logger log = LoggerFactory.getLogger(PreApiErrors.class);

  private PreApiErrors() {}

  /** Installs both: Javalin's answers (an exception handler) and Jetty's (the server's error handler). */
  public static void install(JavalinConfig config) {
    config.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(), message(ctx, e)));
    // A failure of the emulator's own endpoints (the API answers its own): a bug, answered as a ServerException.
    config.routes.exception(Exception.class, (e, ctx) -> {
      log.error("Bug: {} {} failed unexpectedly", ctx.method(), ctx.path(), e);
      answer(ctx, 500, "Internal error in ecs-emulator while handling " + ctx.method() + " " + ctx.path() + ": "
          + e.getClass().getSimpleName());
    });
    config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
  }

  /** The {@code __type} for a status raised before the API: our names, by the status's meaning. */
  static String errorType(int status) {
    return switch (status) {
      case 404, 405 -> "UnknownOperationException";
      case 408 -> "RequestTimeoutException";
      case 413 -> "RequestEntityTooLargeException";
      case 414 -> "RequestURITooLongException";
      case 431 -> "RequestHeaderFieldsTooLargeException";
      default -> status >= 500 ? "ServerException" : "BadRequestException";
    };
  }

  private static String message(Context ctx, HttpResponseException e) {
    if (e.getStatus() == 404 || e.getStatus() == 405) {
      return "No such endpoint: " + ctx.method() + " " + ctx.path() + ". The ECS API is POST / with an X-Amz-Target "
          + "header; the emulator's own endpoints are under /_emulator/.";
    }
    return e.getMessage();
  }

  private static void answer(Context ctx, int status, String message) {
    String type = errorType(status);
    ctx.status(status);
    ctx.header(AwsJsonProtocol.REQUEST_ID_HEADER, AwsJsonProtocol.requestId());
    ctx.header("X-Amzn-ErrorType", type);
    ctx.contentType(AwsJsonProtocol.CONTENT_TYPE);
    ctx.result(body(type, message));
  }

  static byte[] body(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("__type", type);
    body.put("message", message);
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Jetty's error answers (a request it could not parse, or one no handler took), as AWS JSON, for any method. */
  static final class JettyErrors extends ErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
        Callback callback) {
      String type = errorType(code);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, AwsJsonProtocol.CONTENT_TYPE);
      response.getHeaders().put(AwsJsonProtocol.REQUEST_ID_HEADER, AwsJsonProtocol.requestId());
      response.getHeaders().put("X-Amzn-ErrorType", type);
      String text = message != null && !message.isBlank() ? message : HttpStatus.getMessage(code);
      response.write(true, ByteBuffer.wrap(body(type, text)), callback);
    }
  }
}
