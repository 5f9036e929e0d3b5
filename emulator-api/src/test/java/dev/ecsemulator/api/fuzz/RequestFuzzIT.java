package dev.ecsemulator.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request fuzz of the slow lane: at least 10,000 requests over every JSON-protocol service on the endpoint
 * with no Docker engine (so the scheduler fails tasks fast and nothing piles up), then a shorter run against the
 * real engine, where requests become real containers. Each must end with no 5xx, no request unanswered, no secret
 * value shown, nothing stuck between statuses and every record read back after a restart ({@link RequestFuzzTest}
 * holds the checks; it runs 150 requests per service in the fast lane).
 */
class RequestFuzzIT {

  /** At least this many requests in all, as the slow lane promises. */
  static final int TOTAL_REQUESTS = 10_000;
  /** Per service without an engine: six services today make 10,200. */
  static final int REQUESTS_PER_SERVICE = 1_700;
  /** Per service against the real engine: each accepted RunTask or CreateService makes containers. */
  static final int DOCKER_REQUESTS_PER_SERVICE = 300;

  @Test
  void tenThousandRequestsWithoutAnEngine(@TempDir Path dataDir) throws Exception {
    int sent = new RequestFuzzTest().fuzz(dataDir, Long.getLong("fuzz.seed", 7L), REQUESTS_PER_SERVICE, false);

    assertThat(sent).as("requests sent").isGreaterThanOrEqualTo(TOTAL_REQUESTS);
  }

  @Test
  void againstTheRealEngine(@TempDir Path dataDir) throws Exception {
    new RequestFuzzTest().fuzz(dataDir, Long.getLong("fuzz.seed", 8L), DOCKER_REQUESTS_PER_SERVICE, true);
  }
}
