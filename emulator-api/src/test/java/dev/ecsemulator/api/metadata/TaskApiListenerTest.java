package dev.ecsemulator.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API as tasks reach it: POST / only, and never for a browser (an Origin) or another host name. */
class TaskApiListenerTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void onlyPlainCallsReachTheApi() throws Exception {
    try (TaskApiListener listener = new TaskApiListener(ctx -> ctx.result("api"),
        new TaskCallers(List::of, Clock.systemUTC()))) {
      int port = listener.start("127.0.0.1", 0);
      URI uri = URI.create("http://127.0.0.1:" + port + "/");

      HttpResponse<String> plain = send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}")));
      HttpResponse<String> browser = send(HttpRequest.newBuilder(uri).header("Origin", "http://evil.example")
          .POST(HttpRequest.BodyPublishers.ofString("{}")));
      HttpResponse<String> renamed = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
          .POST(HttpRequest.BodyPublishers.ofString("{}")));
      HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/_emulator/health")).GET());

      assertThat(plain.body()).isEqualTo("api");
      assertThat(browser.statusCode()).isEqualTo(403);
      assertThat(browser.body()).contains("\"__type\":\"AccessDeniedException\"");
      assertThat(renamed.statusCode()).as("a Host other than the address itself").isEqualTo(403);
      assertThat(health.statusCode()).isEqualTo(404);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
