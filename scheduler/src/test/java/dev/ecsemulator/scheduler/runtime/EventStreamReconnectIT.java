package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.runtime.ContainerEvent.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event stream survives the engine going away: a subscription made through a proxy that a test takes
 * down and brings back (what a client sees of an engine restart) reconnects by itself, replays the death
 * that happened while it was cut off, and asks for a resync.
 */
class EventStreamReconnectIT {

  final DockerHarness harness = new DockerHarness();
  EngineProxy proxy;
  DockerEngine proxied;

  @AfterEach
  void close() {
    if (proxied != null) {
      proxied.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    harness.close();
  }

  @Test
  void reconnectsAfterTheEngineWentAwayAndReplaysWhatItMissed() throws Exception {
    String host = DockerEngine.resolveHost(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(host.startsWith("unix://") && Files.exists(Path.of(host.substring(7))),
        "needs the engine's Unix socket to put a proxy in front of it");
    proxy = new EngineProxy(Path.of(host.substring(7)));
    proxied = new DockerEngine(proxy.dockerHost());
    DockerContainerRuntime watcher = new DockerContainerRuntime(proxied, harness.instance, harness.pauseRepository);
    List<ContainerEvent> events = new CopyOnWriteArrayList<>();
    AutoCloseable subscription = watcher.subscribe(events::add);

    ContainerDefinition web = Fixtures.container("web").build();
    String id = harness.runtime.createContainer(
        harness.factory.container(Fixtures.task("bridge", web), web, null, harness.context("EC2")));
    harness.runtime.startContainer(id);
    await().atMost(DockerHarness.LONG).until(() -> kinds(events, id).contains(Kind.START));

    proxy.down();
    harness.docker.killContainerCmd(id).exec(); // dies while the subscriber cannot hear
    await().atMost(DockerHarness.LONG).until(() -> proxy.refusedConnections() >= 2);
    assertThat(kinds(events, id)).doesNotContain(Kind.DIE);
    proxy.up();

    await().atMost(DockerHarness.LONG).until(() -> kinds(events, id).contains(Kind.DIE));
    assertThat(events).anyMatch(e -> e.kind() == Kind.STREAM_RESUMED);
    assertThat(kinds(events, id)).as("no duplicates from the replay").containsExactly(Kind.START, Kind.DIE);
    subscription.close();
    watcher.close();
  }

  static List<Kind> kinds(List<ContainerEvent> events, String id) {
    return events.stream().filter(e -> id.equals(e.containerId())).map(ContainerEvent::kind).toList();
  }
}
