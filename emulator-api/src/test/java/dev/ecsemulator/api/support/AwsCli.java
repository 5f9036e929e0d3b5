package dev.ecsemulator.api.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An AWS CLI found on this machine (v1 from pip as {@code aws} on the PATH, v2 from Debian's awscli as
 * {@code /usr/bin/aws}), run against an emulator with test credentials and none of the machine's own AWS configuration.
 * Its output goes to files in a work directory, so a long-running command ({@code logs tail --follow}) can be read while
 * it runs.
 */
public final class AwsCli {

  /** How long {@link #run} waits for a command before failing it. */
  static final long TIMEOUT_SECONDS = 120;

  private final Path binary;

  private AwsCli(Path binary) {
    this.binary = binary;
  }

  /** {@code cli} as a path, or a name looked up on the PATH; empty when not installed. */
  public static Optional<AwsCli> find(String cli) {
    if (cli.contains("/")) {
      Path path = Path.of(cli);
      return Files.isExecutable(path) ? Optional.of(new AwsCli(path)) : Optional.empty();
    }
    String pathVariable = System.getenv().getOrDefault("PATH", "");
    return Stream.of(pathVariable.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, cli))
        .filter(Files::isExecutable)
        .findFirst()
        .map(AwsCli::new);
  }

  /**
   * {@code cli} if it is installed; else the test is skipped (an assumption), saying which CLI is missing and what
   * provides it.
   */
  public static AwsCli installed(String cli) {
    Optional<AwsCli> found = find(cli);
    org.junit.jupiter.api.Assumptions.assumeTrue(found.isPresent(), cli + " is not installed: this AWS CLI is skipped "
        + "(bin/test installs Debian's awscli for /usr/bin/aws; pip's awscli provides aws)");
    return found.get();
  }

  /** What a finished command printed. */
  public record Result(int exitCode, String stdout, String stderr) {}

  /** A command under way; {@link #stdout()} reads what it printed so far. */
  public static final class Running implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    Running(Process process, Path stdout, Path stderr) {
      this.process = process;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    public Process process() {
      return process;
    }

    public String stdout() {
      return read(stdout);
    }

    public String stderr() {
      return read(stderr);
    }

    /** Kills the command (and waits for it to go). */
    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  public Path binary() {
    return binary;
  }

  /** Runs {@code aws --endpoint-url ENDPOINT --output json ARGS...} to the end (at most 120 s, else it fails). */
  public Result runJson(String endpoint, Path work, String... args) {
    List<String> command = new ArrayList<>(List.of("--output", "json"));
    command.addAll(List.of(args));
    return run(endpoint, work, command.toArray(String[]::new));
  }

  /** Runs {@code aws --endpoint-url ENDPOINT ARGS...} to the end (at most 120 s, else it fails). */
  public Result run(String endpoint, Path work, String... args) {
    try (Running running = start(endpoint, work, args)) {
      if (!running.process().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError(String.join(" ", args) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(running.process().exitValue(), running.stdout(), running.stderr());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts {@code aws --endpoint-url ENDPOINT ARGS...}; the caller closes it. */
  public Running start(String endpoint, Path work, String... args) {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--endpoint-url", endpoint));
    command.addAll(List.of(args));
    Path out = work.resolve("stdout-" + System.nanoTime());
    Path err = work.resolve("stderr-" + System.nanoTime());
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> env = builder.environment();
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_PAGER", "");
    // Keep the machine's own AWS configuration out of the test.
    env.put("AWS_CONFIG_FILE", work.resolve("no-config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
    env.remove("AWS_PROFILE");
    env.remove("AWS_SESSION_TOKEN");
    try {
      return new Running(builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
