package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.scheduler.task.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A pull that fails says so once, in the failure the caller gets (which a failed task logs in one line with its
 * reason), and logs no stack trace of its own: docker-java's callbacks log every error they see, with its trace, at
 * ERROR, once per pull. Pulls from a registry address where nothing listens, so the engine fails at once.
 */
class PullFailureLogDockerIT {

  static final DockerHarness harness = new DockerHarness();

  @AfterAll
  static void close() {
    harness.close();
  }

  @Test
  void aFailedPullLogsNoStackTrace() {
    String unreachable = "127.0.0.1:1/ecs-emulator-test/missing:" + DockerHarness.randomHex(4);

    try (LogCapture logs = new LogCapture()) {
      for (int pull = 0; pull < 2; pull++) {
        assertThatThrownBy(() -> harness.runtime.ensureImage(unreachable, PullPolicy.PREFER_CACHED))
            .isInstanceOfSatisfying(ContainerRuntimeException.class, e -> {
              assertThat(e.errorName()).isEqualTo(ContainerRuntimeException.ErrorName.CANNOT_PULL_CONTAINER);
              assertThat(e.reason()).startsWith("CannotPullContainerError: ").contains("127.0.0.1:1");
            });
      }

      assertThat(logs.lines()).as("what the pulls logged").noneMatch(l -> l.startsWith("\tat "))
          .noneMatch(l -> l.contains(" ERROR ")).noneMatch(l -> l.contains("Error during callback"));
    }
  }
}
