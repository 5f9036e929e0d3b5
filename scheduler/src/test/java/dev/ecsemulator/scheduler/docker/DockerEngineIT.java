package dev.ecsemulator.scheduler.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Against the real engine that bin/test makes sure of (DockerEngineTest: one that is not there). */
class DockerEngineIT {

  @Test
  void probesTheRealEngine() {
    try (DockerEngine engine = new DockerEngine(DockerEngine.resolveHost(null))) {
      EngineStatus status = engine.probe();

      assertThat(status.reachable()).as("engine at %s: %s", status.host(), status.error()).isTrue();
      assertThat(status.version()).isNotBlank();
      assertThat(status.apiVersion()).matches("\\d+\\.\\d+");
    }
  }
}
