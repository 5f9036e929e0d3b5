package dev.ecsemulator.bench;

import dev.ecsemulator.bench.load.LoadRun;
import dev.ecsemulator.bench.process.EmulatorLauncher;
import dev.ecsemulator.bench.process.JavaCommand;
import dev.ecsemulator.bench.process.MotoProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every benchmark gets: the options, a launcher for the emulator's jar, the baseline, the load generator,
 * and a progress log.
 */
public final class BenchContext implements AutoCloseable {

  /** The flags bin/ecs-emulator passes along with its class data sharing archive (see that script). */
  public static final List<String> CDS_LOG_FLAGS = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

  private final BenchOptions options;
  private final Optional<String> motoVersion;
  private final PrintStream progress;

  public BenchContext(BenchOptions options, Optional<String> motoVersion, PrintStream progress) {
    this.options = options;
    this.motoVersion = motoVersion;
    this.progress = progress;
  }

  public BenchOptions options() {
    return options;
  }

  /** Starts the emulator jar with no JVM flags (plain {@code java -jar}). */
  public EmulatorLauncher launcher() {
    return new EmulatorLauncher(options.jar(), options.workDir());
  }

  /**
   * The launcher every benchmark but start-up uses: the class data sharing archive when there is one (as bin/ecs-emulator
   * runs the jar) and {@code --emulator-arg}s.
   */
  public EmulatorLauncher taskLauncher() {
    return launcher().withJvmFlags(cdsFlags().orElse(binJvmOptions())).withArgs(options.emulatorArgs());
  }

  /**
   * JVM flags as bin/ecs-emulator runs the jar: its JVM options ({@code bin/lib/jvm-options}) and its class data
   * sharing archive; empty when there is no usable archive.
   */
  public Optional<List<String>> cdsFlags() {
    return options.cdsArchive().map(jsa -> {
      List<String> flags = new ArrayList<>(binJvmOptions());
      flags.add("-XX:SharedArchiveFile=" + jsa);
      flags.addAll(CDS_LOG_FLAGS);
      return List.copyOf(flags);
    });
  }

  /**
   * bin/ecs-emulator's JVM options: the lines of {@code bin/lib/jvm-options} in the repository the jar was built in
   * (its {@code emulator-api/target/}), but blank lines and comments; none if there is no such file.
   */
  public List<String> binJvmOptions() {
    Path root = options.jar().toAbsolutePath().normalize().getParent().getParent().getParent();
    Path file = root == null ? null : root.resolve("bin/lib/jvm-options");
    if (file == null || !Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file).stream().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** moto's version when the baseline can run, else empty (the report then says so). */
  public Optional<String> motoVersion() {
    return motoVersion;
  }

  public MotoProcess startMoto() {
    return MotoProcess.start(options.python(), options.workDir());
  }

  /** Runs load generators as separate JVMs from the harness's own classpath. */
  public LoadRun loadRun() {
    return new LoadRun(JavaCommand.ownClasspath(), options.workDir().resolve("load"));
  }

  public void log(String message) {
    progress.println("bench: " + message);
    progress.flush();
  }

  @Override
  public void close() {
    // Every benchmark stops what it starts; nothing is shared between them any more.
  }
}
