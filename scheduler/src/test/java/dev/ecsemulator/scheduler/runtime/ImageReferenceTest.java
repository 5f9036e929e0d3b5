package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Image references split as Docker splits them, ECR URIs, and the pull policies' decisions. */
class ImageReferenceTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "null", value = {
      "nginx, null, nginx, null, null, nginx, latest",
      "nginx:1.25, null, nginx, 1.25, null, nginx, 1.25",
      "library/nginx:1, null, library/nginx, 1, null, library/nginx, 1",
      "127.0.0.1:5000/team/app:v2, 127.0.0.1:5000, team/app, v2, null, 127.0.0.1:5000/team/app, v2",
      "localhost/app, localhost, app, null, null, localhost/app, latest",
      "registry.example.com:443/app@sha256:abc, registry.example.com:443, app, null, sha256:abc, registry.example.com:443/app, sha256:abc",
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:7, 123456789012.dkr.ecr.eu-west-1.amazonaws.com, team/app, 7, null, 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app, 7"})
  void splitsReferences(String image, String registry, String repository, String tag, String digest,
      String pullRepository, String pullTag) {
    ImageReference reference = ImageReference.parse(image);

    assertThat(reference).isEqualTo(new ImageReference(registry, repository, tag, digest));
    assertThat(reference.repositoryWithRegistry()).isEqualTo(pullRepository);
    assertThat(reference.tagOrDigest()).isEqualTo(pullTag);
    assertThat(reference.toString()).isEqualTo(image);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "null", value = {
      "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1, app:1",
      "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app, team/app",
      "123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app:2, app:2",
      "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:3, app:3",
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:ff, app@sha256:ff",
      "public.ecr.aws/nginx/nginx:1, null",
      "12345.dkr.ecr.us-east-1.amazonaws.com/app:1, null",
      "app:1, null"})
  void ecrUrisStandForALocalRepoAndTag(String image, String alias) {
    assertThat(ImageReference.parse(image).ecrLocalAlias().orElse(null)).isEqualTo(alias);
  }

  @ParameterizedTest(name = "{0}: cached={1} pulledBefore={2} -> pull {3}")
  @CsvSource({
      "PREFER_CACHED, true, false, false", "PREFER_CACHED, false, false, true", "PREFER_CACHED, true, true, false",
      "ALWAYS, true, true, true", "ALWAYS, false, false, true",
      "ONCE, true, true, false", "ONCE, true, false, true", "ONCE, false, true, true"})
  void policiesDecideWhenToPull(PullPolicy policy, boolean cached, boolean pulledBefore, boolean pull) {
    assertThat(policy.shouldPull(cached, pulledBefore)).isEqualTo(pull);
  }

  @ParameterizedTest
  @EnumSource(PullPolicy.class)
  void policiesParseFromTheirSetting(PullPolicy policy) {
    assertThat(PullPolicy.parse(policy.setting())).isEqualTo(policy);
    assertThat(PullPolicy.parse(policy.setting().toUpperCase())).isEqualTo(policy);
  }
}
