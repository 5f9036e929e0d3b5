package dev.ecsemulator.api.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.RawHttp;
import dev.ecsemulator.api.support.RawHttp.Answer;
import dev.ecsemulator.api.support.TestEmulator;
import dev.ecsemulator.api.ui.EventStream.Event;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The dashboard's endpoints over HTTP: the live feed (server-sent events) sends a snapshot and then what changes,
 * and reads nothing while nobody watches; the page and its files carry a strict policy; the browser's {@code GET /}
 * goes to the dashboard while the API's answers stay as they were; other origins get nothing.
 */
class DashboardEventsTest {

  static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();
  static final AtomicInteger names = new AtomicInteger();

  static Dashboard dashboard() {
    return emulator.emulator().dashboard();
  }

  static String events(String query) {
    return emulator.url() + "/_emulator/ui/events" + query;
  }

  @BeforeEach
  void nobodyWatchesAtFirst() {
    awaitNobodyWatches();
  }

  /** Waits until the feed has noticed that every stream closed: when something is sent to it. */
  static void awaitNobodyWatches() {
    awaitNobodyWatches(ecs);
  }

  /**
   * As {@link #awaitNobodyWatches()}, with the changes that reach the closed streams made by {@code poker}: a stream
   * of another scope only hears of changes there (else only the 15 s heartbeat would find it closed).
   */
  static void awaitNobodyWatches(EcsClient poker) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
      poker.createCluster(b -> b.clusterName("poke-" + names.incrementAndGet()));
      return dashboard().watchers() == 0;
    });
  }

  static List<JsonNode> entries(Event event, String kind) {
    List<JsonNode> found = new ArrayList<>();
    event.data().path("entries").forEach(e -> {
      if (e.path("kind").asText().equals(kind)) {
        found.add(e);
      }
    });
    return found;
  }

  /** The next changes event that names the cluster {@code name}. */
  static JsonNode nextChangeOfCluster(EventStream stream, String name) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Event event = stream.next("changes", WAIT);
      for (JsonNode entry : entries(event, "cluster")) {
        if (entry.path("key").asText().equals(name)) {
          return entry;
        }
      }
    }
    throw new AssertionError("no change of cluster " + name);
  }

  @Test
  void nothingIsReadWhileNobodyWatches() {
    long before = dashboard().feedReads();
    for (int i = 0; i < 20; i++) {
      String name = "quiet-" + i;
      ecs.createCluster(b -> b.clusterName(name));
      ecs.deleteCluster(b -> b.cluster(name));
    }
    assertThat(dashboard().feedReads()).isEqualTo(before);
  }

  @Test
  void aWatcherGetsTheScopeOnceThenWhatChanges() throws Exception {
    ecs.createCluster(b -> b.clusterName("first"));
    try (EventStream stream = EventStream.open(events(""))) {
      assertThat(stream.status()).isEqualTo(200);
      Event snapshot = stream.next(WAIT);
      assertThat(snapshot.name()).isEqualTo("snapshot");
      assertThat(snapshot.data().path("scope").path("accountId").asText()).isEqualTo("000000000000");
      assertThat(snapshot.data().path("scope").path("region").asText()).isEqualTo("us-east-1");
      assertThat(snapshot.data().path("at").isNumber()).isTrue();
      assertThat(entries(snapshot, "cluster")).anySatisfy(e -> {
        assertThat(e.path("key").asText()).isEqualTo("first");
        assertThat(e.path("value").path("clusterArn").asText())
            .isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/first");
      });

      ecs.createCluster(b -> b.clusterName("second"));
      JsonNode created = nextChangeOfCluster(stream, "second");
      assertThat(created.path("value").path("status").asText()).isEqualTo("ACTIVE");

      ecs.deleteCluster(b -> b.cluster("second"));
      JsonNode deleted = nextChangeOfCluster(stream, "second");
      assertThat(deleted.path("value").path("status").asText()).isEqualTo("INACTIVE");
    }
  }

  @Test
  void aWatcherThatLeftCostsNothingMore() throws Exception {
    try (EventStream stream = EventStream.open(events(""))) {
      assertThat(stream.next(WAIT).name()).isEqualTo("snapshot");
      assertThat(dashboard().watchers()).isEqualTo(1);
    }
    awaitNobodyWatches();
    long reads = dashboard().feedReads();
    for (int i = 0; i < 10; i++) {
      String name = "after-" + i;
      ecs.createCluster(b -> b.clusterName(name));
    }
    assertThat(dashboard().feedReads()).isEqualTo(reads);
  }

  @Test
  void anotherAccountAndRegionIsWatchedWhenAskedFor() throws Exception {
    try (EcsClient other = emulator.client(Region.EU_WEST_1, "111111111111")) {
      try (EventStream stream = EventStream.open(events("?account=111111111111&region=eu-west-1"))) {
        Event snapshot = stream.next(WAIT);
        assertThat(snapshot.data().path("scope").path("accountId").asText()).isEqualTo("111111111111");
        assertThat(entries(snapshot, "cluster")).isEmpty();
        ecs.createCluster(b -> b.clusterName("elsewhere")); // the default scope: not this stream's
        other.createCluster(b -> b.clusterName("theirs"));
        JsonNode theirs = nextChangeOfCluster(stream, "theirs");
        assertThat(theirs.path("value").path("clusterArn").asText()).startsWith("arn:aws:ecs:eu-west-1:111111111111:");
      }
      awaitNobodyWatches(other); // the next test's wait pokes the default scope, which this stream never heard of
    }
  }

  /** The emulator's stop closes the dashboard first, so the server's graceful stop has no stream to wait for. */
  @Test
  void closingTheDashboardEndsItsStreamsAndRefusesNewOnes() throws Exception {
    try (TestEmulator own = TestEmulator.start()) {
      try (EventStream stream = EventStream.open(own.url() + "/_emulator/ui/events")) {
        assertThat(stream.next(WAIT).name()).isEqualTo("snapshot");
        own.emulator().dashboard().close();
        stream.awaitEnd(WAIT);
      }
      try (EventStream late = EventStream.open(own.url() + "/_emulator/ui/events")) {
        late.awaitEnd(WAIT);
      }
      assertThat(own.emulator().dashboard().watchers()).isZero();
    }
  }

  @Test
  void aMalformedScopeIsRefusedOnTheStream() throws Exception {
    try (EventStream stream = EventStream.open(events("?account=12&region=us-east-1"))) {
      Event failure = stream.next(WAIT);
      assertThat(failure.name()).isEqualTo("failure");
      assertThat(failure.data().path("message").asText()).contains("12 digits");
    }
  }

  @Test
  void thePageAndItsFilesComeWithAStrictPolicy() {
    HttpResponse<String> page = emulator.get("/_emulator/ui/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy")).contains(DashboardRoutes.CONTENT_SECURITY_POLICY);
    assertThat(DashboardRoutes.CONTENT_SECURITY_POLICY).contains("default-src 'none'", "script-src 'self'",
        "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.body()).contains("<script type=\"module\" src=\"assets/app.js\"></script>")
        .doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("style=");

    HttpResponse<String> script = emulator.get("/_emulator/ui/assets/app.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
    assertThat(script.headers().firstValue("Content-Security-Policy")).isPresent();

    assertThat(emulator.get("/_emulator/ui/assets/missing.js").statusCode()).isEqualTo(404);
    assertThat(emulator.get("/_emulator/ui/assets/..%2FDashboard.class").statusCode()).isIn(400, 404);
    assertThat(emulator.get("/_emulator/ui/assets/App.JS").statusCode()).isEqualTo(404);
    HttpResponse<String> bare = emulator.get("/_emulator/ui");
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.headers().firstValue("Location")).contains("/_emulator/ui/");
  }

  @Test
  void noScriptOfTheDashboardWritesMarkup() {
    for (String file : List.of("app.js", "dom.js", "render.js", "inspector.js", "timeline.js", "model.js", "ecs.js",
        "explain.js", "format.js")) {
      HttpResponse<String> script = emulator.get("/_emulator/ui/assets/" + file);
      assertThat(script.statusCode()).as(file).isEqualTo(200);
      assertThat(script.body()).as(file).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
          "document.write", "eval(", "new Function");
    }
  }

  @Test
  void aBrowserAskingForTheRootGoesToTheDashboardAndTheApiIsUntouched() {
    String host = "Host: " + URI.create(emulator.url()).getAuthority();
    Answer browser = RawHttp.exchange(emulator.url(), "GET / HTTP/1.1\r\n" + host + "\r\nAccept: text/html,"
        + "application/xhtml+xml,*/*;q=0.8", "");
    assertThat(browser.status()).isEqualTo(302);
    assertThat(browser.headers().get("location")).isEqualTo("/_emulator/ui/");

    Answer other = RawHttp.exchange(emulator.url(), "GET / HTTP/1.1\r\n" + host + "\r\nAccept: */*", "");
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.headers().get("x-amzn-errortype")).isEqualTo("UnknownOperationException");

    ecs.createCluster(b -> b.clusterName("still-there"));
    assertThat(ecs.listClusters().clusterArns()).anySatisfy(arn -> assertThat(arn).endsWith("/still-there"));
  }

  @Test
  void pagesOfOtherOriginsCannotWatchNorAct() {
    String host = "Host: " + URI.create(emulator.url()).getAuthority();
    Answer watch = RawHttp.exchange(emulator.url(), "GET /_emulator/ui/events HTTP/1.1\r\n" + host
        + "\r\nAccept: text/event-stream\r\nOrigin: http://evil.example", "");
    assertThat(watch.status()).isEqualTo(403);
    assertThat(watch.headers().get("x-amzn-errortype")).isEqualTo("AccessDeniedException");
    Answer script = RawHttp.exchange(emulator.url(), "GET /_emulator/ui/assets/app.js HTTP/1.1\r\n" + host
        + "\r\nSec-Fetch-Site: cross-site", "");
    assertThat(script.status()).isEqualTo(403);
    Answer act = RawHttp.exchange(emulator.url(), "POST /_emulator/ui/api/sample-app HTTP/1.1\r\n" + host
        + "\r\nContent-Type: application/json\r\nOrigin: http://localhost:8000", "{}");
    assertThat(act.status()).isEqualTo(403);
  }

  @Test
  void sampleAppActionsAreCheckedBeforeAnythingIsSent() {
    String host = "Host: " + URI.create(emulator.url()).getAuthority();
    String head = "POST /_emulator/ui/api/sample-app HTTP/1.1\r\n" + host + "\r\nContent-Type: ";
    Answer form = RawHttp.exchange(emulator.url(), head + "application/x-www-form-urlencoded", "action=burn");
    assertThat(form.status()).isEqualTo(415);
    Answer badAction = RawHttp.exchange(emulator.url(), head + "application/json",
        "{\"accountId\":\"000000000000\",\"region\":\"us-east-1\",\"task\":\"0123456789abcdef0123456789abcdef\","
            + "\"action\":\"exit\"}");
    assertThat(badAction.status()).isEqualTo(400);
    assertThat(badAction.body()).contains("unhealthy, healthy, burn");
    Answer unknown = RawHttp.exchange(emulator.url(), head + "application/json",
        "{\"accountId\":\"000000000000\",\"region\":\"us-east-1\",\"cluster\":\"default\","
            + "\"task\":\"0123456789abcdef0123456789abcdef\",\"action\":\"burn\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.headers().get("x-amzn-errortype")).isEqualTo("ResourceNotFoundException");
    Answer garbage = RawHttp.exchange(emulator.url(), head + "application/json", "{not json");
    assertThat(garbage.status()).isEqualTo(400);
  }

  @Test
  void explanationsAndContainerDetailsAreServed() {
    HttpResponse<String> explanations = emulator.get("/_emulator/ui/api/explanations");
    assertThat(explanations.statusCode()).isEqualTo(200);
    assertThat(explanations.body()).contains("\"topic\":\"STOP_CODE\"", "\"pattern\":\"EssentialContainerExited\"");
    assertThat(emulator.get("/_emulator/ui/api/containers/not-an-id").statusCode()).isEqualTo(404);
  }
}
