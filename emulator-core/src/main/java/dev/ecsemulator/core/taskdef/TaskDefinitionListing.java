package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.model.TaskDefinition;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * ListTaskDefinitions and ListTaskDefinitionFamilies over a snapshot of every task definition of a scope. Pure.
 */
public final class TaskDefinitionListing {

  /** Model: maxResults "can be between 1 and 100"; without it "returns up to 100 results". */
  static final int MAX_RESULTS = 100;

  private TaskDefinitionListing() {}

  /**
   * ListTaskDefinitions (Model docs): only the given status (ACTIVE when null); {@code familyPrefix} is "the full
   * family name" and limits the list to that family; ASC sorts "lexicographically by family name and in ascending
   * numerical order by revision", DESC reverses both.
   */
  public static Paging.Page<String> definitions(List<TaskDefinition> all, String familyPrefix, String status,
      String sort, Integer maxResults, String nextToken) {
    String wanted = status == null ? TaskDefinitions.ACTIVE : status;
    boolean descending = "DESC".equals(sort);
    Comparator<TaskDefinition> order = Comparator.comparing(TaskDefinition::family)
        .thenComparing(TaskDefinition::revision);
    List<TaskDefinition> selected = all.stream()
        .filter(td -> wanted.equals(td.status()))
        .filter(td -> familyPrefix == null || familyPrefix.isEmpty() || familyPrefix.equals(td.family()))
        .sorted(descending ? order.reversed() : order)
        .toList();
    Function<TaskDefinition, String> key = descending ? td -> invert(ascendingKey(td)) : TaskDefinitionListing::ascendingKey;
    Paging.Page<TaskDefinition> page = Paging.page(selected, key, maxResults, nextToken, MAX_RESULTS, MAX_RESULTS);
    return new Paging.Page<>(page.items().stream().map(TaskDefinition::taskDefinitionArn).toList(), page.nextToken());
  }

  /**
   * ListTaskDefinitionFamilies (Model docs): without a status, or with ALL, every family; ACTIVE, the families
   * with an ACTIVE revision; INACTIVE, those without one. A family whose revisions are all being deleted still
   * counts ("If a task definition revisions are in the DELETE_IN_PROGRESS state, the task definition name is
   * ... returned in the API"). Names begin with {@code familyPrefix}; ascending.
   */
  public static Paging.Page<String> families(List<TaskDefinition> all, String familyPrefix, String status,
      Integer maxResults, String nextToken) {
    Map<String, Boolean> hasActive = new TreeMap<>();
    for (TaskDefinition td : all) {
      hasActive.merge(td.family(), TaskDefinitions.ACTIVE.equals(td.status()), Boolean::logicalOr);
    }
    String wanted = status == null ? "ALL" : status;
    List<String> families = hasActive.entrySet().stream()
        .filter(e -> familyPrefix == null || e.getKey().startsWith(familyPrefix))
        .filter(e -> switch (wanted) {
          case TaskDefinitions.ACTIVE -> e.getValue();
          case TaskDefinitions.INACTIVE -> !e.getValue();
          default -> true;
        })
        .map(Map.Entry::getKey)
        .toList();
    return Paging.page(families, Function.identity(), maxResults, nextToken, MAX_RESULTS, MAX_RESULTS);
  }

  /**
   * A key that sorts as (family, revision) does: the NUL separator sorts below every family character, so
   * {@code web} comes before {@code web-api}, and fixed-width revisions sort numerically.
   */
  static String ascendingKey(TaskDefinition td) {
    return td.family() + '\u0000' + String.format("%010d", td.revision());
  }

  /**
   * A key whose order is the exact reverse of {@code key}'s, for paging a DESC list with {@link Paging}, which
   * needs keys ascending in list order. Each character is mirrored and a maximal terminator appended, so a key
   * that is a prefix of another sorts after it.
   */
  static String invert(String key) {
    StringBuilder out = new StringBuilder(key.length() + 1);
    for (int i = 0; i < key.length(); i++) {
      out.append((char) (0xFFFF - key.charAt(i)));
    }
    return out.append('\uFFFF').toString();
  }
}
