package dev.ecsemulator.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * A test class's first emulator, started while its SDK clients are built: both are mostly class loading, on two
 * cores they overlap, and the first test waits for the longer of the two rather than their sum. The clients need the
 * endpoint before the emulator listens, so the port is picked first (a free loopback port, closed again); should
 * another process take it meanwhile, the emulator starts on any free port and the clients are built again.
 */
final class ParallelStart {

  private ParallelStart() {
  }

  /** The started emulator and the clients made for it, by type. */
  record Started(RunningEmulator running, Map<Class<?>, Object> clients) {}

  /** The emulator {@link EarlyStart} started for these settings, or else one started now. */
  static Started startOrClaim(EmulatorSettings settings, Class<?> testClass) {
    return EarlyStart.claim(settings)
        .orElseGet(() -> start(settings.options(), testClass, settings.region(), settings.accountId()));
  }

  static Started start(List<String> options, Class<?> testClass, String region, String accountId) {
    Set<Class<?>> demand = clientTypes(testClass);
    if (demand.isEmpty()) {
      return new Started(RunningEmulator.start(options), Map.of());
    }
    int port = freePort();
    CompletableFuture<RunningEmulator> starting = new CompletableFuture<>();
    Thread starter = new Thread(() -> {
      try {
        starting.complete(RunningEmulator.start(options, port));
      } catch (Throwable e) {
        starting.completeExceptionally(e);
      }
    }, "ecs-emulator-junit-start");
    starter.setDaemon(true);
    starter.start();
    Map<Class<?>, Object> clients = build(demand, URI.create("http://127.0.0.1:" + port), region, accountId);
    RunningEmulator running;
    try {
      running = starting.join();
    } catch (CompletionException e) {
      close(clients);
      running = RunningEmulator.start(options); // most likely the port was taken; anything else fails again here
      clients = build(demand, running.endpoint(), region, accountId);
    }
    return new Started(running, clients);
  }

  /** The SDK client types of the class's {@link FromEmulator} fields and of its methods' parameters. */
  static Set<Class<?>> clientTypes(Class<?> testClass) {
    Set<Class<?>> types = new LinkedHashSet<>();
    AnnotationSupport.findAnnotatedFields(testClass, FromEmulator.class, field -> true)
        .forEach(field -> types.add(field.getType()));
    ReflectionSupport.findMethods(testClass, method -> true, HierarchyTraversalMode.TOP_DOWN).stream()
        .flatMap(method -> Stream.of(((Executable) method).getParameters()))
        .map(Parameter::getType)
        .forEach(types::add);
    types.removeIf(type -> !SdkTypes.isClient(type));
    return types;
  }

  private static Map<Class<?>, Object> build(Set<Class<?>> types, URI endpoint, String region, String accountId) {
    Map<Class<?>, Object> clients = new LinkedHashMap<>();
    SdkClients.Target target = EcsEmulator.target(endpoint, region, accountId);
    for (Class<?> type : types) {
      clients.put(type, SdkClients.build(type, target));
    }
    return clients;
  }

  static void close(Map<Class<?>, Object> clients) {
    for (Object client : clients.values()) {
      if (client instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          // A client that fails to close holds nothing the emulator's stop does not release.
        }
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port: " + e.getMessage(), e);
    }
  }
}
