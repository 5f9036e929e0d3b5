package dev.ecsemulator.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Slow request bodies do not take the server down. Hundreds of connections each send an API request's headers and
 * then trickle its body a byte every 5 s (a connection the server closes, at its body time limit, is opened again,
 * so the pressure lasts); meanwhile {@code /_emulator/health} and AWS SDK calls must be answered. Before bodies were
 * read without a thread, every server thread blocked on one of these reads and nothing was answered while they
 * lasted.
 *
 * <p>The only time bound is the one that tells a dead server from a live one: each call must be answered within
 * 20 s. The latencies are printed, as figures, not asserted. {@code -Dslow-clients.connections=N} and
 * {@code -Dslow-clients.seconds=S} change the load (docs/hardening.md has the figures of a 60 s run).
 */
class SlowClientsTest {

  static final int CONNECTIONS = Integer.getInteger("slow-clients.connections", 300);
  static final Duration LOAD = Duration.ofSeconds(Long.getLong("slow-clients.seconds", 12));
  static final Duration TRICKLE_EVERY = Duration.ofSeconds(5);
  static final Duration DEAD = Duration.ofSeconds(20);

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();

  @Test
  void healthAndTheApiAreAnsweredWhileHundredsOfClientsTrickleTheirBodies() throws Exception {
    URI url = URI.create(emulator.url());
    Trickle trickle = new Trickle(url, CONNECTIONS);
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(url.resolve("/_emulator/health")).timeout(DEAD).build();
    List<Long> healthMillis = new ArrayList<>();
    List<Long> apiMillis = new ArrayList<>();
    try (EcsClient ecs = client(url)) {
      trickle.start();
      long end = System.nanoTime() + LOAD.toNanos();
      int call = 0;
      while (System.nanoTime() < end) {
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
        healthMillis.add((System.nanoTime() - started) / 1_000_000);
        assertThat(answer.statusCode()).isEqualTo(200);

        started = System.nanoTime();
        String name = "c" + call++;
        assertThat(ecs.createCluster(b -> b.clusterName(name)).cluster().clusterName()).isEqualTo(name);
        apiMillis.add((System.nanoTime() - started) / 1_000_000);
      }
    } finally {
      trickle.close();
    }
    System.out.printf("slow clients: %d connections trickling a byte every %d s for %d s (%d opened, %d bodies cut at"
            + " the time limit); health: %d calls, p50 %d ms, p99 %d ms, max %d ms; CreateCluster: %d calls, p50 %d ms,"
            + " p99 %d ms, max %d ms%n", CONNECTIONS, TRICKLE_EVERY.toSeconds(), LOAD.toSeconds(), trickle.opened.get(),
        trickle.cut.get(), healthMillis.size(), percentile(healthMillis, 50), percentile(healthMillis, 99),
        percentile(healthMillis, 100), apiMillis.size(), percentile(apiMillis, 50), percentile(apiMillis, 99),
        percentile(apiMillis, 100));
  }

  private static EcsClient client(URI url) {
    return EcsClient.builder()
        .endpointOverride(url)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(DEAD).build())
        .overrideConfiguration(c -> c.apiCallTimeout(DEAD).retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  private static long percentile(List<Long> values, int percent) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
  }

  /** The slow clients: each slot holds one connection, sending its body's bytes one at a time. */
  private static final class Trickle implements AutoCloseable {
    private final URI url;
    private final Socket[] sockets;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger cut = new AtomicInteger();

    Trickle(URI url, int connections) {
      this.url = url;
      this.sockets = new Socket[connections];
    }

    void start() throws IOException {
      for (int i = 0; i < sockets.length; i++) {
        sockets[i] = connect();
      }
      timer.scheduleAtFixedRate(this::round, TRICKLE_EVERY.toMillis(), TRICKLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Socket connect() throws IOException {
      Socket socket = new Socket(url.getHost(), url.getPort());
      String head = "POST / HTTP/1.1\r\nHost: " + url.getAuthority() + "\r\n"
          + "Content-Type: application/x-amz-json-1.1\r\n"
          + "X-Amz-Target: AmazonEC2ContainerServiceV20141113.ListClusters\r\n"
          + "Content-Length: 100000\r\n\r\n{";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      opened.incrementAndGet();
      return socket;
    }

    /** One more byte on every connection; a connection the server answered or closed is replaced. */
    private synchronized void round() {
      for (int i = 0; i < sockets.length; i++) {
        try {
          if (sockets[i].getInputStream().available() > 0) {
            cut.incrementAndGet();
            sockets[i].close();
            sockets[i] = connect();
          } else {
            sockets[i].getOutputStream().write(' ');
            sockets[i].getOutputStream().flush();
          }
        } catch (IOException e) {
          try {
            sockets[i].close();
            sockets[i] = connect();
          } catch (IOException again) {
            // the next round tries again
          }
        }
      }
    }

    @Override
    public synchronized void close() {
      timer.shutdownNow();
      for (Socket socket : sockets) {
        try {
          if (socket != null) {
            socket.close();
          }
        } catch (IOException e) {
          // closing anyway
        }
      }
    }
  }
}
