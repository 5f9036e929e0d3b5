package dev.ecsemulator.junit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the first selected {@link EcsEmulatorTest} class's emulator, and builds its SDK clients, as soon as the JUnit
 * Platform begins discovering tests, on background threads: the launcher's discovery and the engines' set-up run
 * meanwhile, and the class waits, as it begins, only for what is left. The launcher finds this class itself
 * (ServiceLoader), so a test runner (Surefire, Gradle, an IDE) needs no set-up.
 *
 * <p>Only a run whose request names such a class (a class, nested class or method selector, as Surefire, Gradle and
 * IDEs send) starts anything, and only the one emulator that class would start: the first class whose settings
 * (options, region, account) match claims it and its clients ({@link #claim}); one nobody claimed is closed when the
 * launcher session closes. {@code -Decs.emulator.junit.earlyStart=false} turns it off.
 */
public final class EarlyStart implements LauncherDiscoveryListener, LauncherSessionListener {

  /** System property: {@code false} turns the early start off. */
  public static final String PROPERTY = "ecs.emulator.junit.earlyStart";

  /**
   * The emulators started early and not yet claimed, by what they serve. One map for the JVM, not one per session (a
   * discovery listener is not told its session): a launcher run inside a test (a test of a JUnit extension) may close
   * its outer run's, which that run's class then starts as it would have without this.
   */
  private static final Map<Key, CompletableFuture<ParallelStart.Started>> PENDING = new HashMap<>(); // guarded by it

  /** What clients and emulator a class needs to use them: its settings but the scope and the reset. */
  private record Key(List<String> options, String region, String accountId) {
    static Key of(EmulatorSettings settings) {
      return new Key(settings.options(), settings.region(), settings.accountId());
    }
  }

  /** As the launcher's ServiceLoader creates it (once per interface; the state is the class's). */
  public EarlyStart() {
  }

  @Override
  public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
    if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
      return;
    }
    Stream.of(
        request.getSelectorsByType(ClassSelector.class).stream().map(ClassSelector::getClassName),
        request.getSelectorsByType(NestedClassSelector.class).stream().map(NestedClassSelector::getNestedClassName),
        request.getSelectorsByType(MethodSelector.class).stream().map(MethodSelector::getClassName))
        .flatMap(names -> names)
        .map(EarlyStart::load)
        .flatMap(Optional::stream)
        .filter(testClass -> EcsEmulatorExtension.annotated(testClass).isPresent())
        .findFirst()
        .ifPresent(testClass -> begin(testClass, EmulatorSettings.of(EcsEmulatorExtension.annotated(testClass).get())));
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    List<CompletableFuture<ParallelStart.Started>> unclaimed;
    synchronized (PENDING) {
      unclaimed = List.copyOf(PENDING.values());
      PENDING.clear();
    }
    for (CompletableFuture<ParallelStart.Started> started : unclaimed) {
      started.thenAccept(EarlyStart::close);
    }
  }

  /** The emulator and clients started early for these settings, once started; empty when none was (or it failed). */
  static Optional<ParallelStart.Started> claim(EmulatorSettings settings) {
    CompletableFuture<ParallelStart.Started> found;
    synchronized (PENDING) {
      found = PENDING.remove(Key.of(settings));
    }
    if (found == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(found.join());
    } catch (CompletionException e) {
      return Optional.empty(); // started again by the caller, where a lasting cause fails the class as it should
    }
  }

  private static void begin(Class<?> testClass, EmulatorSettings settings) {
    CompletableFuture<ParallelStart.Started> started = new CompletableFuture<>();
    synchronized (PENDING) {
      if (PENDING.putIfAbsent(Key.of(settings), started) != null) {
        return;
      }
    }
    Thread starter = new Thread(() -> {
      try {
        started.complete(ParallelStart.start(settings.options(), testClass, settings.region(), settings.accountId()));
      } catch (Throwable e) {
        started.completeExceptionally(e);
      }
    }, "ecs-emulator-junit-early-start");
    starter.setDaemon(true);
    starter.start();
  }

  private static void close(ParallelStart.Started started) {
    try {
      ParallelStart.close(started.clients());
    } finally {
      started.running().close();
    }
  }

  /** The selected class, loaded as the engine will load it; empty when it cannot be (the engine reports that). */
  private static Optional<Class<?>> load(String className) {
    return ReflectionSupport.tryToLoadClass(className).toOptional();
  }
}
