package dev.ecsemulator.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.bench.process.JavaCommand;
import dev.ecsemulator.bench.process.ServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link LoadGenerator} in a separate JVM, so the load's own CPU and garbage collection are never counted
 * as the server's, and returns its {@link LoadResult}.
 */
public final class LoadRun {

  /** A small, fixed heap and the serial collector: the generator allocates little and must not take both cores. */
  private static final List<String> JVM_FLAGS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");

  private final String classpath;
  private final Path workDir;

  /**
   * @param classpath the classpath holding this module and its dependencies (the bench jar)
   * @param workDir where request bodies are written for the child
   */
  public LoadRun(String classpath, Path workDir) {
    this.classpath = classpath;
    this.workDir = workDir;
  }

  /**
   * Runs {@code spec} and waits for its result.
   *
   * @throws IllegalStateException when the generator fails or prints no result
   */
  public LoadResult run(LoadSpec spec) {
    return run(spec, null);
  }

  /**
   * Runs {@code spec} against {@code server} and adds the server's CPU time per request (its process's CPU time in
   * the measured window, divided by the requests of that window): a figure that other load on a shared machine
   * disturbs much less than throughput.
   */
  public LoadResult run(LoadSpec spec, ServerProcess server) {
    try {
      Files.createDirectories(workDir);
      Path bodyFile = Files.createTempFile(workDir, spec.request().operation(), ".json");
      Files.writeString(bodyFile, spec.request().body());
      List<String> command = new ArrayList<>(List.of(JavaCommand.java().toString()));
      command.addAll(JVM_FLAGS);
      command.addAll(List.of("-cp", classpath, LoadGenerator.class.getName(),
          "--host", spec.host(), "--port", String.valueOf(spec.port()),
          "--api", spec.request().api().signingName(), "--operation", spec.request().operation(),
          "--body-file", bodyFile.toString(),
          "--connections", String.valueOf(spec.connections()),
          "--warm-up-ms", String.valueOf(spec.warmUp().toMillis()),
          "--duration-ms", String.valueOf(spec.duration().toMillis())));
      if (spec.getPath() != null) {
        command.addAll(List.of("--get", spec.getPath()));
      }
      Path log = workDir.resolve("load-generator.log");
      Process process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      double[] cpu = new double[2];
      String last = null;
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.equals(LoadGenerator.WINDOW_START) && server != null) {
            cpu[0] = server.stats().cpuSeconds();
          } else if (line.equals(LoadGenerator.WINDOW_END) && server != null) {
            cpu[1] = server.stats().cpuSeconds();
          } else if (!line.isBlank()) {
            last = line;
          }
        }
      }
      long limit = spec.warmUp().plus(spec.duration()).toSeconds() + 120;
      if (!process.waitFor(limit, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the load generator did not finish within " + limit + " s");
      }
      Files.deleteIfExists(bodyFile);
      if (process.exitValue() != 0 || last == null) {
        throw new IllegalStateException("the load generator failed (exit " + process.exitValue() + "); see " + log);
      }
      LoadResult result = new ObjectMapper().readValue(last, LoadResult.class);
      return server == null ? result : result.withServerCpu(cpu[1] - cpu[0]);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run the load generator", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the load generator ran", e);
    }
  }
}
