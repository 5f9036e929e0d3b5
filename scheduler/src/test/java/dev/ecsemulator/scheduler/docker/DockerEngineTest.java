package dev.ecsemulator.scheduler.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Against the real engine that bin/test makes sure of, and against one that is not there. */
class DockerEngineTest {

  @Test
  void probesTheRealEngine() {
    try (DockerEngine engine = new DockerEngine(DockerEngine.resolveHost(null))) {
      EngineStatus status = engine.probe();

      assertThat(status.reachable()).as("engine at %s: %s", status.host(), status.error()).isTrue();
      assertThat(status.version()).isNotBlank();
      assertThat(status.apiVersion()).matches("\\d+\\.\\d+");
    }
  }

  @Test
  void anAbsentEngineIsReportedNotThrown() {
    try (DockerEngine engine = new DockerEngine("unix:///nonexistent/docker.sock")) {
      EngineStatus status = engine.probe();

      assertThat(status.reachable()).isFalse();
      assertThat(status.error()).isNotBlank();
      assertThat(status.host()).isEqualTo("unix:///nonexistent/docker.sock");
    }
  }

  @Test
  void theConfiguredHostWinsOverTheEnvironment() {
    assertThat(DockerEngine.resolveHost("tcp://127.0.0.1:2375")).isEqualTo("tcp://127.0.0.1:2375");
  }
}
