package dev.ecsemulator.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one test class uses: its emulator, the settings it asked for, and the SDK clients made for it (one per type,
 * shared by its fields and parameters). Kept in the class's extension store, so JUnit closes it after the class,
 * pass or fail: its clients, and its emulator when the class owns it ({@link EmulatorScope#CLASS}).
 */
final class ClassScope implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  private final Class<?> owner;
  private final EcsEmulator emulator;
  private final EmulatorSettings settings;
  private final RunningEmulator owned; // null when shared by the JVM
  private final Map<Class<?>, Object> clients = new LinkedHashMap<>(); // guarded by this
  private boolean closed; // guarded by this

  /** With {@code clients} already made for it (see {@link ParallelStart}); the scope closes them. */
  ClassScope(Class<?> owner, EcsEmulator emulator, EmulatorSettings settings, RunningEmulator owned,
      Map<Class<?>, Object> clients) {
    this.clients.putAll(clients);
    this.owner = owner;
    this.emulator = emulator;
    this.settings = settings;
    this.owned = owned;
  }

  /** The class that opened it (a {@code @Nested} class uses its enclosing class's). */
  Class<?> owner() {
    return owner;
  }

  EcsEmulator emulator() {
    return emulator;
  }

  EmulatorSettings settings() {
    return settings;
  }

  /** The class's client of {@code type}, made on first use. */
  synchronized Object client(Class<?> type) {
    if (closed) {
      throw new IllegalStateException("the test class's emulator clients are closed");
    }
    return clients.computeIfAbsent(type, emulator::client);
  }

  @Override
  public void close() {
    Map<Class<?>, Object> toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new LinkedHashMap<>(clients);
      clients.clear();
    }
    try {
      ParallelStart.close(toClose);
    } finally {
      if (owned != null) {
        owned.close();
      }
    }
  }
}
