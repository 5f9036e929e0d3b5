package dev.ecsemulator.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.RawHttp;
import dev.ecsemulator.api.support.RawHttp.Answer;
import dev.ecsemulator.api.support.TestEmulator;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * What a web page the user visits can do to the emulator: nothing. Requests are sent as a browser would send them,
 * over raw HTTP (no client library lets a caller set Host or Origin), and the state they would have wiped is
 * checked through the AWS SDK, which keeps working.
 */
class WebPageRequestsTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();

  private static String authority() {
    return URI.create(emulator.url()).getAuthority();
  }

  private static Answer post(String path, String... headers) {
    return RawHttp.exchange(emulator.url(), "POST " + path + " HTTP/1.1\r\n" + String.join("\r\n", headers), "x=1");
  }

  private static Answer get(String path, String... headers) {
    return RawHttp.exchange(emulator.url(), "GET " + path + " HTTP/1.1\r\n" + String.join("\r\n", headers), "");
  }

  private static void assertRefused(Answer answer, int status, String type, String... inMessage) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().get("content-type")).isEqualTo("application/x-amz-json-1.1");
    assertThat(answer.headers().get("x-amzn-errortype")).isEqualTo(type);
    assertThat(answer.body()).startsWith("{\"__type\":\"" + type + "\",\"message\":\"").contains(inMessage);
  }

  private List<String> clusters() {
    return emulator.client().listClusters().clusterArns();
  }

  @Test
  void aPageOfAnotherOriginCannotResetTheEmulator() {
    emulator.client().createCluster(b -> b.clusterName("kept"));

    // What <form method=post action=http://127.0.0.1:4566/_emulator/reset> sends.
    Answer form = post("/_emulator/reset", "Host: " + authority(), "Origin: http://evil.example",
        "Content-Type: application/x-www-form-urlencoded", "Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: navigate");
    // A page whose browser sends no Sec-Fetch-* headers (older browsers).
    Answer fetch = post("/_emulator/reset", "Host: " + authority(), "Origin: http://localhost:3000",
        "Content-Type: text/plain");

    assertRefused(form, 403, "AccessDeniedException", "Origin 'http://evil.example'", "its own origin");
    assertRefused(fetch, 403, "AccessDeniedException", "Origin 'http://localhost:3000'");
    assertThat(clusters()).hasSize(1);
  }

  @Test
  void aRebindingPageCannotReachTheApiOrHealth() {
    emulator.client().createCluster(b -> b.clusterName("kept"));
    String host = "Host: rebind.evil.example:" + URI.create(emulator.url()).getPort();

    // The page's own origin is the rebound name, so it is "same origin" to the browser: only Host gives it away.
    Answer reset = post("/_emulator/reset", host, "Origin: http://rebind.evil.example:"
        + URI.create(emulator.url()).getPort(), "Content-Type: application/json", "Sec-Fetch-Site: same-origin");
    Answer api = post("/", host, "Content-Type: application/x-amz-json-1.1",
        "X-Amz-Target: AmazonEC2ContainerServiceV20141113.DeleteCluster");
    Answer health = get("/_emulator/health", host);

    for (Answer answer : List.of(reset, api, health)) {
      assertRefused(answer, 403, "AccessDeniedException", "Host 'rebind.evil.example:", "DNS rebinding",
          "--allowed-hosts", "ECS_EMULATOR_ALLOWED_HOSTS");
    }
    assertThat(clusters()).hasSize(1);
  }

  @Test
  void requestsABrowserMarksCrossSiteAreRefusedEvenWithoutAnOrigin() {
    // An <img src=http://127.0.0.1:4566/_emulator/health> on another site: a GET without Origin.
    assertRefused(get("/_emulator/health", "Host: " + authority(), "Sec-Fetch-Site: cross-site"), 403,
        "AccessDeniedException", "Sec-Fetch-Site: cross-site");
    // Another port of localhost is the same site, but another origin.
    assertRefused(get("/_emulator/health", "Host: " + authority(), "Sec-Fetch-Site: same-site"), 403,
        "AccessDeniedException", "Sec-Fetch-Site: same-site");
  }

  @Test
  void theEmulatorsOwnPagesAndTheUserTypingTheAddressAreAnswered() {
    emulator.client().createCluster(b -> b.clusterName("gone"));

    Answer typed = get("/_emulator/health", "Host: " + authority(), "Sec-Fetch-Site: none", "Sec-Fetch-Mode: navigate");
    Answer ownPage = post("/_emulator/reset", "Host: " + authority(), "Origin: http://" + authority(),
        "Content-Type: application/json", "Sec-Fetch-Site: same-origin");

    assertThat(typed.status()).isEqualTo(200);
    assertThat(typed.body()).contains("\"status\":\"ok\"");
    assertThat(ownPage.status()).as(ownPage.body()).isEqualTo(200);
    assertThat(clusters()).isEmpty();
  }

  @Test
  void resetNeedsAJsonContentType() {
    emulator.client().createCluster(b -> b.clusterName("kept"));

    Answer form = post("/_emulator/reset", "Host: " + authority(), "Content-Type: application/x-www-form-urlencoded");
    Answer none = post("/_emulator/reset", "Host: " + authority());

    assertRefused(form, 415, "UnsupportedMediaTypeException", "application/json",
        "got 'application/x-www-form-urlencoded'");
    assertRefused(none, 415, "UnsupportedMediaTypeException", "got none");
    assertThat(clusters()).hasSize(1);

    Answer json = post("/_emulator/reset", "Host: " + authority(), "Content-Type: application/json; charset=utf-8");
    assertThat(json.status()).as(json.body()).isEqualTo(200);
    assertThat(clusters()).isEmpty();
  }

  @Test
  void anHttp10RequestWithoutHostIsAnswered() {
    Answer answer = RawHttp.exchange(emulator.url(), "GET /_emulator/health HTTP/1.0", "");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("\"status\":\"ok\"");
  }

  @Test
  void sdkClientsAddressingLocalhostOrTheBindAddressWork() {
    try (EcsClient localhost = EcsClient.builder()
        .endpointOverride(URI.create("http://localhost:" + URI.create(emulator.url()).getPort()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build()) {
      localhost.createCluster(b -> b.clusterName("by-localhost"));
      assertThat(emulator.client().listClusters().clusterArns()).singleElement().asString().endsWith("/by-localhost");
    }
  }

  @Test
  void namesTheUserAllowsAreAnswered() {
    try (TestEmulator allowing = TestEmulator.start(config -> config.withAllowedHosts(List.of("emulator.test")))) {
      int port = URI.create(allowing.url()).getPort();
      String ping = "POST / HTTP/1.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
          + "X-Amz-Target: AmazonEC2ContainerServiceV20141113.ListClusters\r\n";

      Answer allowed = RawHttp.exchange(allowing.url(), ping + "Host: emulator.test:" + port, "{}");
      Answer other = RawHttp.exchange(allowing.url(), ping + "Host: other.test:" + port, "{}");

      assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
      assertThat(allowed.body()).contains("clusterArns");
      assertRefused(other, 403, "AccessDeniedException", "and the allowed hosts emulator.test");
    }
  }
}
