package dev.ecsemulator.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;

/**
 * The emulator's self-contained runtime jar (the emulator with Javalin, Jetty, Jackson, docker-java, slf4j, ...),
 * carried inside this jar as a resource and loaded by a class loader of its own whose parent is the platform class
 * loader: none of its classes is visible to the test, and none of the test's (the user's own Jackson, Jetty, AWS SDK)
 * to it, so no version of theirs can clash with the emulator's. Only JDK types cross (see
 * {@code dev.ecsemulator.embedded.EmbeddedEmulator}).
 *
 * <p>A class loader cannot read a jar inside a jar, so when this extension runs from a jar the runtime is copied once
 * to {@code java.io.tmpdir/ecs-emulator-junit/runtime-VERSION-CRC.jar} (named by the CRC-32 the outer jar records for
 * it: a new build gets a new file, and no file is ever rewritten in place). From a directory (an IDE, this module's own
 * tests) it is used where it lies.
 */
final class EmulatorRuntime {

  static final String RESOURCE = "ecs-emulator-runtime.jar";
  private static final String BRIDGE = "dev.ecsemulator.embedded.EmbeddedEmulator";
  private static final String REAPER = "dev.ecsemulator.embedded.AbandonedDataDirs";

  private static EmulatorRuntime shared; // guarded by EmulatorRuntime.class

  private final ClassLoader loader;
  private final Method start;
  private final Method url;
  private final Method instanceId;
  private final Method close;
  private final Method reap;

  private EmulatorRuntime(ClassLoader loader) throws ReflectiveOperationException {
    this.loader = loader;
    Class<?> bridge = Class.forName(BRIDGE, false, loader);
    this.start = bridge.getMethod("start", String[].class);
    this.url = bridge.getMethod("url");
    this.instanceId = bridge.getMethod("instanceId");
    this.close = bridge.getMethod("close");
    this.reap = Class.forName(REAPER, false, loader).getMethod("reap", String.class, String.class);
  }

  /** The one runtime of this JVM (one class loader, however many emulators it starts). */
  static synchronized EmulatorRuntime get() {
    if (shared == null) {
      try {
        shared = new EmulatorRuntime(new URLClassLoader("ecs-emulator-runtime", new URL[] {jar().toUri().toURL()},
            ClassLoader.getPlatformClassLoader()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the emulator runtime: " + e.getMessage(), e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("the emulator runtime in this jar is incomplete: " + e, e);
      }
    }
    return shared;
  }

  /** A started emulator, as the runtime's own object. */
  record Handle(Object bridge, String url, String instanceId) {}

  /** Starts an emulator with the jar's command-line options; returns once it serves. */
  Handle start(String... args) {
    Object bridge = call(() -> start.invoke(null, (Object) args));
    return new Handle(bridge, (String) call(() -> url.invoke(bridge)), (String) call(() -> instanceId.invoke(bridge)));
  }

  void close(Handle handle) {
    call(() -> close.invoke(handle.bridge()));
  }

  /** Removes what emulators that died under {@code parent} left in Docker; see the runtime's AbandonedDataDirs. */
  int reapAbandoned(Path parent) {
    return (Integer) call(() -> reap.invoke(null, parent.toString(), null));
  }

  /**
   * Runs a call into the runtime with the runtime as the thread's context class loader: libraries that look services
   * up there (Jetty's ServiceLoader, slf4j's configuration file) must find the runtime's, never the test's, and
   * threads the emulator starts inherit it. A failure of the emulator is rethrown as it was thrown.
   */
  private Object call(Callable<Object> work) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return work.call();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot call the emulator runtime: " + e, e);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  /** The runtime jar as a file: where it lies, or its copy in the temporary directory. */
  private static Path jar() throws IOException {
    URL resource = EmulatorRuntime.class.getResource(RESOURCE);
    if (resource == null) {
      throw new IllegalStateException(RESOURCE + " is missing beside " + EmulatorRuntime.class.getName()
          + ": this build of emulator-junit is incomplete");
    }
    if ("file".equals(resource.getProtocol())) {
      try {
        return Path.of(resource.toURI());
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
    }
    JarEntry entry = ((JarURLConnection) resource.openConnection()).getJarEntry();
    Path copy = workDir().resolve("runtime-" + version() + "-" + Long.toHexString(entry.getCrc()) + ".jar");
    if (Files.isRegularFile(copy) && Files.size(copy) == entry.getSize()) {
      return copy;
    }
    // Written aside, then moved into place: a JVM starting meanwhile never reads a half-written jar.
    Path partial = Files.createTempFile(copy.getParent(), "runtime-", ".partial");
    try (InputStream in = resource.openStream()) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return copy;
  }

  /** {@code java.io.tmpdir/ecs-emulator-junit}: the runtime's copy, and the emulators' data directories. */
  static Path workDir() throws IOException {
    return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "ecs-emulator-junit"));
  }

  private static String version() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = EmulatorRuntime.class.getResourceAsStream("runtime.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    return properties.getProperty("version", "unknown");
  }
}
