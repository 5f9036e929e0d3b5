package dev.ecsemulator.api.metadata;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
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
}
