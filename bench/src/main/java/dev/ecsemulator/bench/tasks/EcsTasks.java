package dev.ecsemulator.bench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsemulator.bench.client.Poll;
import dev.ecsemulator.bench.client.RawEcsClient;
import dev.ecsemulator.core.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Task and service calls the task benchmarks share, over {@link RawEcsClient}: run, describe, list, stop, wait for
 * a status, and read the timestamps ECS sets on a task. Every failure is an exception naming the call. Thread-safe.
 */
public final class EcsTasks {

  private final RawEcsClient client;

  public EcsTasks(RawEcsClient client) {
    this.client = client;
  }

  public RawEcsClient client() {
    return client;
  }

  public void createCluster(String name) {
    client.ok("CreateCluster", Map.of("clusterName", name));
  }

  /** Registers a task definition; returns its ARN. */
  public String register(Map<String, Object> taskDefinition) {
    return client.ok("RegisterTaskDefinition", taskDefinition).path("taskDefinition").path("taskDefinitionArn")
        .asText();
  }

  /**
   * Sends RunTask; returns the tasks' ARNs.
   *
   * @throws IllegalStateException when the answer has {@code failures} (e.g. RESOURCE:MEMORY)
   */
  public List<String> run(Map<String, Object> request) {
    JsonNode answer = client.ok("RunTask", request);
    if (answer.path("failures").size() > 0) {
      throw new IllegalStateException("RunTask failed: " + answer.path("failures"));
    }
    List<String> arns = new ArrayList<>();
    answer.path("tasks").forEach(t -> arns.add(t.path("taskArn").asText()));
    return arns;
  }

  /** DescribeTasks of up to 100 tasks, in the order the server answers. */
  public List<JsonNode> describe(String cluster, List<String> arns) {
    List<JsonNode> tasks = new ArrayList<>();
    for (int from = 0; from < arns.size(); from += 100) {
      client.ok("DescribeTasks", Map.of("cluster", cluster, "tasks", arns.subList(from, Math.min(arns.size(), from + 100))))
          .path("tasks").forEach(tasks::add);
    }
    return tasks;
  }

  public JsonNode describe(String cluster, String arn) {
    List<JsonNode> tasks = describe(cluster, List.of(arn));
    if (tasks.isEmpty()) {
      throw new IllegalStateException("DescribeTasks does not know " + arn);
    }
    return tasks.get(0);
  }

  /** Every task ARN ListTasks gives for {@code filters} (cluster, serviceName, desiredStatus...), all pages. */
  public List<String> list(Map<String, Object> filters) {
    List<String> arns = new ArrayList<>();
    String next = null;
    do {
      Map<String, Object> request = new LinkedHashMap<>(filters);
      if (next != null) {
        request.put("nextToken", next);
      }
      JsonNode page = client.ok("ListTasks", request);
      page.path("taskArns").forEach(a -> arns.add(a.asText()));
      next = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
    } while (next != null);
    return arns;
  }

  public void stop(String cluster, String arn) {
    client.ok("StopTask", Map.of("cluster", cluster, "task", arn, "reason", "bench"));
  }

  /**
   * Polls DescribeTasks until the task's lastStatus is {@code status}; returns that description.
   *
   * @throws IllegalStateException when it stops instead (for a wanted RUNNING), or after {@code timeout}
   */
  public JsonNode await(String cluster, String arn, String status, Duration interval, Duration timeout) {
    return Poll.until(arn + " " + status, timeout, interval, () -> {
      JsonNode task = describe(cluster, arn);
      String last = task.path("lastStatus").asText();
      if (last.equals(status)) {
        return task;
      }
      if (!TaskStatus.STOPPED.is(status) && TaskStatus.STOPPED.is(last)) {
        throw new IllegalStateException("task " + arn + " stopped instead of reaching " + status + ": "
            + task.path("stoppedReason").asText() + " " + task.path("containers").path(0).path("reason").asText());
      }
      return null;
    });
  }

  /** CreateService; returns the service's ARN. */
  public String createService(Map<String, Object> request) {
    return client.ok("CreateService", request).path("service").path("serviceArn").asText();
  }

  /** UpdateService with the given members (cluster and service included). */
  public void updateService(Map<String, Object> request) {
    client.ok("UpdateService", request);
  }

  /** DescribeServices of one service. */
  public JsonNode describeService(String cluster, String service) {
    JsonNode services = client.ok("DescribeServices", Map.of("cluster", cluster, "services", List.of(service)))
        .path("services");
    if (services.size() != 1) {
      throw new IllegalStateException("DescribeServices does not know " + service);
    }
    return services.get(0);
  }

  /**
   * The condition of {@code aws ecs wait services-stable} (botocore's ServicesStable waiter: exactly one
   * deployment and runningCount == desiredCount), for a service whose one deployment runs {@code taskDefinition}.
   */
  public static boolean stable(JsonNode service, String taskDefinitionArn) {
    JsonNode deployments = service.path("deployments");
    return deployments.size() == 1
        && deployments.get(0).path("taskDefinition").asText().equals(taskDefinitionArn)
        && service.path("runningCount").asInt() == service.path("desiredCount").asInt();
  }

  /**
   * Deletes a service (forced) and waits until every task of {@code family} in the cluster is STOPPED, so that
   * nothing of it still runs when the next measurement starts.
   */
  public void deleteService(String cluster, String service, String family, Duration timeout) {
    client.ok("DeleteService", Map.of("cluster", cluster, "service", service, "force", true));
    awaitAllStopped(cluster, family, timeout);
  }

  /** Waits until no task of {@code family} in the cluster is wanted RUNNING or short of STOPPED. */
  public void awaitAllStopped(String cluster, String family, Duration timeout) {
    Poll.until("every " + family + " task STOPPED", timeout, Duration.ofMillis(100), () -> {
      if (!list(Map.of("cluster", cluster, "family", family)).isEmpty()) {
        return false;
      }
      List<String> stopped =
          list(Map.of("cluster", cluster, "family", family, "desiredStatus", TaskStatus.STOPPED.name()));
      return describe(cluster, stopped).stream().allMatch(t -> TaskStatus.STOPPED.is(t.path("lastStatus").asText()));
    });
  }

  /** A timestamp ECS set on the task ({@code createdAt}, {@code startedAt}, ...), or null when it is not set. */
  public static Instant time(JsonNode task, String field) {
    JsonNode value = task.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
  }

  /** Milliseconds between two timestamps of a task. */
  public static double millis(JsonNode task, String from, String to) {
    return Duration.between(time(task, from), time(task, to)).toNanos() / 1e6;
  }
}
