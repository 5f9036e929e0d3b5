package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.ecsemulator.core.model.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tasks written into answers from JSON made once per stored version of the task, instead of through Jackson's
 * reflective record accessors on every answer. A client waiting for a task polls DescribeTasks every few
 * milliseconds while the task does not change (the launch benchmark's SDK polls about 40 times per launch), and
 * writing the task was the largest single cost of those answers: 1.8 ms of CPU per answer on a JIT-cold path
 * (issue 21), taken from Docker while it creates and starts the task's containers on the same cores.
 *
 * <p>Correctness rests on two facts: a {@link Task} is an immutable record whose every change makes a new record, and
 * equal records are written as the same bytes (the task's shapes hold only strings, numbers, booleans, instants and
 * lists of further records: no maps whose order could differ, no floating point). So the bytes kept for a task are
 * reused only for the very record they were made from or one {@link Task#equals equal} to it (DescribeTasks with
 * {@code include=TAGS} builds a new record with the tags on every call), and any change to the task answers fresh
 * bytes. The bytes are what the mapper writes otherwise: they are made by it, without this serializer.
 *
 * <p>One entry per task ARN, the latest version written; at most {@link #MAX_CACHED} (past that the cache starts again
 * empty, which costs one write per task still polled). Only for AWS JSON answers: the bytes are JSON text.
 */
final class TaskBytes {

  static final int MAX_CACHED = 1_000;

  private TaskBytes() {}

  /** A copy of {@code base} that writes tasks from their cached bytes, and everything else as {@code base} does. */
  static ObjectMapper writingTasksFromCache(ObjectMapper base) {
    return writingTasksFrom(base, new Cache(base));
  }

  static ObjectMapper writingTasksFrom(ObjectMapper base, Cache cache) {
    SimpleModule module = new SimpleModule("ecs-task-bytes");
    module.addSerializer(Task.class, new Serializer(cache));
    return base.copy().registerModule(module);
  }

  /** The tasks' written forms, by task ARN; thread-safe. */
  static final class Cache {
    private final ObjectMapper writer;
    private final ConcurrentHashMap<String, Written> written = new ConcurrentHashMap<>();

    /** @param writer writes a task as the answers do, without this cache */
    Cache(ObjectMapper writer) {
      this.writer = writer;
    }

    /** One task record and the JSON it is written as. */
    private record Written(Task task, SerializedString json) {}

    /** The task's JSON: kept from an earlier write of this record (or an equal one), else written now and kept. */
    SerializedString of(Task task) throws IOException {
      String arn = task.taskArn();
      Written known = arn == null ? null : written.get(arn);
      if (known != null && (known.task() == task || known.task().equals(task))) {
        return known.json();
      }
      // From the bytes the mapper writes, not from its String: the two differ for characters outside the BMP (the
      // byte writer escapes their surrogates). Valid UTF-8 decoded and encoded again gives the same bytes.
      SerializedString json = new SerializedString(new String(writer.writeValueAsBytes(task), StandardCharsets.UTF_8));
      if (arn != null) {
        if (written.size() >= MAX_CACHED) {
          written.clear();
        }
        written.put(arn, new Written(task, json));
      }
      return json;
    }

    int size() {
      return written.size();
    }
  }

  private static final class Serializer extends JsonSerializer<Task> {
    private final Cache cache;

    Serializer(Cache cache) {
      this.cache = cache;
    }

    @Override
    public void serialize(Task value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      // A raw value: the generator writes the separator before it, then copies the bytes (kept by SerializedString
      // once made) in.
      gen.writeRawValue(cache.of(value));
    }
  }
}
