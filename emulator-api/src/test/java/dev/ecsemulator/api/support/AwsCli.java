package dev.ecsemulator.api.support;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
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
 * An AWS CLI run as a process against an emulator: v1 from pip as {@code aws} on the PATH, v2 from Debian's awscli as
 * {@code /usr/bin/aws}. The machine's own AWS configuration is kept out: credentials {@code test}, region us-east-1,
 * JSON output, no pager.
 */
public final class AwsCli {

  /** What the CLI printed and its exit code (0, or 254/255 for an AWS error, as the CLI has it). */
  public record Result(int exitCode, String stdout, String stderr) {}

  private AwsCli() {}

  /**
   * {@code cli} if it is installed; else the test is skipped (an assumption), saying which CLI is missing and what
   * provides it.
   */
  public static Path installed(String cli) {
    Optional<Path> binary = locate(cli);
    assumeTrue(binary.isPresent(), cli + " is not installed: this AWS CLI is skipped (bin/test installs Debian's "
        + "awscli for /usr/bin/aws; pip's awscli provides aws)");
    return binary.get();
  }

  /** {@code cli} as given if it is a path, else the first executable of that name on the PATH. */
  public static Optional<Path> locate(String cli) {
    if (cli.contains("/")) {
      Path path = Path.of(cli);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    String pathVariable = System.getenv().getOrDefault("PATH", "");
    return Stream.of(pathVariable.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, cli))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * Runs {@code binary --endpoint-url URL --output json ARGS...}, its output kept in {@code work}; fails the test if it
   * does not finish within 120 s.
   */
  public static Result run(Path binary, String endpointUrl, Path work, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--endpoint-url", endpointUrl,
        "--output", "json"));
    command.addAll(List.of(args));
    File out = work.resolve("stdout").toFile();
    File err = work.resolve("stderr").toFile();
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
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
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within 120 s");
    }
    return new Result(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }
}
