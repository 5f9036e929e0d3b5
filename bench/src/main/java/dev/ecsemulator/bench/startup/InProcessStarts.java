package dev.ecsemulator.bench.startup;

import dev.ecsemulator.api.Emulator;
import dev.ecsemulator.api.EmulatorConfig;
import dev.ecsemulator.bench.client.EcsRequest;
import dev.ecsemulator.bench.load.HttpConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The in-process start a JUnit extension does: {@link Emulator#start} of {@link EmulatorConfig#forTests} (port 0, in
 * memory, a fresh data directory) in a JVM that is already running, then one ListClusters over a fresh connection.
 * Run as its own JVM by {@link StartupBenchmark}, with the emulator's jar first on the classpath (so every emulator
 * class comes from it) and the bench jar after it; prints one line {@code start N MILLIS CPU_MILLIS} per start:
 * from before {@code Emulator.start} to the answer, then the CPU time the JVM spent meanwhile (all its threads,
 * milliseconds: on a loaded machine the figure that other load disturbs least). The first start of the JVM loads the
 * emulator's classes; later ones are what a test suite pays per test class.
 *
 * <p>Usage: {@code java -cp ecs-emulator.jar:ecs-emulator-bench.jar dev.ecsemulator.bench.startup.InProcessStarts
 * STARTS WORK_DIR}.
 */
public final class InProcessStarts {

  private InProcessStarts() {}

  public static void main(String[] args) throws IOException {
    int starts = Integer.parseInt(args[0]);
    Path workDir = Files.createDirectories(Path.of(args[1]));
    for (int i = 0; i < starts; i++) {
      Path dataDir = Files.createTempDirectory(workDir, "in-process-");
      long cpuBefore = processCpuNanos();
      long before = System.nanoTime();
      try (Emulator emulator = Emulator.start(EmulatorConfig.forTests(0, dataDir))) {
        int status = firstRequest(emulator.port());
        long answered = System.nanoTime();
        if (status != 200) {
          throw new IllegalStateException("the first ListClusters was answered with HTTP " + status);
        }
        double cpuMillis = (processCpuNanos() - cpuBefore) / 1e6;
        System.out.println("start " + i + " " + (answered - before) / 1e6 + " " + cpuMillis);
        System.out.flush();
      } finally {
        delete(dataDir);
      }
    }
    System.exit(0); // the emulators' daemon threads are gone; the JVM's own may linger
  }

  private static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
  }

  private static int firstRequest(int port) throws IOException {
    HttpConnection connection = new HttpConnection("127.0.0.1", port);
    try {
      return connection.exchange(new EcsRequest("ListClusters", "{}").toHttp("127.0.0.1", port));
    } finally {
      connection.close();
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
