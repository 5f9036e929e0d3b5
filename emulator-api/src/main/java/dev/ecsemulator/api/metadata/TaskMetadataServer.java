package dev.ecsemulator.api.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.scheduler.metadata.MetadataResponses.Version;
import dev.ecsemulator.scheduler.metadata.TaskMetadataService;
import dev.ecsemulator.scheduler.metadata.TaskMetadataService.Answer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * The task endpoint's HTTP server: the ECS agent's task metadata paths (v3 and v4) and its credentials paths,
 * nothing else; a separate server from the ECS API, listening on 169.254.170.2 only. Like the agent's router
 * (gorilla/mux without method restrictions) it answers any method, and an unknown path gets Go's
 * {@code 404 page not found}. The caller is identified by the ID in its path alone, as by the agent; callers
 * from outside this machine and its containers are refused ({@link TaskCallers}).
 *
 * <pre>
 *   /v4/{id}  /v4/{id}/task  /v4/{id}/taskWithTags  /v4/{id}/stats  /v4/{id}/task/stats   (and the same under /v3)
 *   /v2/credentials/{id}  /v1/credentials?id={id}
 * </pre>
 */
public final class TaskMetadataServer implements AutoCloseable {

  private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST,
      HandlerType.PUT, HandlerType.DELETE, HandlerType.PATCH, HandlerType.OPTIONS);

  private final TaskMetadataService service;
  private final TaskCallers callers;
  private final ObjectMapper json = new ObjectMapper();
  private final Javalin app;

  public TaskMetadataServer(TaskMetadataService service, TaskCallers callers) {
    this.service = service;
    this.callers = callers;
    this.app = SmallServer.create("ecs-task-endpoint", config -> {
      for (HandlerType method : METHODS) {
        config.routes.addHttpHandler(method, "/", this::dispatch);
        config.routes.addHttpHandler(method, "/<path>", this::dispatch);
      }
    });
  }

  /**
   * Starts listening on {@code host:port}; returns the port bound.
   *
   * @throws RuntimeException when the address cannot be bound; see {@link BindFailure#of}
   */
  public int start(String host, int port) {
    return SmallServer.start(app, host, port);
  }

  @Override
  public void close() {
    app.stop();
  }

  private void dispatch(Context ctx) throws Exception {
    if (!callers.allowed(ctx.ip())) {
      ctx.status(403).contentType("text/plain; charset=utf-8").result("403 forbidden\n");
      return;
    }
    Answer answer = route(ctx.path(), ctx.queryParam("id"));
    if (answer == null) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("404 page not found\n"); // Go's NotFound
      return;
    }
    ctx.status(answer.status()).contentType("application/json").result(json.writeValueAsBytes(answer.body()));
  }

  /** The answer for a path, or null when no route matches. */
  Answer route(String path, String queryId) {
    if (path.startsWith("/v2/credentials/")) {
      return service.credentials(2, path.substring("/v2/credentials/".length()));
    }
    if (path.equals("/v1/credentials")) {
      return service.credentials(1, queryId);
    }
    String[] parts = path.split("/", -1); // "", "v4", id, ...
    if (parts.length < 3 || !(parts[1].equals("v3") || parts[1].equals("v4"))) {
      return null;
    }
    Version version = parts[1].equals("v4") ? Version.V4 : Version.V3;
    String id = parts[2];
    String rest = String.join("/", java.util.Arrays.copyOfRange(parts, 3, parts.length));
    return switch (rest) {
      case "" -> parts.length == 3 ? service.container(version, id) : null;
      case "task" -> service.task(version, id, false);
      case "taskWithTags" -> service.task(version, id, true);
      case "stats" -> service.containerStats(version, id);
      case "task/stats" -> service.taskStats(version, id);
      default -> null;
    };
  }
}
