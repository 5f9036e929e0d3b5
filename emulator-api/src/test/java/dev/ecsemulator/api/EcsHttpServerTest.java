package dev.ecsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server listens before the emulator behind it is ready (start-up builds them in parallel): a request
 * that comes in between waits for the routes, and gets a retryable 5xx if the server stops first.
 */
class EcsHttpServerTest {

  private final EcsHttpServer server = new EcsHttpServer();
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

  @Test
  void routesAreHandedOverOnce() {
    EcsHttpServer.Routes routes = new EcsHttpServer.Routes(ctx -> {}, ctx -> {}, ctx -> {});
    server.serve(routes);
    org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> server.serve(routes));
  }

  private static HttpRequest health(int port) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_emulator/health")).build();
  }
}
