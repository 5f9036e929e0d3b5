package dev.ecsemulator.scheduler.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The connection to one Docker engine. Creating it never fails for an unreachable engine: the emulator
 * must start and serve its API without Docker, and report the engine's absence in health and in the way
 * ECS reports a disconnected agent.
 *
 * <p>docker-java does not negotiate the API version; requests go unversioned, which every engine since
 * API 1.24 accepts. Clients are built on first use: that is about a second of class loading which
 * start-up need not wait for. Thread-safe.
 */
public final class DockerEngine implements AutoCloseable {

  /** The local engine when neither {@code --docker-host} nor {@code DOCKER_HOST} says otherwise. */
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  private final String host;
  private DockerClient client;
  private DockerClient streamingClient;
  private DockerHttpClient raw;
  private DockerHttpClient pinger;
  /** The last status the engine answered with, reused while its pings show the same API version. */
  private volatile EngineStatus lastUp;

  /** {@code GET /_ping} on a connection closed after the answer: the next ping connects anew. */
  private static final DockerHttpClient.Request PING = DockerHttpClient.Request.builder()
      .method(DockerHttpClient.Request.Method.GET).path("/_ping").putHeader("Connection", "close").build();

  public DockerEngine(String host) {
    this.host = Objects.requireNonNull(host, "host");
  }

  /** {@code --docker-host}, else {@code DOCKER_HOST}, else the local socket. */
  public static String resolveHost(String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String env = System.getenv("DOCKER_HOST");
    return env != null && !env.isBlank() ? env : DEFAULT_HOST;
  }

  public String host() {
    return host;
  }

  /** The docker-java client for ordinary calls. */
  public synchronized DockerClient client() {
    if (client == null) {
      client = connect(Duration.ofMinutes(5), 64);
    }
    return client;
  }

  /**
   * A second client for long-lived streams (the event stream): no response timeout, so a quiet stream is
   * not cut every few minutes, and its own connections, so streams never starve ordinary calls.
   */
  public synchronized DockerClient streamingClient() {
    if (streamingClient == null) {
      streamingClient = connect(null, 16);
    }
    return streamingClient;
  }

  /**
   * {@code GET path} on the engine's API, answered as the bytes the engine sent: for answers that
   * docker-java's typed models would trim (the task metadata endpoint passes Docker's stats through whole).
   *
   * @throws IOException when the engine does not answer, or answers with another status than 200 (the message
   *     then holds the engine's own)
   */
  public byte[] get(String path) throws IOException {
    DockerHttpClient http;
    synchronized (this) {
      if (raw == null) {
        raw = http(Duration.ofSeconds(30), 16);
      }
      http = raw;
    }
    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET).path(path).build();
    try (DockerHttpClient.Response response = http.execute(request)) {
      byte[] body = response.getBody().readAllBytes();
      if (response.getStatusCode() != 200) {
        throw new IOException("the engine answered GET " + path + " with HTTP " + response.getStatusCode() + ": "
            + new String(body, java.nio.charset.StandardCharsets.UTF_8).trim());
      }
      return body;
    } catch (RuntimeException e) {
      throw new IOException("the engine did not answer GET " + path + ": " + describe(e), e);
    }
  }

  /**
   * A raw HTTP client of its own for long reads (following containers' logs): no response timeout, its own
   * connections, up to {@code maxConnections}. The caller closes it.
   */
  public DockerHttpClient newStreamClient(int maxConnections) {
    return http(null, maxConnections);
  }

  /**
   * A raw HTTP client of its own for calls of its own kind, with its own pool of up to {@code maxConnections}
   * connections, each call answered within {@code responseTimeout}. The caller closes it.
   */
  public DockerHttpClient newClient(Duration responseTimeout, int maxConnections) {
    return http(Objects.requireNonNull(responseTimeout, "responseTimeout"), maxConnections);
  }

  private DockerClient connect(Duration responseTimeout, int maxConnections) {
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost(host)
        .withDockerTlsVerify(false)
        .build();
    return DockerClientImpl.getInstance(config, http(responseTimeout, maxConnections));
  }

  private DockerHttpClient http(Duration responseTimeout, int maxConnections) {
    ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
        .dockerHost(URI.create(host))
        .maxConnections(maxConnections)
        .connectionTimeout(Duration.ofSeconds(3));
    if (NoTlsContext.suffices(host)) {
      http.sslConfig(() -> NoTlsContext.INSTANCE);
    }
    if (responseTimeout != null) {
      http.responseTimeout(responseTimeout);
    }
    return http.build();
  }

  /**
   * Pings the engine now, on a connection of its own: an engine that is shutting down closes its listener
   * at once but goes on answering on connections already open (the client's pool) while it stops its
   * containers, and launching on it then fails in odd ways. Such an engine counts as gone. Never throws.
   *
   * <p>Called every 2 s, so it costs little: the ping's client is built once and each ping asks for its
   * connection to be closed after the answer (so the next one connects anew), and the engine's version is
   * asked only when the ping's {@code Api-Version} header differs from the last one known (first probe, a
   * restarted or another engine). Building a client and reading the version at every ping was the
   * emulator's largest idle cost with no task (docs/benchmarks.md, "Scale").
   */
  public EngineStatus probe() {
    DockerHttpClient pinger;
    synchronized (this) {
      if (this.pinger == null) {
        this.pinger = http(Duration.ofSeconds(5), 2);
      }
      pinger = this.pinger;
    }
    String apiVersion;
    try (DockerHttpClient.Response ping = pinger.execute(PING)) {
      if (ping.getStatusCode() != 200) {
        lastUp = null;
        return EngineStatus.down(host, "the engine answered its ping with HTTP " + ping.getStatusCode());
      }
      apiVersion = header(ping, "Api-Version");
      ping.getBody().readAllBytes();
    } catch (IOException | RuntimeException e) {
      lastUp = null;
      return EngineStatus.down(host, describe(e));
    }
    EngineStatus known = lastUp;
    if (known != null && apiVersion != null && apiVersion.equals(known.apiVersion())) {
      return known;
    }
    try {
      Version version = client().versionCmd().exec();
      EngineStatus up = EngineStatus.up(host, version.getVersion(), version.getApiVersion());
      lastUp = up;
      return up;
    } catch (RuntimeException e) {
      lastUp = null;
      return EngineStatus.down(host, describe(e));
    }
  }

  /** A response header by name, whatever the case the engine wrote it in; null when absent. */
  private static String header(DockerHttpClient.Response response, String name) {
    for (var entry : response.getHeaders().entrySet()) {
      if (name.equalsIgnoreCase(entry.getKey()) && !entry.getValue().isEmpty()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @Override
  public void close() {
    List<java.io.Closeable> open = new ArrayList<>();
    synchronized (this) {
      if (raw != null) {
        open.add(raw);
      }
      if (client != null) {
        open.add(client);
      }
      if (streamingClient != null) {
        open.add(streamingClient);
      }
      if (pinger != null) {
        open.add(pinger);
      }
    }
    for (java.io.Closeable each : open) {
      try {
        each.close();
      } catch (IOException e) {
        // Closing a connection pool: nothing left to do if it fails.
      }
    }
  }
}
