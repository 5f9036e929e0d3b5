package dev.ecsemulator.api.metadata;

import dev.ecsemulator.scheduler.metadata.EndpointNetwork;
import dev.ecsemulator.scheduler.metadata.TaskMetadataService;
import dev.ecsemulator.scheduler.runtime.EndpointIds;
import dev.ecsemulator.scheduler.runtime.TaskEndpoint;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the task endpoint at 169.254.170.2, and tells the task engine whether it does ({@link #current}):
 * the endpoint network must exist (it puts the address on this machine) and the metadata server must listen
 * there. Port 80 when the emulator may bind it, as the agent's address is {@code http://169.254.170.2}; else
 * 51679, the agent's own port, with the credentials given as a full URI. With
 * {@code --inject-aws-endpoint-url} the API is also served on the address, at the API's port.
 *
 * <p>Checked again at most every {@link #RECHECK}, so a network removed behind the emulator's back stops
 * being offered to new containers soon (a request to the address without it would leave the machine).
 * Nothing is retried in a loop: each launch asks, and a later one finds the endpoint once Docker answers or
 * the port is free. Thread-safe.
 */
public final class TaskEndpoints implements TaskEndpoint.Source, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TaskEndpoints.class);

  static final Duration RECHECK = Duration.ofSeconds(10);
  /** The agent's task metadata port, which it DNATs 169.254.170.2:80 to. */
  static final int AGENT_PORT = 51679;

  /**
   * @param injectAwsEndpointUrl also serve the API on the address and inject {@code AWS_ENDPOINT_URL}
   * @param apiPort the API's port, reused on the address
   */
  public record Options(boolean injectAwsEndpointUrl, int apiPort) {}

  private final EndpointNetwork network;
  private final TaskMetadataService service;
  private final EndpointIds ids;
  private final TaskCallers callers;
  private final Handler api;
  private final Options options;
  private final Clock clock;
  private EndpointNetwork.Found held;
  private TaskMetadataServer server;
  private int port;
  private TaskApiListener apiListener;
  private String apiUrl;
  private TaskEndpoint cached;
  private Instant checkedAt;
  private String problem;
  private boolean closed;

  public TaskEndpoints(EndpointNetwork network, TaskMetadataService service, EndpointIds ids, TaskCallers callers,
      Handler api, Options options, Clock clock) {
    this.network = network;
    this.service = service;
    this.ids = ids;
    this.callers = callers;
    this.api = api;
    this.options = options;
    this.clock = clock;
  }

  /** The endpoint new containers should be told about, or null when it is not served now. */
  @Override
  public synchronized TaskEndpoint current() {
    Instant now = clock.instant();
    if (closed || (checkedAt != null && now.isBefore(checkedAt.plus(RECHECK)))) {
      return closed ? null : cached;
    }
    checkedAt = now;
    cached = null;
    try {
      if (held == null || !network.exists(held.id())) {
        EndpointNetwork.Outcome outcome = network.ensure();
        held = outcome.network();
        if (held == null) {
          return unavailable(outcome.problem());
        }
      }
    } catch (RuntimeException engineDown) {
      held = null;
      return unavailable("the Docker engine does not answer (" + engineDown.getMessage() + ")");
    }
    if (server == null && !listen()) {
      return null;
    }
    if (options.injectAwsEndpointUrl() && apiListener == null) {
      listenForApi();
    }
    if (problem != null) {
      log.info("Task endpoint: serving tasks at {} again", baseUrl());
      problem = null;
    }
    cached = new TaskEndpoint(baseUrl(), ids, apiUrl);
    return cached;
  }

  /**
   * After a reset removed every container of this emulator: removes the endpoint network if it is this
   * instance's and this emulator serves on it (no one else's tasks can be using the address then); the next
   * launch makes it again.
   */
  public synchronized void reset() {
    if (held != null && server != null && held.holder() == EndpointNetwork.Holder.OURS) {
      try {
        network.removeIfOurs(held);
      } catch (RuntimeException e) {
        log.warn("Task endpoint: could not remove network {}: {}", held.name(), e.getMessage());
      }
    }
    held = null;
    cached = null;
    checkedAt = null;
  }

  /** For the health answer: whether tasks are told about the endpoint, where, and if not, why. */
  public synchronized Map<String, Object> describe() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("serving", cached != null);
    if (cached != null) {
      state.put("url", cached.baseUrl());
      state.put("network", held.name());
      if (apiUrl != null) {
        state.put("awsEndpointUrl", apiUrl);
      }
    } else if (problem != null) {
      state.put("problem", problem);
    }
    return state;
  }

  private boolean listen() {
    for (int candidate : new int[] {80, AGENT_PORT}) {
      TaskMetadataServer attempt = new TaskMetadataServer(service, callers);
      try {
        port = attempt.start(TaskEndpoint.ADDRESS, candidate);
        server = attempt;
        if (candidate != 80) {
          log.info("Task endpoint: no permission to listen on port 80; serving tasks at {} (credentials as "
              + "AWS_CONTAINER_CREDENTIALS_FULL_URI)", baseUrl());
        }
        return true;
      } catch (RuntimeException e) {
        attempt.close();
        BindFailure why = BindFailure.of(e);
        if (why == BindFailure.PERMISSION && candidate == 80) {
          continue;
        }
        unavailable(switch (why) {
          case IN_USE -> "another process (another emulator?) listens on " + TaskEndpoint.ADDRESS + ":" + candidate
              + " (" + BindFailure.root(e) + ")";
          case NOT_LOCAL -> TaskEndpoint.ADDRESS + " is not on this machine: the Docker engine runs elsewhere";
          default -> "cannot listen on " + TaskEndpoint.ADDRESS + ":" + candidate + ": " + BindFailure.root(e);
        });
        return false;
      }
    }
    return false;
  }

  private void listenForApi() {
    TaskApiListener attempt = new TaskApiListener(api, callers);
    try {
      int bound = attempt.start(TaskEndpoint.ADDRESS, options.apiPort());
      apiListener = attempt;
      apiUrl = "http://" + TaskEndpoint.ADDRESS + ":" + bound;
    } catch (RuntimeException e) {
      attempt.close();
      log.warn("Task endpoint: cannot serve the API to tasks at {}:{} ({}); AWS_ENDPOINT_URL is not injected",
          TaskEndpoint.ADDRESS, options.apiPort(), e.getMessage());
    }
  }

  private String baseUrl() {
    return "http://" + TaskEndpoint.ADDRESS + (port == 80 ? "" : ":" + port);
  }

  private TaskEndpoint unavailable(String why) {
    if (!Objects.equals(why, problem)) {
      log.warn("Task endpoint: not offered to tasks: {}", why);
      problem = why;
    }
    return null;
  }

  /**
   * Stops the servers. The network stays while tasks are left running (it keeps the address local for them);
   * with none, it goes as on a {@link #reset}. Idempotent.
   *
   * @param tasksLeftRunning whether any container of this emulator still runs (true when unknown)
   */
  public synchronized void close(boolean tasksLeftRunning) {
    if (!closed && !tasksLeftRunning) {
      reset();
    }
    close();
  }

  /** Stops the servers; the network stays. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    if (apiListener != null) {
      apiListener.close();
    }
    if (server != null) {
      server.close();
    }
    service.close();
  }
}
