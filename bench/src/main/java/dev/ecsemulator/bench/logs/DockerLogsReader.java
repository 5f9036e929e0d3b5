package dev.ecsemulator.bench.logs;

import dev.ecsemulator.bench.process.ProcessStats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The baseline reader: {@code docker logs --follow --timestamps ID}, the Docker CLI as a process, its output read
 * here line by line until it ends (the container stopped). Records when the last line arrived and the first line's
 * Docker timestamp, and the CLI's own CPU time.
 */
final class DockerLogsReader {

  /** What one reading saw. */
  record Read(long lines, long firstTimestampMillis, long lastArrivedMillis, double cliCpuSeconds) {}

  private DockerLogsReader() {}

  /** Reads the container's output to its end; at most {@code timeout}. */
  static Read follow(String containerId, Duration timeout) {
    Process cli;
    try {
      cli = new ProcessBuilder(List.of("docker", "logs", "--follow", "--timestamps", containerId))
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run docker logs", e);
    }
    long lines = 0;
    long first = -1;
    long lastArrived = -1;
    double cpu = 0;
    long deadline = System.nanoTime() + timeout.toNanos();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (first < 0) {
          first = Instant.parse(line.substring(0, line.indexOf(' '))).toEpochMilli();
        }
        lines++;
        lastArrived = System.currentTimeMillis();
        if (lines % 1000 == 0) {
          cpu = ProcessStats.of(cli.pid()).cpuSeconds(); // read while it lives: /proc forgets it at its end
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("docker logs did not end within " + timeout.toSeconds() + " s");
        }
      }
      try {
        cpu = ProcessStats.of(cli.pid()).cpuSeconds(); // the last lines' share, if it has not gone yet
      } catch (UncheckedIOException gone) {
        // ended already: the figure from the last thousand lines stands
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading docker logs failed", e);
    } finally {
      cli.destroyForcibly();
      try {
        cli.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return new Read(lines, first, lastArrived, cpu);
  }
}
