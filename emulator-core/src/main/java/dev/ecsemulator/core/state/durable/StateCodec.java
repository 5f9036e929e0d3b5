package dev.ecsemulator.core.state.durable;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.state.Change;
import dev.ecsemulator.core.state.Kind;
import dev.ecsemulator.core.state.KindRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON payloads of frames. A journal commit is
 * {@code {"scope":{"accountId":..,"region":..},"changes":[{"kind":..,"key":..,"value":{..}} or {"kind":..,"key":..,"removed":true}]}}
 * and a reset is {@code {"clear":true}}; a snapshot entity is {@code {"scope":..,"kind":..,"key":..,"value":..}}.
 * Values are the stored records as {@link DurableJson} maps them. Decoding resolves kinds through the
 * registry: an unknown kind or a value that no longer maps is damage, never silently dropped. Thread-safe.
 */
final class StateCodec {

  private final ObjectMapper mapper = DurableJson.mapper();
  private final KindRegistry kinds;

  StateCodec(KindRegistry kinds) {
    this.kinds = kinds;
  }

  /** One entity: a value, or {@code null} for a removal. */
  record Entry(Scope scope, Kind<?> kind, String key, Object value) {}

  /** A decoded journal record: either a reset of everything or the changes of one commit. */
  record Commit(boolean clear, List<Entry> entries) {}

  byte[] encodeCommit(List<Change> changes) {
    return write(g -> {
      g.writeStartObject();
      writeScope(g, changes.get(0).scope());
      g.writeArrayFieldStart("changes");
      for (Change change : changes) {
        if (!change.scope().equals(changes.get(0).scope())) {
          throw new IllegalArgumentException("one commit spans two scopes: " + changes);
        }
        g.writeStartObject();
        g.writeStringField("kind", change.kind().name());
        g.writeStringField("key", change.key());
        if (change.isRemoval()) {
          g.writeBooleanField("removed", true);
        } else {
          g.writeFieldName("value");
          mapper.writeValue(g, change.after());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  byte[] encodeClear() {
    return write(g -> {
      g.writeStartObject();
      g.writeBooleanField("clear", true);
      g.writeEndObject();
    });
  }

  byte[] encodeEntity(Scope scope, Kind<?> kind, String key, Object value) {
    return write(g -> {
      g.writeStartObject();
      writeScope(g, scope);
      g.writeStringField("kind", kind.name());
      g.writeStringField("key", key);
      g.writeFieldName("value");
      mapper.writeValue(g, value);
      g.writeEndObject();
    });
  }

  /** Any small JSON object (snapshot header and trailer). */
  byte[] encodeObject(Object value) {
    return write(g -> mapper.writeValue(g, value));
  }

  Commit decodeCommit(byte[] payload, Path file, long seq) {
    JsonNode root = tree(payload, file, "journal record " + seq);
    if (root.path("clear").asBoolean(false)) {
      return new Commit(true, List.of());
    }
    Scope scope = scope(root, file, "journal record " + seq);
    JsonNode changes = root.path("changes");
    if (!changes.isArray()) {
      throw new StateDamagedException(file, "journal record " + seq + " has no changes");
    }
    List<Entry> entries = new ArrayList<>(changes.size());
    for (JsonNode change : changes) {
      entries.add(entry(scope, change, change.path("removed").asBoolean(false), file, "journal record " + seq));
    }
    return new Commit(false, entries);
  }

  Entry decodeEntity(byte[] payload, Path file, long ordinal) {
    JsonNode root = tree(payload, file, "snapshot entry " + ordinal);
    return entry(scope(root, file, "snapshot entry " + ordinal), root, false, file, "snapshot entry " + ordinal);
  }

  JsonNode tree(byte[] payload, Path file, String what) {
    try {
      JsonNode root = mapper.readTree(payload);
      if (root == null || !root.isObject()) {
        throw new StateDamagedException(file, what + " is not a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new StateDamagedException(file, what + " is not valid JSON: " + firstLine(e.getMessage()));
    }
  }

  private Entry entry(Scope scope, JsonNode node, boolean removed, Path file, String what) {
    String kindName = node.path("kind").asText(null);
    String key = node.path("key").asText(null);
    if (kindName == null || key == null) {
      throw new StateDamagedException(file, what + " has no kind or key");
    }
    Kind<?> kind = kinds.byName(kindName).orElseThrow(() -> new StateDamagedException(file,
        what + " holds kind '" + kindName + "', which this emulator does not know (written by a newer version?)"));
    if (removed) {
      return new Entry(scope, kind, key, null);
    }
    JsonNode value = node.get("value");
    if (value == null || !value.isObject()) {
      throw new StateDamagedException(file, what + " (" + kindName + " " + key + ") has no value");
    }
    try {
      return new Entry(scope, kind, key, mapper.treeToValue(value, kind.type()));
    } catch (IOException | IllegalArgumentException e) {
      throw new StateDamagedException(file, what + " (" + kindName + " " + key + ") does not map to "
          + kind.type().getSimpleName() + ": " + firstLine(e.getMessage()));
    }
  }

  private static Scope scope(JsonNode root, Path file, String what) {
    JsonNode scope = root.path("scope");
    String account = scope.path("accountId").asText(null);
    String region = scope.path("region").asText(null);
    if (account == null || region == null) {
      throw new StateDamagedException(file, what + " has no scope");
    }
    return new Scope(account, region);
  }

  private static void writeScope(JsonGenerator g, Scope scope) throws IOException {
    g.writeObjectFieldStart("scope");
    g.writeStringField("accountId", scope.accountId());
    g.writeStringField("region", scope.region());
    g.writeEndObject();
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = mapper.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode state as JSON", e);
    }
    return out.toByteArray();
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
