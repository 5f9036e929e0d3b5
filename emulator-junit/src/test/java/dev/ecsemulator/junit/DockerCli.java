package dev.ecsemulator.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code docker} command line, to look at what an emulator left on the engine, as a user would. */
final class DockerCli {

  private DockerCli() {
  }

  /** The IDs of every container (running or not) labelled with this emulator instance. */
  static List<String> containersOf(String instanceId) {
    return run("docker", "ps", "-aq", "--filter", "label=ecs-emulator.instance=" + instanceId);
  }

  /** Force-removes this instance's containers: the tests' own clean-up when the code under test did not. */
  static void removeContainersOf(String instanceId) {
    for (String id : containersOf(instanceId)) {
      run("docker", "rm", "-f", "-v", id);
    }
  }

  private static List<String> run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed");
      }
      return out.lines().filter(line -> !line.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
