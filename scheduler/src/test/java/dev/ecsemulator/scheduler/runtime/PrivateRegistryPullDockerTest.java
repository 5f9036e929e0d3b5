package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pulls from a private registry on loopback that asks for basic auth: with the credentials a task's
 * {@code repositoryCredentials} secret holds (handed to Docker as the pull's auth), and without them.
 */
class PrivateRegistryPullDockerTest {

  static final String USER = "ci";
  static final String PASSWORD = "registry-pass-7d2e";
  /** bcrypt of {@link #PASSWORD}, as distribution's htpasswd wants it (a test fixture, not a secret). */
  static final String HTPASSWD = USER + ":$2b$10$hpQqngWZdMxQy3Zqmdev..wVoYhk6ahcTBhXe7wDh5KQLP3CbJuqu";

  static final DockerHarness harness = new DockerHarness();
  static LoopbackRegistry registry;
  static String pushed;

  @BeforeAll
  static void pushTheSampleImageWithCredentials() throws Exception {
    Path binary = LoopbackRegistry.binary().orElse(null);
    assumeTrue(binary != null, "docker-registry is not installed (bin/lib/ensure-docker.sh installs it on Debian)");
    registry = LoopbackRegistry.start(binary, HTPASSWD);
    String repository = registry.address() + "/ecs-emulator-test/private-web";
    String tag = DockerHarness.randomHex(4);
    pushed = harness.tag(repository + ":" + tag);
    harness.docker.tagImageCmd(DockerHarness.SAMPLE, repository, tag).exec();
    harness.docker.pushImageCmd(repository).withTag(tag)
        .withAuthConfig(new AuthConfig().withUsername(USER).withPassword(PASSWORD)
            .withRegistryAddress(registry.address()))
        .exec(new ResultCallback.Adapter<PushResponseItem>() {
          @Override
          public void onNext(PushResponseItem item) {
            if (item.isErrorIndicated()) {
              throw new IllegalStateException("push failed: " + item.getErrorDetail());
            }
          }
        }).awaitCompletion();
    untag();
  }

  static void untag() {
    try {
      harness.docker.removeImageCmd(pushed).exec(); // the sample image keeps its own tag
    } catch (NotFoundException gone) {
      // not there
    }
  }

  @AfterAll
  static void close() {
    harness.close();
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void aPrivateImageIsPulledWithTheCredentialsAndRefusedWithout() {
    untag();
    assertThatThrownBy(() -> harness.runtime.ensureImage(pushed, PullPolicy.ALWAYS))
        .isInstanceOfSatisfying(ContainerRuntimeException.class, e ->
            assertThat(e.reason()).startsWith("CannotPullContainerError: Error response from daemon: "));
    assertThatThrownBy(() -> harness.runtime.ensureImage(pushed, PullPolicy.ALWAYS, new RegistryAuth(USER, "wrong")))
        .isInstanceOf(ContainerRuntimeException.class);

    LocalImage image = harness.runtime.ensureImage(pushed, PullPolicy.ALWAYS, new RegistryAuth(USER, PASSWORD));

    assertThat(image.pulled()).isTrue();
    assertThat(image.id()).isEqualTo(harness.docker.inspectImageCmd(DockerHarness.SAMPLE).exec().getId());
  }
}
