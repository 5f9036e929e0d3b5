package dev.ecsemulator.embedded;

import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.core.state.durable.DataDirLock;
import dev.ecsemulator.core.state.durable.DataDirLockedException;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.ManagedResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reaper of emulators whose process died without stopping them (a {@code kill -9}, an IDE's stop button, a
 * test JVM killed on a timeout): their data directories under one parent are still there, but no process holds
 * their lock any more (the OS drops it with the process). For each such directory this removes every container,
 * network and volume labelled with its instance ID, then the directory. A directory whose lock is held belongs to a
 * live emulator and is never touched, nor one changed in the last {@link #SETTLING} (another JVM may have just
 * created it and be about to lock it).
 */
public final class AbandonedDataDirs {

  static final Duration SETTLING = Duration.ofSeconds(10);

  private AbandonedDataDirs() {
  }

  /**
   * Reaps the abandoned data directories directly under {@code parent}.
   *
   * @param dockerHost the engine, or null for {@code DOCKER_HOST}, else the local socket
   * @return how many containers were removed
   */
  public static int reap(String parent, String dockerHost) {
    List<Path> dirs;
    try (Stream<Path> children = Files.list(Path.of(parent))) {
      Instant settled = Instant.now().minus(SETTLING);
      dirs = children.filter(Files::isDirectory).filter(dir -> changedBefore(dir, settled)).toList();
    } catch (IOException e) {
      return 0; // no parent yet: nothing was ever abandoned there
    }
    int removed = 0;
    DockerEngine engine = null;
    try {
      for (Path dir : dirs) {
        DataDirLock lock;
        try {
          lock = DataDirLock.acquire(dir);
        } catch (DataDirLockedException alive) {
          continue;
        }
        try {
          if (engine == null) {
            engine = new DockerEngine(DockerEngine.resolveHost(dockerHost));
          }
          removed += new ManagedResources(engine, EmulatorInstance.forDataDir(dir)).removeAll();
        } finally {
          lock.close();
        }
        deleteRecursively(dir);
      }
    } finally {
      if (engine != null) {
        engine.close();
      }
    }
    return removed;
  }

  private static boolean changedBefore(Path dir, Instant instant) {
    try {
      return Files.getLastModifiedTime(dir).toInstant().isBefore(instant);
    } catch (IOException e) {
      return false; // gone meanwhile
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Left for the next reaper: what mattered (the containers) is gone.
    }
  }
}
