package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The dispatch table of one service: operation name to its handler and request type. Built once at start, then
 * read-only and thread-safe.
 */
public final class OperationTable {

  /** A registered operation: the request record type and the handler. */
  public record Entry<I>(String operation, Class<I> requestType, OperationHandler<I> handler) {}

  private final Map<String, Entry<?>> entries = new TreeMap<>();

  /** Registers {@code operation}; its JSON body is bound to {@code requestType} before the handler runs. */
  public <I> OperationTable register(String operation, Class<I> requestType, OperationHandler<I> handler) {
    if (entries.putIfAbsent(operation, new Entry<>(operation, requestType, handler)) != null) {
      throw new IllegalStateException("operation registered twice: " + operation);
    }
    return this;
  }

  /** Registers an operation that reads its request as a raw JSON tree. */
  public OperationTable registerRaw(String operation, OperationHandler<JsonNode> handler) {
    return register(operation, JsonNode.class, handler);
  }

  public Optional<Entry<?>> find(String operation) {
    return Optional.ofNullable(entries.get(operation));
  }

  public Set<String> operations() {
    return entries.keySet();
  }
}
