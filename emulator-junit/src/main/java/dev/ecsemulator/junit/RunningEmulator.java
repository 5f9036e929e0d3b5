package dev.ecsemulator.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One in-process emulator the extension started: ephemeral, on a free loopback port, with a data directory of its own
 * (so an instance ID and Docker labels of its own) under {@code java.io.tmpdir/ecs-emulator-junit/emulators}.
 * {@link #close} removes every container, network and volume it created, then stops it; a JVM shutdown hook closes
 * every emulator still open (Ctrl-C, SIGTERM, {@code System.exit}), and the next start reaps what a killed JVM left
 * (see {@link EmulatorRuntime#reapAbandoned}).
 */
final class RunningEmulator implements AutoCloseable {

  private static final List<RunningEmulator> OPEN = new ArrayList<>(); // guarded by itself
  private static boolean hooked; // guarded by OPEN
  private static boolean reaped; // guarded by OPEN

  private final EmulatorRuntime runtime;
  private final EmulatorRuntime.Handle handle;
  private final Path dataDir;
  private final URI endpoint;
  private boolean closed; // guarded by this

  private RunningEmulator(EmulatorRuntime runtime, EmulatorRuntime.Handle handle, Path dataDir) {
    this.runtime = runtime;
    this.handle = handle;
    this.dataDir = dataDir;
    this.endpoint = URI.create(handle.url());
  }

  /** Starts an emulator with these extra options (the jar's); the extension's own come first and cannot be changed. */
  static RunningEmulator start(List<String> options) {
    return start(options, 0);
  }

  /** As {@link #start(List)}, on this loopback port (0: any free one). */
  static RunningEmulator start(List<String> options, int port) {
    EmulatorRuntime runtime = EmulatorRuntime.get();
    Path dataDir;
    try {
      dataDir = emulatorsDir().resolve(UUID.randomUUID().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--ephemeral",
        "--data-dir", dataDir.toString()));
    args.addAll(options);
    RunningEmulator emulator = new RunningEmulator(runtime, runtime.start(args.toArray(String[]::new)), dataDir);
    synchronized (OPEN) {
      OPEN.add(emulator);
      if (!hooked) {
        hooked = true;
        Runtime.getRuntime().addShutdownHook(new Thread(RunningEmulator::closeAll, "ecs-emulator-junit-shutdown"));
      }
      if (!reaped) {
        reaped = true;
        reapInBackground(runtime);
      }
    }
    return emulator;
  }

  URI endpoint() {
    return endpoint;
  }

  /** The endpoints of the emulators open in this JVM now. */
  static List<URI> openEndpoints() {
    synchronized (OPEN) {
      return OPEN.stream().map(RunningEmulator::endpoint).toList();
    }
  }

  String instanceId() {
    return handle.instanceId();
  }

  /**
   * {@code POST /_emulator/reset}: forgets all state and removes every container, network and volume of this emulator;
   * returns when that is done.
   */
  void reset() {
    try {
      HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/_emulator/reset").toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setRequestProperty("Content-Type", "application/json");
      connection.setDoOutput(true);
      connection.setConnectTimeout(10_000);
      connection.setReadTimeout(120_000);
      connection.getOutputStream().close();
      int status = connection.getResponseCode();
      InputStream body = status == 200 ? connection.getInputStream() : connection.getErrorStream();
      String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
      if (status != 200) {
        throw new IllegalStateException("the emulator refused to reset: HTTP " + status + " " + text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reset the emulator at " + endpoint + ": " + e.getMessage(), e);
    }
  }

  /** Removes everything this emulator created in Docker, stops it and deletes its directory. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    synchronized (OPEN) {
      OPEN.remove(this);
    }
    try {
      reset();
    } finally {
      runtime.close(handle);
      deleteRecursively(dataDir);
    }
  }

  private static void closeAll() {
    List<RunningEmulator> open;
    synchronized (OPEN) {
      open = List.copyOf(OPEN);
    }
    for (RunningEmulator emulator : open) {
      try {
        emulator.close();
      } catch (RuntimeException e) {
        System.err.println("ecs-emulator-junit: could not stop the emulator at " + emulator.endpoint + ": " + e);
      }
    }
  }

  /**
   * Once per JVM, after the first emulator serves (so it costs the first test nothing): removes what emulators of
   * killed JVMs left behind.
   */
  private static void reapInBackground(EmulatorRuntime runtime) {
    Thread reaper = new Thread(() -> {
      try {
        int removed = runtime.reapAbandoned(emulatorsDir());
        if (removed > 0) {
          System.err.println("ecs-emulator-junit: removed " + removed
              + " container(s) left by emulators of test JVMs that were killed");
        }
      } catch (IOException | RuntimeException e) {
        System.err.println("ecs-emulator-junit: could not look for containers of killed test JVMs: " + e);
      }
    }, "ecs-emulator-junit-reaper");
    reaper.setDaemon(true);
    reaper.start();
  }

  static Path emulatorsDir() throws IOException {
    return Files.createDirectories(EmulatorRuntime.workDir().resolve("emulators"));
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A directory left behind holds nothing but a lock file; the reaper deletes it.
    }
  }
}
