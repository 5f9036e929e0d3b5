package dev.ecsemulator.api.recovery;

import static org.awaitility.Awaitility.await;

import dev.ecsemulator.scheduler.docker.DockerEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Docker engine of the test's own, never the shared one: {@code dockerd} with its own socket, data
 * root, exec root, pid file and config file under one directory, which it can stop and start again on
 * the same directories (an engine restart, containers included, as a developer's machine sees one).
 *
 * <p>It must not touch what the shared engine owns. {@code --bridge=none} would: dockerd then deletes
 * the host's {@code docker0} interface (moby {@code removeDefaultBridgeInterface}), cutting every bridge
 * container of the shared engine off. So the engine gets a bridge of its own ({@code ecsemu-<hex>}, on a
 * /24 no route uses), made here and deleted at {@link #close}, and neither iptables, masquerading nor IP
 * forwarding: tasks on it use network mode {@code none} or {@code host}.
 *
 * <p>{@link #close} always cleans up: stops the engine (SIGKILL if it does not stop, and whatever it
 * left running under its directory), unmounts what it mounted there, deletes the bridge and the
 * directory.
 */
final class PrivateDockerEngine implements AutoCloseable {

  private final Path dir;
  private final String bridge;
  private Process dockerd;
  private int starts;

  private PrivateDockerEngine(Path dir, String bridge) {
    this.dir = dir;
    this.bridge = bridge;
  }

  /** Why no second engine can run here, if that is so: no {@code dockerd}, not root, no {@code ip}. */
  static Optional<String> unavailable() {
    if (!onPath("dockerd")) {
      return Optional.of("dockerd is not on the PATH");
    }
    if (!onPath("ip") || !onPath("umount")) {
      return Optional.of("ip and umount are needed to give the private engine its own bridge and to clean up");
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return Optional.of("a second dockerd needs root (running as " + System.getProperty("user.name") + ")");
    }
    return Optional.empty();
  }

  /**
   * Creates the engine's bridge and starts it in {@code dir} (keep it short: the engine's sockets live
   * under it). Returns once the engine answers; throws if it does not within a minute.
   */
  static PrivateDockerEngine start(Path dir) {
    byte[] random = new byte[3];
    new Random().nextBytes(random);
    PrivateDockerEngine engine = new PrivateDockerEngine(dir, "ecsemu-" + HexFormat.of().formatHex(random));
    try {
      engine.createBridge();
      Files.writeString(dir.resolve("daemon.json"), "{}");
      engine.startDockerd();
      return engine;
    } catch (IOException | RuntimeException e) {
      engine.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** {@code unix://<dir>/docker.sock}. */
  String host() {
    return "unix://" + dir.resolve("docker.sock");
  }

  /** Copies an image of the shared engine into this one ({@code docker save | docker -H ... load}). */
  void loadImage(String image) {
    run("sh", "-c", "docker save " + image + " | docker -H " + host() + " load");
  }

  /** SIGTERM, as a service manager stops dockerd; returns once it exited. Its containers stop with it. */
  void stop() {
    if (dockerd == null) {
      return;
    }
    dockerd.destroy();
    try {
      if (!dockerd.waitFor(90, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the private dockerd did not stop within 90 s:\n" + log());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    dockerd = null;
  }

  /** Starts the engine again on the same directories and bridge; returns once it answers. */
  void restart() {
    startDockerd();
  }

  /** What dockerd printed, all starts together. */
  String log() {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= starts; i++) {
      try {
        out.append(Files.readString(dir.resolve("dockerd-" + i + ".log"), StandardCharsets.UTF_8));
      } catch (IOException e) {
        out.append("(no log ").append(i).append(")\n");
      }
    }
    return out.toString();
  }

  private void startDockerd() {
    starts++;
    List<String> command = List.of("dockerd",
        "--config-file", dir.resolve("daemon.json").toString(),
        "--host", host(),
        "--data-root", dir.resolve("root").toString(),
        "--exec-root", dir.resolve("exec").toString(),
        "--pidfile", dir.resolve("docker.pid").toString(),
        "--bridge", bridge,
        "--iptables=false", "--ip-masq=false", "--ip-forward=false");
    try {
      dockerd = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("dockerd-" + starts + ".log").toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DockerEngine probe = new DockerEngine(host());
    try {
      await("the private dockerd to answer").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> !dockerd.isAlive() || probe.probe().reachable());
    } finally {
      probe.close();
    }
    if (!dockerd.isAlive()) {
      throw new IllegalStateException("the private dockerd exited at once:\n" + log());
    }
  }

  private void createBridge() {
    String routes = run("ip", "route");
    int third = 1 + new Random().nextInt(250);
    while (routes.contains("10.231." + third + ".")) {
      third = 1 + (third % 250);
    }
    run("ip", "link", "add", bridge, "type", "bridge");
    run("ip", "addr", "add", "10.231." + third + ".1/24", "dev", bridge);
    run("ip", "link", "set", bridge, "up");
  }

  @Override
  public void close() {
    List<String> problems = log().lines().filter(l -> l.contains("level=error") || l.contains("level=warn")).toList();
    System.out.println("---- private dockerd in " + dir + ", its last warnings and errors:");
    problems.subList(Math.max(0, problems.size() - 30), problems.size()).forEach(System.out::println);
    try {
      if (dockerd != null && dockerd.isAlive()) {
        try {
          stop();
        } catch (RuntimeException e) {
          dockerd.destroyForcibly();
        }
      }
      // A dockerd that died hard leaves containerd and shims behind: they name our directory.
      ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine()
              .map(c -> c.contains(dir.toString()) && (c.contains("containerd") || c.contains("dockerd")))
              .orElse(false))
          .forEach(ProcessHandle::destroyForcibly);
    } finally {
      unmountEverythingUnder();
      quietly("ip", "link", "del", bridge);
      deleteRecursively(dir);
    }
  }

  private void unmountEverythingUnder() {
    try {
      List<String> mounts = Files.readAllLines(Path.of("/proc/self/mounts")).stream()
          .map(line -> line.split(" ")[1].replace("\\040", " "))
          .filter(point -> point.startsWith(dir.toString()))
          .sorted(Comparator.comparing(String::length).reversed())
          .toList();
      for (String point : mounts) {
        quietly("umount", "-l", point);
      }
    } catch (IOException e) {
      // no /proc: nothing was mounted by us either
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // what cannot be deleted stays in the temp directory
    }
  }

  private static boolean onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }

  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void quietly(String... command) {
    try {
      run(command);
    } catch (RuntimeException e) {
      // best-effort clean-up
    }
  }
}
