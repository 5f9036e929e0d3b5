package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.model.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lets a new revision hold its family's previous revision's container definitions and required attributes where they
 * are equal, instead of its own copies. Every revision is kept for good, and a family re-registered with the same
 * containers (a deployment pipeline, the API benchmark) otherwise keeps one copy of them per revision: about 2 KiB
 * each, which the garbage collector copies and marks again and again as the heap grows. Safe because the records
 * and their lists are immutable; equal values serialize identically, so answers do not change. Pure.
 */
final class RevisionSharing {

  private RevisionSharing() {}

  /**
   * {@code draft} with each container definition and required attribute that equals {@code previous}'s at the same
   * index replaced by that one; {@code draft} itself when there is no previous revision (null).
   */
  static TaskDefinition sharingWith(TaskDefinition draft, TaskDefinition previous) {
    if (previous == null) {
      return draft;
    }
    return draft.toBuilder()
        .containerDefinitions(shared(draft.containerDefinitions(), previous.containerDefinitions()))
        .requiresAttributes(shared(draft.requiresAttributes(), previous.requiresAttributes()))
        .build();
  }

  /** {@code fresh}, each element replaced by the element of {@code old} at the same index when equal. */
  private static <T> List<T> shared(List<T> fresh, List<T> old) {
    if (fresh == null || old == null) {
      return fresh;
    }
    List<T> result = new ArrayList<>(fresh.size());
    for (int i = 0; i < fresh.size(); i++) {
      T element = fresh.get(i);
      result.add(i < old.size() && Objects.equals(element, old.get(i)) ? old.get(i) : element);
    }
    return result;
  }
}
