package dev.ecsemulator.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.core.json.EcsJson;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.DescribeTasksResponse;
import dev.ecsemulator.core.model.Failure;
import dev.ecsemulator.core.model.ListTasksResponse;
import dev.ecsemulator.core.model.Task;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ArnBytesTest {

  private static final ObjectMapper PLAIN = EcsJson.mapper();
  private static final String TASK = "arn:aws:ecs:us-east-1:000000000000:task/web/0123456789abcdef0123456789abcdef";
  /** Not a real ARN, but nothing stops a client from naming one like it: every escaping case Jackson has. */
  private static final String ODD = "arn:aws:ecs:us-east-1:000000000000:task/\"quoted\"\\back\u0001\t\n/é€😀";

  private final ArnBytes.Cache cache = new ArnBytes.Cache();
  private final ObjectMapper answers = ArnBytes.writingArnsFrom(PLAIN, cache);

  @Test
  void answersAreByteForByteWhatThePlainMapperWrites() throws Exception {
    Task task = Task.builder()
        .taskArn(TASK)
        .clusterArn("arn:aws:ecs:us-east-1:000000000000:cluster/web")
        .taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/web:3")
        .lastStatus("RUNNING")
        .group("service:web")
        .createdAt(Instant.ofEpochMilli(1_700_000_000_123L))
        .containers(List.of(Container.builder()
            .containerArn("arn:aws:ecs:us-east-1:000000000000:container/web/0123/4567")
            .taskArn(TASK)
            .name("arn:not-an-arn-but-a-name \"with quotes\"")
            .image("ecs-emulator/sample-web:1")
            .build()))
        .build();
    List<Object> answersToCompare = List.of(
        task,
        ListTasksResponse.builder().taskArns(List.of(TASK, ODD, "arn:", "ARN:upper-case-is-not-cached", "")).build(),
        DescribeTasksResponse.builder().tasks(List.of(task, task))
            .failures(List.of(Failure.builder().arn(ODD).reason("MISSING").build())).build(),
        map("taskArn", TASK, "odd", ODD, "list", List.of(ODD, TASK)));

    for (Object answer : answersToCompare) {
      // Twice: the first write makes the bytes, the second uses them.
      for (int round = 0; round < 2; round++) {
        assertThat(new String(answers.writeValueAsBytes(answer), StandardCharsets.UTF_8))
            .as("round %d of %s", round, answer.getClass().getSimpleName())
            .isEqualTo(new String(PLAIN.writeValueAsBytes(answer), StandardCharsets.UTF_8));
      }
    }
    assertThat(PLAIN.readTree(answers.writeValueAsBytes(map("odd", ODD))).get("odd").asText()).isEqualTo(ODD);
  }

  @Test
  void eachArnIsEncodedOnceAndOnlyArnsAreKept() throws Exception {
    for (int i = 0; i < 50; i++) {
      answers.writeValueAsBytes(ListTasksResponse.builder().taskArns(List.of(TASK, ODD, "RUNNING", "service:web")).build());
    }
    assertThat(cache.size()).as("only the plain ARN is kept").isEqualTo(1);
    assertThat(cache.of(TASK)).isSameAs(cache.of(TASK));
    assertThat(cache.of(ODD)).isNull();
  }

  @Test
  void theCacheStaysBoundedAndCorrectPastItsLimit() throws Exception {
    int total = ArnBytes.MAX_CACHED + ArnBytes.MAX_CACHED / 2;
    for (int i = 0; i < total; i++) {
      String arn = TASK + "-" + i;
      String written = new String(answers.writeValueAsBytes(ListTasksResponse.builder().taskArns(List.of(arn)).build()),
          StandardCharsets.UTF_8);
      assertThat(written).isEqualTo("{\"taskArns\":[\"" + arn + "\"]}");
      assertThat(cache.size()).isLessThanOrEqualTo(ArnBytes.MAX_CACHED);
    }
    assertThat(cache.size()).isEqualTo(total - ArnBytes.MAX_CACHED);
  }

  @Test
  void concurrentAnswersAreEachCorrect() throws Exception {
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      arns.add(TASK + "/" + i);
    }
    String expected = new String(PLAIN.writeValueAsBytes(ListTasksResponse.builder().taskArns(arns).build()), StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> writers = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        writers.add(() -> new String(answers.writeValueAsBytes(ListTasksResponse.builder().taskArns(arns).build()),
            StandardCharsets.UTF_8));
      }
      for (Future<String> written : pool.invokeAll(writers)) {
        assertThat(written.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(cache.size()).isEqualTo(arns.size());
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
