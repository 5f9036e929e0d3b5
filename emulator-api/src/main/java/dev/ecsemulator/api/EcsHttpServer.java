package dev.ecsemulator.api;

import dev.ecsemulator.api.protocol.AwsJsonProtocol;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Handler;

/**
 * The HTTP edge: the ECS API at {@code POST /} and the emulator's own endpoints under
 * {@code /_emulator/}. Nothing else.
 *
 * <p>{@link #close} is graceful: the listener closes at once (no new connection, and a new request on an
 * open one gets a 503), and requests under way finish first, for up to {@link #STOP_TIMEOUT}.
 */
public final class EcsHttpServer implements AutoCloseable {

  /** How long a stop waits for requests under way. */
  static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(10);

  private final Javalin app;

  public EcsHttpServer(AwsJsonProtocol protocol, Handler health, Handler reset) {
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      // Jetty stops gracefully only with a stop timeout and a handler that counts requests under way;
      // Javalin nests its own handler inside this one.
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
      });
      config.http.maxRequestSize = AwsJsonProtocol.MAX_BODY_BYTES;
      // No response compression: on loopback it only costs CPU, and Javalin's check for it (content type, size,
      // Accept-Encoding) ran on every answer in the API benchmark's profiles.
      config.http.compressionStrategy = CompressionStrategy.NONE;
      config.routes.post("/", protocol);
      config.routes.get("/_emulator/health", health);
      config.routes.post("/_emulator/reset", reset);
    });
  }

  /** Starts listening; returns the port actually bound (useful when asked for port 0). */
  public int start(String bind, int port) {
    app.start(bind, port);
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
