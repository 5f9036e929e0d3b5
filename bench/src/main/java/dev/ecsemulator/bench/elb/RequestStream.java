package dev.ecsemulator.bench.elb;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GET / at a paced rate from a fixed number of clients that each wait for their answer: a closed loop, so a slow app
 * slows the stream (the rate reached is reported) rather than piling up requests until they time out. Counts what
 * was sent and what failed (an error, or an answer other than 200).
 */
final class RequestStream implements AutoCloseable {

  static final int RATE = 200;
  static final int CLIENTS = 16;

  /** What the stream did. */
  record Result(int sent, int failed, double rate) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI uri;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final Semaphore permits = new Semaphore(0);
  private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService clients;
  private final long begin = System.nanoTime();

  RequestStream(int port, int rate, int clientCount) {
    this.uri = URI.create("http://127.0.0.1:" + port + "/");
    this.clients = Executors.newFixedThreadPool(clientCount);
    pacer.scheduleAtFixedRate(() -> {
      if (permits.availablePermits() < rate) {
        permits.release();
      }
    }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
    for (int i = 0; i < clientCount; i++) {
      clients.execute(this::loop);
    }
  }

  static String describe() {
    return RATE + " requests/s from " + CLIENTS + " clients that wait for their answers";
  }

  private void loop() {
    try {
      while (running.get()) {
        if (permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          send();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void send() throws InterruptedException {
    sent.incrementAndGet();
    try {
      HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        failed.incrementAndGet();
      }
    } catch (java.io.IOException e) {
      failed.incrementAndGet();
    }
  }

  /** Stops sending, waits for the answers under way, and sums up. */
  Result finish() throws InterruptedException {
    running.set(false);
    pacer.shutdownNow();
    clients.shutdown();
    clients.awaitTermination(60, TimeUnit.SECONDS);
    return new Result(sent.get(), failed.get(), sent.get() / ((System.nanoTime() - begin) / 1e9));
  }

  @Override
  public void close() {
    running.set(false);
    pacer.shutdownNow();
    clients.shutdownNow();
  }
}
