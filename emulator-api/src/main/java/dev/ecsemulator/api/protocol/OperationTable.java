package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The dispatch table of one service: operation name to its handler and request type. Filled once, at start or (see
 * {@link #filledOnFirstUse}) by the service's first request, then read-only and thread-safe.
 */
public final class OperationTable {

  /** A registered operation: the request record type and the handler. */
  public record Entry<I>(String operation, Class<I> requestType, OperationHandler<I> handler) {}

  private final Map<String, Entry<?>> entries = new TreeMap<>();
  /** Checks of the filled table (see {@link #check}); run by the fill. Guarded by this until filled. */
  private final List<Consumer<Set<String>>> checks = new ArrayList<>();
  /** What fills the table on first use; null for a table filled by its maker. Guarded by this. */
  private Consumer<OperationTable> registrations;
  private volatile boolean filled;

  /** A table its maker fills now with {@link #register}, before handing it to any other thread. */
  public OperationTable() {
    this.filled = true;
  }

  private OperationTable(Consumer<OperationTable> registrations) {
    this.registrations = registrations;
  }

  /**
   * A table that {@code registrations} fills when it is first read, typically by the service's first request. The
   * services besides ECS are built so: registering their ninety-odd operations at start linked as many lambdas and
   * loaded their request classes before the first answer, which most runs of the emulator never need for them
   * (docs/benchmarks.md, issue 21 goal 3).
   */
  public static OperationTable filledOnFirstUse(Consumer<OperationTable> registrations) {
    return new OperationTable(java.util.Objects.requireNonNull(registrations, "registrations"));
  }

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

  /**
   * Runs {@code check} on the operation names: now if the table is filled, else right after it is filled (where a
   * failure fails the read that fills it, and the next read tries again).
   */
  void check(Consumer<Set<String>> check) {
    synchronized (this) {
      if (!filled) {
        checks.add(check);
        return;
      }
    }
    check.accept(entries.keySet());
  }

  public Optional<Entry<?>> find(String operation) {
    return Optional.ofNullable(filled().get(operation));
  }

  public Set<String> operations() {
    return filled().keySet();
  }

  private Map<String, Entry<?>> filled() {
    if (!filled) {
      synchronized (this) {
        if (!filled) {
          entries.clear();
          try {
            registrations.accept(this);
            checks.forEach(check -> check.accept(entries.keySet()));
          } catch (RuntimeException | Error e) {
            entries.clear();
            throw e;
          }
          registrations = null;
          checks.clear();
          filled = true;
        }
      }
    }
    return entries;
  }
}
