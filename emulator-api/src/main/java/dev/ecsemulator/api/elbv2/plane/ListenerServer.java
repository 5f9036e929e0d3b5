package dev.ecsemulator.api.elbv2.plane;

import dev.ecsemulator.core.elbv2.error.InvalidConfigurationRequestException;
import java.net.BindException;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's port on the host: a Jetty server bound to the emulator's bind address, answering with a
 * {@link ListenerHandler}. Uses the data plane's shared thread pool (started before, so not stopped with it).
 */
final class ListenerServer {

  private static final Logger log = LoggerFactory.getLogger(ListenerServer.class);

  private final Server server;
  private final ListenerHandler handler;
  private final int port;
  /** The listener it serves: the one that reserved it, or whose routes it last got. */
  private volatile String owner;
  /** The data plane's reservation count when it was reserved: a reconcile that began before keeps it open. */
  private final long reservedAt;

  private ListenerServer(Server server, ListenerHandler handler, int port, String owner, long reservedAt) {
    this.server = server;
    this.handler = handler;
    this.port = port;
    this.owner = owner;
    this.reservedAt = reservedAt;
  }

  /**
   * Opens the port.
   *
   * @throws InvalidConfigurationRequestException naming the address and port when they cannot be bound
   */
  static ListenerServer open(String bind, int port, String owner, long reservedAt, ThreadPool pool,
      InFlight inFlight, RequestMeter meter, Runnable onRequestDone) {
    Server server = new Server(pool);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(bind);
    connector.setPort(port);
    server.addConnector(connector);
    ListenerHandler handler = new ListenerHandler(inFlight, meter, onRequestDone);
    server.setHandler(handler);
    server.setStopTimeout(1000);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof BindException)) {
        cause = cause.getCause();
      }
      throw new InvalidConfigurationRequestException("ecs-emulator cannot open the listener's port " + port + " on "
          + bind + ": " + (cause instanceof BindException ? "it is already in use" : cause.getMessage())
          + ". Choose another port.");
    }
    log.info("ELBv2 listener port {} open on {}", port, bind);
    return new ListenerServer(server, handler, port, owner, reservedAt);
  }

  int port() {
    return port;
  }

  String owner() {
    return owner;
  }

  long reservedAt() {
    return reservedAt;
  }

  void route(ListenerRoutes routes) {
    owner = routes.listenerArn();
    handler.route(routes);
  }

  ListenerRoutes routes() {
    return handler.routes();
  }

  /** Closes the port; requests under way get up to a second. Idempotent. */
  void close() {
    stopQuietly(server);
    log.info("ELBv2 listener port {} closed", port);
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      log.debug("stopping a listener's server: {}", e.toString());
    }
  }
}
