package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.model.AuthConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Pulls for real, from a registry on loopback: the sample image pushed there and removed locally is pulled
 * back; pull policies; a missing image fails as ECS says; a registry that asks for basic auth is pulled from with
 * a task's registry credentials; ECR URIs resolve to a local repository and tag.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImagePullDockerIT {

  static final DockerHarness harness = new DockerHarness();
  static Path binary;
  static LoopbackRegistry registry;
  static String pushed;
  static String sampleId;

  @BeforeAll
  static void pushTheSampleImage() throws Exception {
    binary = LoopbackRegistry.binary().orElse(null);
    assumeTrue(binary != null, "docker-registry is not installed (bin/lib/ensure-docker.sh installs it on Debian)");
    registry = LoopbackRegistry.start(binary);
    sampleId = harness.docker.inspectImageCmd(DockerHarness.SAMPLE).exec().getId();
    pushed = registry.pushSample(harness, "ecs-emulator-test/sample-web", null);
  }

  static void untag(String tag) {
    harness.untag(tag);
  }

  @AfterAll
  static void close() {
    harness.close();
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void aPulledImageComesBackFromTheRegistryAndIsThenCached() {
    untag(pushed);
    assertThat(harness.docker.listImagesCmd().exec()).noneMatch(i -> i.getRepoTags() != null
        && java.util.Arrays.asList(i.getRepoTags()).contains(pushed));

    LocalImage first = harness.runtime.ensureImage(pushed, PullPolicy.PREFER_CACHED);
    LocalImage second = harness.runtime.ensureImage(pushed, PullPolicy.PREFER_CACHED);
    LocalImage once = harness.runtime.ensureImage(pushed, PullPolicy.ONCE);

    assertThat(first.pulled()).isTrue();
    assertThat(first.reference()).isEqualTo(pushed);
    assertThat(first.id()).isEqualTo(sampleId);
    assertThat(second.pulled()).isFalse();
    assertThat(once.pulled()).as("pulled once by this emulator already").isFalse();
    assertThat(harness.runtime.ensureImage(pushed, PullPolicy.ALWAYS).pulled()).isTrue();
  }

  @Test
  void aMissingImageFailsWithCannotPullContainerError() {
    String missing = registry.address() + "/ecs-emulator-test/missing:nope";

    assertThatThrownBy(() -> harness.runtime.ensureImage(missing, PullPolicy.PREFER_CACHED))
        .isInstanceOfSatisfying(ContainerRuntimeException.class, e -> {
          assertThat(e.errorName()).isEqualTo(ContainerRuntimeException.ErrorName.CANNOT_PULL_CONTAINER);
          assertThat(e.reason()).startsWith("CannotPullContainerError: Error response from daemon: ")
              .contains("ecs-emulator-test/missing");
          System.out.println(e.reason());
        });
  }

  @Test
  void aPrivateImageIsPulledWithTheTasksCredentialsAndRefusedWithout() throws Exception {
    String user = "ci";
    String password = "registry-pass-7d2e";
    // bcrypt of the password, as distribution's htpasswd wants it (a test fixture, not a secret)
    String htpasswd = user + ":$2b$10$hpQqngWZdMxQy3Zqmdev..wVoYhk6ahcTBhXe7wDh5KQLP3CbJuqu";
    try (LoopbackRegistry secured = LoopbackRegistry.start(binary, htpasswd)) {
      String image = secured.pushSample(harness, "ecs-emulator-test/private-web",
          new AuthConfig().withUsername(user).withPassword(password).withRegistryAddress(secured.address()));

      assertThatThrownBy(() -> harness.runtime.ensureImage(image, PullPolicy.ALWAYS))
          .isInstanceOfSatisfying(ContainerRuntimeException.class, e -> assertThat(e.reason())
              .startsWith("CannotPullContainerError: Error response from daemon: ").contains("no basic auth"));
      assertThatThrownBy(() -> harness.runtime.ensureImage(image, PullPolicy.ALWAYS, new RegistryAuth(user, "wrong")))
          .isInstanceOf(ContainerRuntimeException.class);
      LocalImage pulled = harness.runtime.ensureImage(image, PullPolicy.ALWAYS, new RegistryAuth(user, password));

      assertThat(pulled.pulled()).isTrue();
      assertThat(pulled.id()).isEqualTo(sampleId);
    }
  }

  @Test
  void ecrUrisResolveToTheLocalRepositoryAndTag() {
    String local = harness.tag("ecs-emulator-test/ecr-app:" + DockerHarness.randomHex(4));
    harness.docker.tagImageCmd(DockerHarness.SAMPLE, local.substring(0, local.indexOf(':')),
        local.substring(local.indexOf(':') + 1)).exec();

    LocalImage image = harness.runtime.ensureImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/" + local,
        PullPolicy.ALWAYS);

    assertThat(image.reference()).isEqualTo(local);
    assertThat(image.id()).isEqualTo(sampleId);
    assertThat(image.pulled()).isFalse();
  }

  @Test
  @Order(Integer.MAX_VALUE) // stops the registry
  void alwaysFallsBackToTheCachedImageWhenTheRegistryIsGone() {
    harness.runtime.ensureImage(pushed, PullPolicy.PREFER_CACHED);
    registry.stop();

    LocalImage image = harness.runtime.ensureImage(pushed, PullPolicy.ALWAYS);

    assertThat(image.id()).isEqualTo(sampleId);
    assertThat(image.pulled()).as("a pull was attempted").isTrue();
    untag(pushed);
    assertThatThrownBy(() -> harness.runtime.ensureImage(pushed, PullPolicy.ALWAYS))
        .isInstanceOfSatisfying(ContainerRuntimeException.class,
            e -> assertThat(e.reason()).startsWith("CannotPullContainerError: "));
  }
}
