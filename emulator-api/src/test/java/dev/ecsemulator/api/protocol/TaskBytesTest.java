package dev.ecsemulator.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.core.json.EcsJson;
import dev.ecsemulator.core.model.Attachment;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.DescribeTasksResponse;
import dev.ecsemulator.core.model.Failure;
import dev.ecsemulator.core.model.KeyValuePair;
import dev.ecsemulator.core.model.NetworkBinding;
import dev.ecsemulator.core.model.RunTaskResponse;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.Task;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The task bytes cache against the uncached path: the answers must be the same bytes, whatever was cached before. */
class TaskBytesTest {

  private static final String TASK = "arn:aws:ecs:us-east-1:000000000000:task/web/0123456789abcdef0123456789abcdef";
  /** Every escaping case of Jackson's byte writer: quotes, backslash, controls, non-ASCII, outside the BMP. */
  private static final String ODD = "\"quoted\"\\back\u0001\t\n/é€😀";

  /** The uncached path: the answers' mapper as it was without the task cache. */
  private final ObjectMapper uncached = ArnBytes.writingArnsFromCache(EcsJson.mapper());
  private final TaskBytes.Cache cache = new TaskBytes.Cache(uncached);
  private final ObjectMapper cached = TaskBytes.writingTasksFrom(uncached, cache);

  @Test
  void answersAreByteForByteTheUncachedOnesBeforeAndAfterCaching() throws Exception {
    Task task = task(TASK, "PENDING");
    Task tagged = task.toBuilder().tags(List.of(new Tag("team", ODD), new Tag("k", "v"))).build();
    List<Object> answers = List.of(
        task,
        tagged,
        DescribeTasksResponse.builder().tasks(List.of(task, task(TASK.replace("0123", "9876"), "RUNNING")))
            .failures(List.of(Failure.builder().arn(TASK + "-missing").reason("MISSING").build())).build(),
        DescribeTasksResponse.builder().tasks(List.of(tagged)).failures(List.of()).build(),
        DescribeTasksResponse.builder().tasks(List.of()).failures(List.of(
            Failure.builder().arn(ODD).reason("MISSING").build())).build(),
        RunTaskResponse.builder().tasks(List.of(task)).failures(List.of()).build(),
        Task.builder().lastStatus("no ARN: " + ODD).build());
    for (Object answer : answers) {
      // Three times: the first write makes the bytes, the others use them.
      for (int round = 0; round < 3; round++) {
        assertThat(json(cached, answer)).as("round %d of %s", round, answer).isEqualTo(json(uncached, answer));
      }
    }
  }

  @Test
  void aChangedTaskIsWrittenAfreshAndAnEqualOneFromTheKeptBytes() throws Exception {
    Task pending = task(TASK, "PENDING");
    String before = json(cached, pending);
    Task running = pending.toBuilder().lastStatus("RUNNING").startedAt(Instant.ofEpochMilli(1_700_000_001_000L))
        .version(2L).build();

    assertThat(json(cached, running)).isEqualTo(json(uncached, running)).isNotEqualTo(before);
    assertThat(cache.of(running)).as("the new version is kept").isSameAs(cache.of(running));
    // DescribeTasks with include=TAGS copies the stored record on every call: an equal copy reuses the bytes.
    Task copy = running.toBuilder().build();
    assertThat(copy).isNotSameAs(running);
    assertThat(cache.of(copy)).isSameAs(cache.of(running));
    // Back to the older version (a different record again): its own bytes, not the newer ones.
    assertThat(json(cached, pending)).isEqualTo(before);
  }

  @Test
  void aChangeDeepInsideTheTaskIsSeen() throws Exception {
    Task task = task(TASK, "RUNNING");
    json(cached, task);
    Container container = task.containers().get(0);
    Task exited = task.toBuilder().containers(List.of(container.toBuilder().exitCode(137).reason(ODD).build())).build();

    assertThat(json(cached, exited)).isEqualTo(json(uncached, exited)).contains("\"exitCode\":137");
  }

  @Test
  void theCacheStaysBoundedAndCorrectPastItsLimit() throws Exception {
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < TaskBytes.MAX_CACHED + TaskBytes.MAX_CACHED / 2; i++) {
      tasks.add(task(TASK + i, "RUNNING"));
    }
    for (Task task : tasks) {
      json(cached, task);
      assertThat(cache.size()).isLessThanOrEqualTo(TaskBytes.MAX_CACHED);
    }
    for (Task task : tasks.subList(0, 10)) {
      assertThat(json(cached, task)).isEqualTo(json(uncached, task));
    }
  }

  @Test
  void aTaskWithoutArnIsWrittenButNotKept() throws Exception {
    Task noArn = Task.builder().lastStatus("PENDING").build();
    assertThat(json(cached, noArn)).isEqualTo(json(uncached, noArn));
    assertThat(cache.size()).isZero();
  }

  private static String json(ObjectMapper mapper, Object value) throws Exception {
    return new String(mapper.writeValueAsBytes(value), StandardCharsets.UTF_8);
  }

  private static Task task(String arn, String status) {
    return Task.builder()
        .taskArn(arn)
        .clusterArn("arn:aws:ecs:us-east-1:000000000000:cluster/web")
        .taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/web:3")
        .lastStatus(status)
        .desiredStatus("RUNNING")
        .group("service:web")
        .cpu("256")
        .memory("512")
        .enableExecuteCommand(false)
        .createdAt(Instant.ofEpochMilli(1_700_000_000_123L))
        .version(1L)
        .attachments(List.of(Attachment.builder().id("eni-1").type("ElasticNetworkInterface").status("ATTACHED")
            .details(List.of(new KeyValuePair("privateIPv4Address", "172.17.0.2"))).build()))
        .containers(List.of(Container.builder()
            .containerArn("arn:aws:ecs:us-east-1:000000000000:container/web/0123/4567")
            .taskArn(arn)
            .name("web " + ODD)
            .image("ecs-emulator/sample-web:1")
            .lastStatus(status)
            .networkBindings(List.of(NetworkBinding.builder().bindIP("0.0.0.0").containerPort(8080).hostPort(32768)
                .protocol("tcp").build()))
            .build()))
        .build();
  }
}
