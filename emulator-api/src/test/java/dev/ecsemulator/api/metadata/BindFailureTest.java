package dev.ecsemulator.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.LogCapture;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Why a listener could not start, from what the operating system said, under Javalin's blanket message. */
class BindFailureTest {

  @Test
  void thePortInUseAndAnAddressNotOnThisMachineAreToldApart() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      TaskMetadataServer second = new TaskMetadataServer(null, null);
      RuntimeException inUse = startFailure(second, "127.0.0.1", taken.getLocalPort());
      TaskMetadataServer elsewhere = new TaskMetadataServer(null, null);
      RuntimeException notLocal = startFailure(elsewhere, "192.0.2.123", 0); // TEST-NET-1: never local

      assertThat(BindFailure.of(inUse)).isEqualTo(BindFailure.IN_USE);
      assertThat(BindFailure.of(notLocal)).isEqualTo(BindFailure.NOT_LOCAL);
      assertThat(BindFailure.root(notLocal)).contains("Cannot assign requested address");
    }
  }

  /**
   * A second emulator finding the task endpoint's address taken is expected, and TaskEndpoints says so in its own
   * words: Javalin's "Failed to start Javalin" ERROR must not come first. slf4j-simple names the logging thread, and
   * Javalin logs on the thread that starts it, so only this test's lines count (other classes run at once).
   */
  @Test
  void aTakenAddressIsToldWithoutJavalinsErrorLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        LogCapture log = new LogCapture()) {
      RuntimeException metadata = startFailure(new TaskMetadataServer(null, null), "127.0.0.1", taken.getLocalPort());
      TaskApiListener api = new TaskApiListener(ctx -> {}, null);
      RuntimeException apiFailure;
      try {
        api.start("127.0.0.1", taken.getLocalPort());
        throw new AssertionError("started on a taken port");
      } catch (RuntimeException e) {
        apiFailure = e;
      } finally {
        api.close();
      }

      assertThat(BindFailure.of(metadata)).isEqualTo(BindFailure.IN_USE);
      assertThat(BindFailure.of(apiFailure)).isEqualTo(BindFailure.IN_USE);
      assertThat(log.text()).doesNotContain("[" + Thread.currentThread().getName() + "] ERROR");
    }
  }

  @Test
  void permissionIsReadFromTheInnermostBindException() {
    RuntimeException wrapped = new RuntimeException("Port already in use. Make sure no other process is using it",
        new java.io.IOException("Failed to bind to /169.254.170.2:80", new BindException("Permission denied")));

    assertThat(BindFailure.of(wrapped)).isEqualTo(BindFailure.PERMISSION);
  }

  private static RuntimeException startFailure(TaskMetadataServer server, String host, int port) {
    try {
      server.start(host, port);
      throw new AssertionError("started on " + host + ":" + port);
    } catch (RuntimeException e) {
      return e;
    } finally {
      server.close();
    }
  }
}
