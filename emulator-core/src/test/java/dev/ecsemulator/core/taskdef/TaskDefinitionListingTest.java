package dev.ecsemulator.core.taskdef;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.model.TaskDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskDefinitionListingTest {

  static TaskDefinition td(String family, int revision, String status) {
    return TaskDefinition.builder().family(family).revision(revision).status(status)
        .taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/" + family + ":" + revision).build();
  }

  static List<String> names(List<String> arns) {
    return arns.stream().map(a -> a.substring(a.indexOf('/') + 1)).toList();
  }

  @Test
  void ascendingIsByFamilyThenRevisionNumerically() {
    List<TaskDefinition> all = List.of(td("web-api", 1, "ACTIVE"), td("web", 10, "ACTIVE"), td("web", 2, "ACTIVE"),
        td("api", 3, "ACTIVE"), td("web", 9, "INACTIVE"));

    Paging.Page<String> page = TaskDefinitionListing.definitions(all, null, null, null, null, null);

    assertThat(names(page.items())).containsExactly("api:3", "web:2", "web:10", "web-api:1");
    assertThat(page.nextToken()).isNull();
  }

  @Test
  void descendingReversesFamilyAndRevision() {
    List<TaskDefinition> all = List.of(td("web-api", 1, "ACTIVE"), td("web", 10, "ACTIVE"), td("web", 2, "ACTIVE"),
        td("api", 3, "ACTIVE"));

    assertThat(names(TaskDefinitionListing.definitions(all, null, "ACTIVE", "DESC", null, null).items()))
        .containsExactly("web-api:1", "web:10", "web:2", "api:3");
  }

  @Test
  void familyPrefixIsTheWholeFamilyName() {
    List<TaskDefinition> all = List.of(td("web", 1, "ACTIVE"), td("web-api", 1, "ACTIVE"));

    assertThat(names(TaskDefinitionListing.definitions(all, "web", null, null, null, null).items()))
        .containsExactly("web:1");
  }

  @Test
  void statusSelectsOneStatus() {
    List<TaskDefinition> all = List.of(td("a", 1, "ACTIVE"), td("a", 2, "INACTIVE"), td("a", 3, "DELETE_IN_PROGRESS"));

    assertThat(names(TaskDefinitionListing.definitions(all, null, "INACTIVE", null, null, null).items()))
        .containsExactly("a:2");
    assertThat(names(TaskDefinitionListing.definitions(all, null, "DELETE_IN_PROGRESS", null, null, null).items()))
        .containsExactly("a:3");
  }

  /** Seeded random families and revisions, every page size: paging yields the sorted list exactly once. */
  @ParameterizedTest(name = "sort {0}")
  @ValueSource(strings = {"ASC", "DESC"})
  void pagingWalksTheWholeSortedListOnce(String sort) {
    Random random = new Random(42);
    String[] families = {"a", "a-b", "a_b", "ab", "B", "web", "web-api", "web1", "z"};
    List<TaskDefinition> all = new ArrayList<>();
    for (String family : families) {
      int revisions = 1 + random.nextInt(12);
      for (int r = 1; r <= revisions; r++) {
        all.add(td(family, r, "ACTIVE"));
      }
    }
    Collections.shuffle(all, random);
    Comparator<TaskDefinition> order = Comparator.comparing(TaskDefinition::family).thenComparing(TaskDefinition::revision);
    List<String> expected = all.stream().sorted(sort.equals("DESC") ? order.reversed() : order)
        .map(TaskDefinition::taskDefinitionArn).toList();

    for (int pageSize = 1; pageSize <= 15; pageSize++) {
      List<String> seen = new ArrayList<>();
      String token = null;
      do {
        Paging.Page<String> page = TaskDefinitionListing.definitions(all, null, null, sort, pageSize, token);
        assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
        seen.addAll(page.items());
        token = page.nextToken();
      } while (token != null);
      assertThat(seen).as("page size %d", pageSize).isEqualTo(expected);
    }
  }

  @Test
  void invertedKeysSortInExactlyReverseOrder() {
    Random random = new Random(7);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String family = random.ints(1 + random.nextInt(6), 0, 4).mapToObj(n -> "ab-_".substring(n, n + 1))
          .reduce("", String::concat);
      keys.add(TaskDefinitionListing.ascendingKey(td(family, 1 + random.nextInt(1000), "ACTIVE")));
    }
    List<String> ascending = keys.stream().distinct().sorted().toList();
    List<String> byInvertedKey = keys.stream().distinct()
        .sorted(Comparator.comparing((Function<String, String>) TaskDefinitionListing::invert)).toList();

    List<String> reversed = new ArrayList<>(ascending);
    Collections.reverse(reversed);
    assertThat(byInvertedKey).isEqualTo(reversed);
  }

  @Test
  void familiesByStatus() {
    List<TaskDefinition> all = List.of(td("live", 1, "ACTIVE"), td("live", 2, "INACTIVE"), td("retired", 1, "INACTIVE"),
        td("deleting", 1, "DELETE_IN_PROGRESS"), td("alpha", 4, "ACTIVE"));

    assertThat(TaskDefinitionListing.families(all, null, null, null, null).items())
        .containsExactly("alpha", "deleting", "live", "retired");
    assertThat(TaskDefinitionListing.families(all, null, "ALL", null, null).items())
        .containsExactly("alpha", "deleting", "live", "retired");
    assertThat(TaskDefinitionListing.families(all, null, "ACTIVE", null, null).items()).containsExactly("alpha", "live");
    assertThat(TaskDefinitionListing.families(all, null, "INACTIVE", null, null).items())
        .containsExactly("deleting", "retired");
    assertThat(TaskDefinitionListing.families(all, "l", null, null, null).items()).containsExactly("live");
  }

  @Test
  void familiesPage() {
    List<TaskDefinition> all = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      all.add(td(String.format("f%02d", i), 1, "ACTIVE"));
    }
    Paging.Page<String> first = TaskDefinitionListing.families(all, null, null, 10, null);
    Paging.Page<String> third = TaskDefinitionListing.families(all, null, null, 10,
        TaskDefinitionListing.families(all, null, null, 10, first.nextToken()).nextToken());

    assertThat(first.items()).hasSize(10).startsWith("f00");
    assertThat(third.items()).containsExactly("f20", "f21", "f22", "f23", "f24");
    assertThat(third.nextToken()).isNull();
  }
}
