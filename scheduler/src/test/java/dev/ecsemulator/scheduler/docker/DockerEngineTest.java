package dev.ecsemulator.scheduler.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Against an engine that is not there (DockerEngineIT probes the real one). */
class DockerEngineTest {

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

  @Test
  void onlySocketsAndPipesGoWithoutTls() {
    assertThat(NoTlsContext.suffices("unix:///var/run/docker.sock")).isTrue();
    assertThat(NoTlsContext.suffices("npipe:////./pipe/docker_engine")).isTrue();
    assertThat(NoTlsContext.suffices("tcp://127.0.0.1:2376")).isFalse();
  }

  @Test
  void theSocketsContextRefusesAnyUse() {
    assertThatThrownBy(NoTlsContext.INSTANCE::getSocketFactory).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(NoTlsContext.INSTANCE::createSSLEngine).isInstanceOf(UnsupportedOperationException.class);
  }
}
