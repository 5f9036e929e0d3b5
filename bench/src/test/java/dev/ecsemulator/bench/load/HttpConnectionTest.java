package dev.ecsemulator.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecsemulator.bench.client.EcsRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator's HTTP client against a real HTTP server on a free loopback port (the JDK's). */
class HttpConnectionTest {

  HttpServer server;
  final List<String> targets = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    targets.add(target + " " + exchange.getRequestHeaders().getFirst("Authorization"));
    byte[] body = exchange.getRequestBody().readAllBytes();
    String operation = target.substring(target.indexOf('.') + 1);
    exchange.getResponseHeaders().set("Content-Type", EcsRequest.CONTENT_TYPE);
    byte[] answer = ("{\"echo\":" + new String(body, StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8);
    switch (operation) {
      case "Chunked" -> {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer, 0, 5);
          out.flush();
          out.write(answer, 5, answer.length - 5);
        }
      }
      case "Close" -> {
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
      }
      case "Fail" -> {
        byte[] error = "{\"__type\":\"ClientException\",\"message\":\"no\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(400, error.length);
        exchange.getResponseBody().write(error);
        exchange.close();
      }
      default -> {
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
      }
    }
  }

  @Test
  void keepsTheConnectionAliveAndReadsContentLengthBodies() throws IOException {
    HttpConnection connection = new HttpConnection("127.0.0.1", port());
    byte[] request = new EcsRequest("ListClusters", "{\"n\":1}").toHttp("127.0.0.1", port());

    for (int i = 0; i < 3; i++) {
      assertThat(connection.exchange(request)).isEqualTo(200);
      assertThat(connection.lastBody()).isEqualTo("{\"echo\":{\"n\":1}}");
    }

    assertThat(connection.connects()).isEqualTo(1);
    assertThat(targets).allSatisfy(t -> assertThat(t)
        .startsWith("AmazonEC2ContainerServiceV20141113.ListClusters AWS4-HMAC-SHA256 Credential=test/20250101/"
            + "us-east-1/ecs/aws4_request"));
    connection.close();
  }

  @Test
  void readsChunkedBodies() throws IOException {
    HttpConnection connection = new HttpConnection("127.0.0.1", port());
    byte[] request = new EcsRequest("Chunked", "{\"n\":2}").toHttp("127.0.0.1", port());

    assertThat(connection.exchange(request)).isEqualTo(200);
    assertThat(connection.lastBody()).isEqualTo("{\"echo\":{\"n\":2}}");
    assertThat(connection.exchange(request)).isEqualTo(200);
    connection.close();
  }

  @Test
  void reconnectsWhenTheServerClosesAfterEachAnswer() throws IOException {
    HttpConnection connection = new HttpConnection("127.0.0.1", port());
    byte[] request = new EcsRequest("Close", "{}").toHttp("127.0.0.1", port());

    for (int i = 0; i < 3; i++) {
      assertThat(connection.exchange(request)).isEqualTo(200);
    }

    assertThat(connection.connects()).isEqualTo(3);
    connection.close();
  }

  @Test
  void theLoadGeneratorCountsAnswersAndErrorsInTheMeasuredWindow() throws InterruptedException {
    LoadResult ok = new LoadGenerator(new LoadSpec("127.0.0.1", port(), new EcsRequest("ListClusters", "{}"), 2,
        Duration.ofMillis(100), Duration.ofMillis(300))).run();
    LoadResult failing = new LoadGenerator(new LoadSpec("127.0.0.1", port(), new EcsRequest("Fail", "{}"), 1,
        Duration.ZERO, Duration.ofMillis(200))).run();

    assertThat(ok.requests()).isPositive();
    assertThat(ok.errors()).isZero();
    assertThat(ok.exchanges()).isGreaterThanOrEqualTo(ok.requests());
    assertThat(ok.connects()).isEqualTo(2);
    assertThat(ok.p50Micros()).isPositive().isLessThanOrEqualTo(ok.p99Micros());
    assertThat(ok.throughput()).isEqualTo(ok.requests() / 0.3, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(failing.requests()).isZero();
    assertThat(failing.errors()).isPositive();
    assertThat(failing.firstError()).startsWith("HTTP 400 ").contains("ClientException");
  }
}
