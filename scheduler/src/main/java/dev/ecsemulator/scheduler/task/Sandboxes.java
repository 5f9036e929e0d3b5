package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.scheduler.runtime.Sandbox;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The sandboxes this process created or found, by task ({@link TaskRef#id()}). Memory only: after a restart a
 * task's sandbox is found again by its labels, or by its stable name when a pass ensures it. Shared by the runner
 * (which ensures and releases them), the stop of unrunnable tasks and the stopped-task cleaner. Thread-safe.
 */
final class Sandboxes {

  private final Map<String, Sandbox> byTask = new ConcurrentHashMap<>();

  /** The task's sandbox, or null when this process does not know one. */
  Sandbox get(TaskRef ref) {
    return byTask.get(ref.id());
  }

  /** The task's sandbox, created (or found by its name) with {@code ensure} the first time. */
  Sandbox ensure(TaskRef ref, Supplier<Sandbox> ensure) {
    return byTask.computeIfAbsent(ref.id(), k -> ensure.get());
  }

  /** Forgets the task's sandbox; returns it, or null when none was known. */
  Sandbox remove(TaskRef ref) {
    return byTask.remove(ref.id());
  }
}
