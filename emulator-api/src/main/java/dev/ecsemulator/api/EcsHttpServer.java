package dev.ecsemulator.api;

import dev.ecsemulator.api.edge.GateHandler;
import dev.ecsemulator.api.edge.HostRules;
import dev.ecsemulator.api.edge.Refusal;
import dev.ecsemulator.api.edge.RequestGate;
import dev.ecsemulator.api.edge.WholeBodyHandler;
import dev.ecsemulator.api.protocol.AwsJsonProtocol;
import dev.ecsemulator.api.protocol.PreApiErrors;
import dev.ecsemulator.api.ui.Dashboard;
import dev.ecsemulator.api.ui.DashboardRoutes;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;

/**
 * The HTTP edge: the ECS API at {@code POST /} and the emulator's own endpoints under
 * {@code /_emulator/}, the browser dashboard ({@link DashboardRoutes}) among them. Nothing else.
 *
 * <p>The server is built, and may start listening, before the emulator behind it exists: start-up runs
 * those in parallel (see {@link Prestart}). Its {@link Routes} are handed over with {@link #serve}; a
 * request that arrives earlier waits for them (up to {@link #ROUTES_TIMEOUT}, then 503).
 *
 * <p>Before any route, every request passes the {@link RequestGate} (Host and Origin: no web page may reach the
 * emulator) and has its body read whole without holding a thread ({@link WholeBodyHandler}), so slow clients
 * cannot take up the server's threads.
 *
 * <p>{@link #close} is graceful: the listener closes at once (no new connection, and a new request on an
 * open one gets a 503), and requests under way finish first, for up to {@link #STOP_TIMEOUT}.
 */
public final class EcsHttpServer implements AutoCloseable {

  /** How long a stop waits for requests under way. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  /**
   * How long a connection with no request under way stays open once a stop has begun. Jetty's default (1 s,
   * checked at that granularity) made every stop wait 1-2 s for the idle keep-alive connections the SDKs hold
   * open; a request under way is not cut by it (its connection is not idle until the answer is written).
   */
  static final Duration SHUTDOWN_IDLE_TIMEOUT = Duration.ofMillis(100);

  /** How long a request that arrives during start-up waits for the emulator to be ready. */
  static final Duration ROUTES_TIMEOUT = Duration.ofSeconds(60);

  /** How long a request's body may take to arrive, from its headers. */
  static final Duration BODY_TIMEOUT = Duration.ofSeconds(30);

  /**
   * What the server answers with, once the emulator behind it is ready.
   *
   * @param dashboard the browser dashboard's server side, or null for none (its data endpoints then answer 404)
   */
  public record Routes(Handler api, Handler health, Handler reset, Dashboard dashboard) {

    /** Without a dashboard. */
    public Routes(Handler api, Handler health, Handler reset) {
      this(api, health, reset, null);
    }
  }

  private final CompletableFuture<Routes> routes = new CompletableFuture<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final Javalin app;
  private final GateHandler gate;

  public EcsHttpServer() {
    this(BODY_TIMEOUT);
  }

  /** With another limit on how long a body may take to arrive (for tests). */
  EcsHttpServer(Duration bodyTimeout) {
    this.gate = new GateHandler(new WholeBodyHandler(null, (int) AwsJsonProtocol.MAX_BODY_BYTES, bodyTimeout));
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      // Jetty stops gracefully only with a stop timeout and a handler that counts requests under way;
      // Javalin nests its own handler inside the innermost of these, the one that reads bodies.
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler(gate));
      });
      config.http.maxRequestSize = AwsJsonProtocol.MAX_BODY_BYTES;
      PreApiErrors.install(config);
      // No response compression: on loopback it only costs CPU, and Javalin's check for it (content type, size,
      // Accept-Encoding) ran on every answer in the API benchmark's profiles.
      config.http.compressionStrategy = CompressionStrategy.NONE;
      // A 5xx, which the AWS SDKs retry.
      config.routes.exception(StartingException.class, (e, ctx) -> refuse(ctx,
          new Refusal(HttpStatus.SERVICE_UNAVAILABLE.getCode(), "ServerException",
              "ecs-emulator is not ready: it is starting or stopping")));
      config.routes.post("/", ctx -> routes(ctx).api().handle(ctx));
      // Smithy RPC v2 CBOR (CloudWatch): the same API handler, which picks the protocol by the request's shape.
      config.routes.post("/service/{service}/operation/{operation}", ctx -> routes(ctx).api().handle(ctx));
      config.routes.get("/_emulator/health", ctx -> routes(ctx).health().handle(ctx));
      config.routes.post("/_emulator/reset", this::reset);
      DashboardRoutes.install(config, ctx -> routes(ctx).dashboard());
    });
  }

  /** Resets, if asked with a JSON content type: a web page can post a form to any origin, but not JSON. */
  private void reset(Context ctx) throws Exception {
    Optional<Refusal> refusal = RequestGate.resetContentType(ctx.header("Content-Type"));
    if (refusal.isPresent()) {
      refuse(ctx, refusal.get());
    } else {
      routes(ctx).reset().handle(ctx);
    }
  }

  /** Hands over what to answer with; requests waiting for it go ahead. Once only. */
  public void serve(Routes ready) {
    if (!routes.complete(ready)) {
      throw new IllegalStateException("the server already has its routes");
    }
  }

  private Routes routes(Context ctx) throws InterruptedException {
    Routes ready = routes.getNow(null);
    if (ready != null) {
      return ready;
    }
    waiting.incrementAndGet();
    try {
      return routes.get(ROUTES_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new StartingException();
    } finally {
      waiting.decrementAndGet();
    }
  }

  /** How many requests are waiting for the routes right now. */
  int waitingForRoutes() {
    return waiting.get();
  }

  private static void refuse(Context ctx, Refusal refusal) {
    ctx.status(refusal.status()).header("X-Amzn-ErrorType", refusal.errorCode())
        .contentType(Refusal.CONTENT_TYPE).result(refusal.body());
  }

  /** Starts listening, answering only the hosts {@link HostRules} allows by default; returns the port bound. */
  public int start(String bind, int port) {
    return start(bind, port, List.of());
  }

  /**
   * Starts listening; returns the port actually bound (useful when asked for port 0).
   *
   * @param allowedHosts the host names clients may also address it by ({@code --allowed-hosts})
   */
  public int start(String bind, int port, List<String> allowedHosts) {
    gate.gate(new RequestGate(HostRules.forBind(bind, allowedHosts)));
    app.start(bind, port);
    return app.port();
  }

  @Override
  public void close() {
    routes.completeExceptionally(new IllegalStateException("the emulator stopped"));
    for (Connector connector : app.jettyServer().server().getConnectors()) {
      if (connector instanceof AbstractConnector open) {
        open.setShutdownIdleTimeout(SHUTDOWN_IDLE_TIMEOUT.toMillis());
      }
    }
    app.stop();
  }

  /** The emulator behind the server did not become ready in time, or stopped before it did. */
  private static final class StartingException extends RuntimeException {
    StartingException() {
      super(null, null, false, false);
    }
  }
}
