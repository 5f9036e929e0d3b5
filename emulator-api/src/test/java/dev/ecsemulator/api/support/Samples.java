package dev.ecsemulator.api.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's sample files, found from the module a test runs in. */
public final class Samples {

  /** The production task definition (docs/task-definitions-and-tasks.md), a body for the CLI's --cli-input-json. */
  public static final String PRODUCTION_FARGATE = "samples/task-definitions/production-fargate.json";

  private Samples() {}

  /** {@code relative} (e.g. {@link #PRODUCTION_FARGATE}) in the first directory above the working one that has it. */
  public static Path find(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
