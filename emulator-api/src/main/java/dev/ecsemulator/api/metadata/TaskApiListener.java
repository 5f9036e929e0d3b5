package dev.ecsemulator.api.metadata;

import dev.ecsemulator.api.protocol.AwsJsonProtocol;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The emulator's API as tasks reach it when {@code --inject-aws-endpoint-url} is on: {@code POST /} only (no
 * health, no reset), on 169.254.170.2, the address only this machine and its containers can reach. It
 * answers callers {@link TaskCallers} allows, whose {@code Host} names the address itself and who send no
 * {@code Origin}: so a web page whose name a DNS trick points at 169.254.170.2 cannot drive it from a
 * browser on this machine (the browser sends the page's name as the Host, and an Origin). SDKs send neither.
 */
public final class TaskApiListener implements AutoCloseable {

  /** Our answer to a caller this listener is not for (the error code is AWS's generic one; the case is ours). */
  private static final byte[] REFUSED = refused();

  private final Javalin app;
  private final TaskCallers callers;
  private final Handler api;
  private volatile String expectedHost;

  /** @param api the ECS API's handler (the same protocol the main server dispatches to) */
  public TaskApiListener(Handler api, TaskCallers callers) {
    this.api = api;
    this.callers = callers;
    this.app = SmallServer.create("ecs-task-api", config -> {
      config.http.maxRequestSize = AwsJsonProtocol.MAX_BODY_BYTES;
      config.http.compressionStrategy = CompressionStrategy.NONE;
      config.routes.post("/", this::handle);
    });
  }

  /** Starts listening on {@code host:port}; returns the port bound. */
  public int start(String host, int port) {
    int bound = SmallServer.start(app, host, port);
    expectedHost = host + ":" + bound;
    return bound;
  }

  private void handle(Context ctx) throws Exception {
    String host = ctx.header("Host");
    boolean sameHost = host != null
        && (host.equals(expectedHost) || host.equals(expectedHost.replaceFirst(":80$", "")));
    if (!callers.allowed(ctx.ip()) || !sameHost || ctx.header("Origin") != null) {
      ctx.status(403).contentType("application/x-amz-json-1.1").result(REFUSED);
      return;
    }
    api.handle(ctx);
  }

  private static byte[] refused() {
    java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
    body.put("__type", "AccessDeniedException");
    body.put("message", "ecs-emulator answers only this machine's tasks at this address");
    try {
      return dev.ecsemulator.core.json.EcsJson.mapper().writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e); // a map of two strings always serializes
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
