package dev.ecsemulator.api.elbv2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP target in the test JVM on 127.0.0.1: answers every path with its name (and the path), {@code /health}
 * with a status the test sets, and {@code /slow} only when the test releases it (a request under way). Counts what it
 * served.
 */
final class TestTarget implements AutoCloseable {

  final String name;
  private final HttpServer server;
  final AtomicInteger served = new AtomicInteger();
  final AtomicInteger healthChecks = new AtomicInteger();
  volatile int healthStatus = 200;
  volatile String lastUserAgent;
  volatile String lastForwardedFor;
  final CountDownLatch slowStarted = new CountDownLatch(1);
  final CountDownLatch releaseSlow = new CountDownLatch(1);

  TestTarget(String name) {
    this.name = name;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::serve);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/health")) {
      healthChecks.incrementAndGet();
      lastUserAgent = exchange.getRequestHeaders().getFirst("User-Agent");
      answer(exchange, healthStatus, "health");
      return;
    }
    served.incrementAndGet();
    lastForwardedFor = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
    if (path.equals("/slow")) {
      slowStarted.countDown();
      try {
        releaseSlow.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    answer(exchange, 200, name + " " + path);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    releaseSlow.countDown();
    server.stop(0);
  }
}
