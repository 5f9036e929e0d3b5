package dev.ecsemulator.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The machine a run was measured on, as the report states it. Read from {@code /proc}, the JVM and the Docker
 * client; a fact that cannot be read is "unknown", never a failure.
 */
public record MachineFacts(String cpuModel, int cores, String memory, String kernel, String os, String java,
    String docker, String baseline) {

  private static final String UNKNOWN = "unknown";

  /** @param baseline what the baseline is, e.g. "moto 5.2.1 (python3)", or why there is none */
  public static MachineFacts read(String baseline) {
    return new MachineFacts(readCpuModel(), Runtime.getRuntime().availableProcessors(), readMemory(),
        readFirstLine(Path.of("/proc/sys/kernel/osrelease")).orElse(System.getProperty("os.version")), readOs(),
        System.getProperty("java.vm.vendor", "") + " " + System.getProperty("java.vm.name", "") + " "
            + System.getProperty("java.runtime.version", System.getProperty("java.version")),
        readDocker(), baseline);
  }

  /** The 1, 5 and 15 minute load averages now, e.g. "1.52 1.20 0.97", from {@code /proc/loadavg}. */
  public static String loadAverage() {
    return readFirstLine(Path.of("/proc/loadavg"))
        .map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 3)))
        .orElse(UNKNOWN);
  }

  private static String readCpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse(UNKNOWN);
    } catch (IOException e) {
      return UNKNOWN;
    }
  }

  private static String readMemory() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemTotal:"))
          .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024.0 * 1024.0)))
          .findFirst().orElse(UNKNOWN);
    } catch (IOException e) {
      return UNKNOWN;
    }
  }

  private static String readOs() {
    try {
      return Files.readAllLines(Path.of("/etc/os-release")).stream()
          .filter(l -> l.startsWith("PRETTY_NAME="))
          .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", ""))
          .findFirst().orElse(System.getProperty("os.name"));
    } catch (IOException e) {
      return System.getProperty("os.name");
    }
  }

  private static String readDocker() {
    return run(List.of("docker", "version", "--format",
        "{{.Server.Version}} (API {{.Server.APIVersion}}, client {{.Client.Version}})"))
        .orElse("no engine answered");
  }

  private static Optional<String> readFirstLine(Path file) {
    try {
      return Files.readAllLines(file).stream().findFirst().map(String::trim);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A command's whole output, stripped; empty if it fails, prints nothing or takes over 30 s. */
  public static Optional<String> run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(out);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
