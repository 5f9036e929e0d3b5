package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.scheduler.docker.DockerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * An engine that is shutting down refuses new connections while still answering on the ones already
 * open, for as long as it takes to stop its containers; launching on it fails in odd ways ("failed to
 * update store for object type *libnetwork.endpoint"). The probe must call that engine gone, although
 * the client's pooled connection still gets answers. Regression: the probe asked over the pool, so the
 * task engine took those launch failures for the tasks' own, and a service's circuit breaker tripped on
 * an engine restart.
 */
class EngineShutdownProbeIT {

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
  }

  @Test
  void anEngineThatRefusesNewConnectionsIsDownEvenWhileOpenOnesStillAnswer() throws Exception {
    String host = DockerEngine.resolveHost(null);
    Assumptions.assumeTrue(host.startsWith("unix://") && Files.exists(Path.of(host.substring(7))),
        "needs the engine's Unix socket to put a proxy in front of it");
    proxy = new EngineProxy(Path.of(host.substring(7)));
    proxied = new DockerEngine(proxy.dockerHost());
    assertThat(proxied.probe().reachable()).isTrue();

    proxy.refuseNew();

    assertThat(proxied.client().versionCmd().exec().getApiVersion()).as("the pooled connection still answers")
        .isNotBlank();
    assertThat(proxied.probe().reachable()).isFalse();
    proxy.up();
    assertThat(proxied.probe().reachable()).isTrue();
  }
}
