package dev.ecsemulator.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the emulator's packaged jar as its own process, the way users run it ({@code java [flags] -jar
 * ecs-emulator.jar --port 0 --data-dir DIR}), each time with a fresh data directory (so a fresh instance ID and
 * labels of its own). Immutable; {@code with*} return copies.
 *
 * <p>Example: {@code launcher.withJvmFlags(List.of("-XX:SharedArchiveFile=" + jsa)).start()}.
 */
public final class EmulatorLauncher {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final Path jar;
  private final Path workDir;
  private final List<String> jvmFlags;
  private final List<String> args;

  /**
   * @param jar {@code emulator-api/target/ecs-emulator.jar}
   * @param workDir where data directories and logs go
   */
  public EmulatorLauncher(Path jar, Path workDir) {
    this(jar, workDir, List.of(), List.of());
  }

  private EmulatorLauncher(Path jar, Path workDir, List<String> jvmFlags, List<String> args) {
    this.jar = jar;
    this.workDir = workDir;
    this.jvmFlags = List.copyOf(jvmFlags);
    this.args = List.copyOf(args);
  }

  /** JVM options before {@code -jar}, e.g. a class data sharing archive or a flight recording. */
  public EmulatorLauncher withJvmFlags(List<String> flags) {
    return new EmulatorLauncher(jar, workDir, flags, args);
  }

  /** Emulator options after the jar, besides {@code --port 0 --data-dir DIR}. */
  public EmulatorLauncher withArgs(List<String> extra) {
    return new EmulatorLauncher(jar, workDir, jvmFlags, extra);
  }

  public Path jar() {
    return jar;
  }

  /** The emulator options besides {@code --port 0 --data-dir DIR}. */
  public List<String> args() {
    return args;
  }

  public List<String> jvmFlags() {
    return jvmFlags;
  }

  /**
   * The command line as reports show it: {@code java}, paths relative to the working directory (the repository
   * root under bin/bench), a placeholder for the data directory.
   */
  public String commandLine() {
    List<String> command = command(Path.of("DATA_DIR"));
    command.set(0, "java");
    String root = Path.of("").toAbsolutePath() + "/";
    return String.join(" ", command).replace(root, "");
  }

  /**
   * Starts the emulator and waits for its ready line.
   *
   * @throws IllegalStateException when it exits or does not say it is ready within two minutes
   */
  public EmulatorProcess start() {
    try {
      Files.createDirectories(workDir);
      Path dataDir = Files.createTempDirectory(workDir, "emulator-data-");
      Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
      ProcessBuilder builder = new ProcessBuilder(command(dataDir))
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      long launched = System.nanoTime();
      Process process = builder.start();
      OutputWatcher output = new OutputWatcher("ecs-emulator", process.getInputStream(), log,
          line -> line.contains(" ready at http"), true);
      try {
        OutputWatcher.ReadyLine ready = output.awaitReady(READY_TIMEOUT);
        return new EmulatorProcess(process, EmulatorProcess.urlIn(ready.line()), dataDir, log, launched,
            ready.nanos());
      } catch (RuntimeException e) {
        process.destroyForcibly();
        throw new IllegalStateException("the emulator did not start (log: " + log + "): " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the emulator from " + jar, e);
    }
  }

  private List<String> command(Path dataDir) {
    List<String> command = new ArrayList<>();
    command.add(JavaCommand.java().toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-jar", jar.toString(), "--port", "0", "--data-dir", dataDir.toString()));
    command.addAll(args);
    return command;
  }
}
