package dev.ecsemulator.api.ui;

import dev.ecsemulator.api.edge.Refusal;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.model.NetworkBinding;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.task.TaskStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dashboard's teaching actions on the sample app ({@code samples/images}): make a task unhealthy or healthy
 * again, or burn CPU, by calling the app's {@code /control/...} routes on the task's published port, as a user with
 * curl would. Nothing of ECS changes here directly: ECS notices through the health check and Docker stats.
 *
 * <p>Only the three fixed paths, and only on a port the named task publishes: this is not a way to send requests
 * elsewhere. Thread-safe.
 */
final class SampleAppControl {

  /** The sample app's port ({@code samples/images}): preferred when a task publishes several. */
  static final int SAMPLE_APP_PORT = 8080;

  /** How long a burn lasts and how many CPUs it keeps busy. */
  static final int BURN_SECONDS = 30;

  private static final Pattern TASK_ID = Pattern.compile("[0-9a-f]{32}");
  private static final int MAX_BODY = 2048;

  /** What can be done. */
  enum Action {
    UNHEALTHY("/control/unhealthy"),
    HEALTHY("/control/healthy"),
    BURN("/control/burn?seconds=" + BURN_SECONDS + "&workers=1");

    final String path;

    Action(String path) {
      this.path = path;
    }

    static Optional<Action> parse(String name) {
      for (Action action : values()) {
        if (action.name().toLowerCase(Locale.ROOT).equals(name)) {
          return Optional.of(action);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The body of {@code POST /_emulator/ui/api/sample-app}.
   *
   * @param accountId the task's account
   * @param region the task's region
   * @param cluster the cluster's name or ARN
   * @param task the task's ID or ARN
   * @param action {@code unhealthy}, {@code healthy} or {@code burn}
   */
  record Request(String accountId, String region, String cluster, String task, String action) {}

  /** What the app answered. */
  record Outcome(String url, int status, String body) {}

  /** The action was not done: the answer to give instead. */
  static final class Refused extends RuntimeException {
    final transient Refusal refusal;

    Refused(int status, String code, String message) {
      super(message, null, false, false);
      this.refusal = new Refusal(status, code, message);
    }
  }

  private final StateStore store;
  private final String dockerHost;

  /** @param dockerHost the engine the tasks run on ({@code unix://...} or {@code tcp://HOST:PORT}) */
  SampleAppControl(StateStore store, String dockerHost) {
    this.store = store;
    this.dockerHost = dockerHost;
  }

  /**
   * Does the action on the task's sample app.
   *
   * @throws Refused 400 for a malformed request or a task without a published port, 404 for an unknown task, 502
   *     when the app did not answer
   */
  Outcome perform(Request request) {
    if (request == null || request.accountId() == null || request.region() == null || request.task() == null) {
      throw new Refused(400, "ValidationException", "accountId, region, task and action are required.");
    }
    Action action = Action.parse(request.action()).orElseThrow(() -> new Refused(400, "ValidationException",
        "action must be one of unhealthy, healthy, burn; got '" + request.action() + "'."));
    String taskId = request.task().substring(request.task().lastIndexOf('/') + 1);
    if (!TASK_ID.matcher(taskId).matches()) {
      throw new Refused(400, "ValidationException", "task must be a task ID or ARN; got '" + request.task() + "'.");
    }
    Scope scope = new Scope(request.accountId(), request.region());
    String key = EcsKinds.taskKey(Clusters.nameOf(request.cluster()), taskId);
    Task task = store.read(scope, view -> view.get(EcsKinds.TASK, key)).orElseThrow(() -> new Refused(404,
        "ResourceNotFoundException", "No task " + taskId + " in cluster " + Clusters.nameOf(request.cluster()) + "."));
    URI url = target(task, dockerHost, action).orElseThrow(() -> new Refused(400, "InvalidParameterException",
        "Task " + taskId + " publishes no TCP port to call the sample app on."));
    return call(url);
  }

  /**
   * The URL of {@code action} on the task's app: its published TCP port (the sample app's 8080 if published, else
   * the lowest), on the address it is bound to (loopback for a wildcard) or the remote engine's host.
   */
  static Optional<URI> target(Task task, String dockerHost, Action action) {
    if (!TaskStatus.RUNNING.is(task.lastStatus()) || task.containers() == null) {
      return Optional.empty();
    }
    return task.containers().stream()
        .filter(c -> c.networkBindings() != null)
        .flatMap(c -> c.networkBindings().stream())
        .filter(b -> b.hostPort() != null && b.hostPort() > 0 && !"udp".equalsIgnoreCase(b.protocol()))
        .min(Comparator.comparing((NetworkBinding b) -> !Integer.valueOf(SAMPLE_APP_PORT).equals(b.containerPort()))
            .thenComparing(b -> b.containerPort() == null ? Integer.MAX_VALUE : b.containerPort()))
        .map(b -> URI.create("http://" + host(b.bindIP(), dockerHost) + ":" + b.hostPort() + action.path));
  }

  private static String host(String bindIp, String dockerHost) {
    if (dockerHost != null && dockerHost.startsWith("tcp://")) {
      String host = URI.create(dockerHost).getHost();
      if (host != null) {
        return host;
      }
    }
    if (bindIp == null || bindIp.isEmpty() || bindIp.equals("0.0.0.0") || bindIp.equals("::")) {
      return "127.0.0.1";
    }
    return bindIp.contains(":") ? "[" + bindIp + "]" : bindIp;
  }

  private static Outcome call(URI url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
      connection.setConnectTimeout(2000);
      connection.setReadTimeout(5000);
      connection.setInstanceFollowRedirects(false);
      try {
        int status = connection.getResponseCode();
        InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = body == null ? "" : new String(body.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        return new Outcome(url.toString(), status, text);
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      throw new Refused(502, "BadGatewayException", "The app at " + url + " did not answer: " + e);
    }
  }
}
