package dev.ecsemulator.api.metadata;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.Consumer;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** A quiet Javalin with a small thread pool of its own, for the servers on the task endpoint's address. */
final class SmallServer {

  private SmallServer() {}

  static Javalin create(String threadName, Consumer<JavalinConfig> routes) {
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      QueuedThreadPool threads = new QueuedThreadPool(32, 2);
      threads.setName(threadName);
      config.jetty.threadPool = threads;
      routes.accept(config);
    });
  }

  /**
   * Starts {@code app} on {@code host:port}, first checking that the address can be bound at all. The task
   * endpoint's address is one per machine, so a second emulator finding it taken is expected, and its caller says
   * so in its own words; Javalin would log "Failed to start Javalin" as an ERROR first. The check binds as Jetty
   * does (address reuse on) and lets go at once; should another process take the port in between, Javalin's own
   * failure (and its log line) follows as before.
   *
   * @return the port bound
   * @throws UncheckedIOException with the operating system's {@link java.net.BindException} as its cause when the
   *     address cannot be bound (see {@link BindFailure#of}); or Javalin's exception when the start fails otherwise
   */
  static int start(Javalin app, String host, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(host, port), 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
    }
    app.start(host, port);
    return app.port();
  }
}
