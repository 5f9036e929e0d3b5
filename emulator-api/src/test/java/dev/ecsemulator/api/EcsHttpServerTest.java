package dev.ecsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.support.RawHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server listens before the emulator behind it is ready (start-up builds them in parallel): a request
 * that comes in between waits for the routes, and gets a retryable 5xx if the server stops first. Bodies reach
 * the routes whole, and one that does not arrive in time is refused.
 */
class EcsHttpServerTest {

  static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);

  private final EcsHttpServer server = new EcsHttpServer(BODY_TIMEOUT);
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aRequestThatArrivesBeforeTheRoutesWaitsForThemAndIsAnswered() throws Exception {
    int port = server.start("127.0.0.1", 0);
    CompletableFuture<HttpResponse<String>> early = client.sendAsync(health(port), HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(30)).until(() -> server.waitingForRoutes() == 1);

    server.serve(new EcsHttpServer.Routes(ctx -> ctx.result("api"), ctx -> ctx.result("healthy"), ctx -> ctx.result("reset")));

    HttpResponse<String> response = early.get();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("healthy");
    assertThat(server.waitingForRoutes()).isZero();
  }

  @Test
  void aRequestWaitingWhenTheServerStopsGetsARetryableServerError() throws Exception {
    int port = server.start("127.0.0.1", 0);
    CompletableFuture<HttpResponse<String>> early = client.sendAsync(health(port), HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(30)).until(() -> server.waitingForRoutes() == 1);

    server.close();

    HttpResponse<String> response = early.get();
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("\"__type\":\"ServerException\"").contains("not ready");
  }

  /**
   * A stop closes idle keep-alive connections after {@link EcsHttpServer#SHUTDOWN_IDLE_TIMEOUT}, but a request
   * under way is answered whole however long it takes past that, and the stop waits for it.
   */
  @Test
  void aRequestUnderWayWhenTheServerStopsIsAnsweredAndTheStopWaitsForIt() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    int port = server.start("127.0.0.1", 0);
    server.serve(new EcsHttpServer.Routes(ctx -> {
      entered.countDown();
      release.await();
      ctx.result("answered");
    }, ctx -> ctx.result("healthy"), ctx -> ctx.result("reset")));
    // An idle keep-alive connection beside the busy one, as an SDK's pool holds.
    assertThat(client.send(health(port), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    CompletableFuture<HttpResponse<String>> underWay = client.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stop = CompletableFuture.runAsync(server::close);
    // Held for several shutdown idle timeouts: the stop must neither finish nor cut the request meanwhile.
    await().during(EcsHttpServer.SHUTDOWN_IDLE_TIMEOUT.multipliedBy(5)).atMost(Duration.ofSeconds(30))
        .until(() -> !stop.isDone() && !underWay.isDone());
    release.countDown();

    HttpResponse<String> response = underWay.get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("answered");
    stop.get(30, TimeUnit.SECONDS);
  }

  @Test
  void routesAreHandedOverOnce() {
    EcsHttpServer.Routes routes = new EcsHttpServer.Routes(ctx -> {}, ctx -> {}, ctx -> {});
    server.serve(routes);
    org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> server.serve(routes));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Content-Length: 11", "Transfer-Encoding: chunked"})
  void aBodyArrivingInPiecesReachesTheRouteWhole(String framing) throws Exception {
    int port = server.start("127.0.0.1", 0);
    server.serve(new EcsHttpServer.Routes(ctx -> ctx.result("got " + ctx.body()), ctx -> {}, ctx -> {}));
    boolean chunked = framing.startsWith("Transfer");
    ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      write(out, "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n" + framing + "\r\n\r\n"
          + (chunked ? "5\r\nhello\r\n" : "hello"));
      // The rest comes later, as from a slow client: the route must get it all the same.
      later.schedule(() -> write(out, chunked ? "6\r\n world\r\n0\r\n\r\n" : " world"), 300, TimeUnit.MILLISECONDS);

      RawHttp.Answer answer = RawHttp.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("got hello world");
    } finally {
      later.shutdownNow();
    }
  }

  @Test
  void aBodyThatDoesNotArriveInTimeIsRefusedAndItsConnectionClosed() throws Exception {
    int port = server.start("127.0.0.1", 0);
    server.serve(new EcsHttpServer.Routes(ctx -> ctx.result("never"), ctx -> {}, ctx -> {}));
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      write(socket.getOutputStream(), "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 10\r\n\r\n{");

      // Read to the end: the server closes the connection after its answer.
      RawHttp.Answer answer = RawHttp.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

      assertThat(answer.status()).isEqualTo(408);
      assertThat(answer.headers()).containsEntry("connection", "close")
          .containsEntry("x-amzn-errortype", "RequestTimeoutException");
      assertThat(answer.body()).startsWith("{\"__type\":\"RequestTimeoutException\",\"message\":")
          .contains("did not arrive within 2 s (1 bytes came of 10)");
    }
  }

  private static void write(OutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpRequest health(int port) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_emulator/health")).build();
  }
}
