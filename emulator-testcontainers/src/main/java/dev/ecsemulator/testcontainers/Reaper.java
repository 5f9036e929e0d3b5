package dev.ecsemulator.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;

/**
 * What emulator containers of dead test JVMs left. Ryuk (where it runs) removes the emulator's container when the JVM
 * dies, but not the task containers that emulator started (they carry its labels, not Testcontainers'); where Ryuk
 * does not run, the emulator goes on running too. So each running emulator container is recorded in
 * {@code java.io.tmpdir/ecs-emulator-testcontainers/<instance ID>.properties} with the process that started it, and
 * before the first container of a JVM starts, every record whose process is gone is reaped: the emulator's container
 * and every container, network and volume labelled with its instance ID are removed.
 */
final class Reaper {

  private static final String INSTANCE_LABEL = "ecs-emulator.instance";
  private static boolean reaped; // guarded by Reaper.class

  private Reaper() {
  }

  static synchronized void reapOnce() {
    if (reaped) {
      return;
    }
    reaped = true;
    try {
      reap();
    } catch (IOException | RuntimeException e) {
      System.err.println("ecs-emulator-testcontainers: could not look for containers of dead test JVMs: " + e);
    }
  }

  /** Reaps every record whose process is gone; returns how many task containers went. */
  static int reap() throws IOException {
    List<Path> records;
    try (Stream<Path> files = Files.list(dir())) {
      records = files.filter(f -> f.getFileName().toString().endsWith(".properties")).toList();
    }
    int removed = 0;
    for (Path record : records) {
      Properties owner = read(record);
      if (owner == null || alive(owner)) {
        continue;
      }
      removed += remove(owner.getProperty("instance"), owner.getProperty("container"));
      Files.deleteIfExists(record);
    }
    return removed;
  }

  static void record(String instanceId, String containerId) {
    ProcessHandle self = ProcessHandle.current();
    Properties owner = new Properties();
    owner.setProperty("instance", instanceId);
    owner.setProperty("container", containerId);
    owner.setProperty("pid", Long.toString(self.pid()));
    owner.setProperty("started", self.info().startInstant().map(Object::toString).orElse(""));
    try (OutputStream out = Files.newOutputStream(dir().resolve(instanceId + ".properties"))) {
      owner.store(out, "an ecs-emulator container and the test JVM that started it");
    } catch (IOException e) {
      System.err.println("ecs-emulator-testcontainers: cannot record the emulator container: " + e);
    }
  }

  static void forget(String instanceId) {
    try {
      Files.deleteIfExists(dir().resolve(instanceId + ".properties"));
    } catch (IOException e) {
      // A stale record only costs the next reaper a look.
    }
  }

  static Path dir() throws IOException {
    return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "ecs-emulator-testcontainers"));
  }

  /** Whether the recording process still runs (the same pid and start time: a reused pid is another process). */
  private static boolean alive(Properties owner) {
    Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(owner.getProperty("pid", "-1")));
    return process.isPresent() && process.get().isAlive()
        && process.get().info().startInstant().map(Object::toString).orElse("").equals(owner.getProperty("started"));
  }

  private static int remove(String instanceId, String emulatorContainer) {
    DockerClient docker = DockerClientFactory.instance().client();
    try {
      docker.removeContainerCmd(emulatorContainer).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException gone) {
      // Ryuk or a user removed it.
    }
    String label = INSTANCE_LABEL + "=" + instanceId;
    int removed = 0;
    for (var container : docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(label)).exec()) {
      try {
        docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
        removed++;
      } catch (NotFoundException gone) {
        removed++;
      }
    }
    removeNetworks(docker, instanceId);
    var volumes = docker.listVolumesCmd().withFilter("label", List.of(label)).exec().getVolumes();
    for (var volume : volumes == null ? List.<com.github.dockerjava.api.command.InspectVolumeResponse>of() : volumes) {
      try {
        docker.removeVolumeCmd(volume.getName()).exec();
      } catch (NotFoundException gone) {
        // already gone
      }
    }
    return removed;
  }

  /**
   * Removes the networks labelled with the instance, its task metadata endpoint network among them. One that another
   * emulator's tasks still use is kept: Docker refuses, and that emulator removes or adopts it later.
   */
  static void removeNetworks(DockerClient docker, String instanceId) {
    for (var network : docker.listNetworksCmd().withFilter("label", List.of(INSTANCE_LABEL + "=" + instanceId)).exec()) {
      try {
        docker.removeNetworkCmd(network.getId()).exec();
      } catch (NotFoundException gone) {
        // already gone
      } catch (ConflictException inUse) {
        // still used by another emulator's tasks
      }
    }
  }

  private static Properties read(Path record) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(record)) {
      properties.load(in);
      return properties.getProperty("instance") == null ? null : properties;
    } catch (IOException e) {
      return null;
    }
  }
}
