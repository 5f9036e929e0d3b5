package dev.ecsemulator.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** The local Docker engine's process ({@code dockerd}), to read its CPU time from {@code /proc}. Linux only. */
public final class Dockerd {

  private Dockerd() {}

  /** The PID of a process named {@code dockerd} on this machine; empty when none is visible (a remote engine). */
  public static OptionalLong pid() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(p -> "dockerd".equals(comm(p)))
          .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
          .min();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** The CPU time (user + system) dockerd has used so far; 0 when it is not visible. */
  public static double cpuSeconds(OptionalLong pid) {
    return pid.isPresent() ? ProcessStats.of(pid.getAsLong()).cpuSeconds() : 0;
  }

  private static String comm(Path process) {
    try {
      return Files.readString(process.resolve("comm")).strip();
    } catch (IOException gone) {
      return "";
    }
  }
}
