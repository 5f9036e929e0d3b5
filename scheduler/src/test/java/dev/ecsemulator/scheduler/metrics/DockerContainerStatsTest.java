package dev.ecsemulator.scheduler.metrics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.scheduler.docker.DockerEngine;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Against an engine that is not there: the client is made by the first read, and a closed reader refuses reads. */
class DockerContainerStatsTest {

  @Test
  void aReadOfAnAbsentEngineFailsAsIo() throws IOException {
    try (DockerEngine engine = new DockerEngine("unix:///nonexistent/docker.sock");
        DockerContainerStats stats = new DockerContainerStats(engine)) {
      assertThatThrownBy(() -> stats.read("abc")).isInstanceOf(IOException.class);
    }
  }

  @Test
  void aClosedReaderRefusesReads() throws IOException {
    try (DockerEngine engine = new DockerEngine("unix:///nonexistent/docker.sock")) {
      DockerContainerStats stats = new DockerContainerStats(engine);
      stats.close();
      assertThatThrownBy(() -> stats.read("abc")).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }
  }
}
