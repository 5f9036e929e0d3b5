package dev.ecsemulator.core.hostaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which host paths a task may bind without --allow-host-access. */
class HostPathPolicyTest {

  static final HostPathPolicy POLICY = HostPathPolicy.lexical("/home/dev", List.of("/tmp", "/var/tmp"),
      List.of("/var/run/docker.sock", "/home/dev/ecs-data"));

  @ParameterizedTest
  @ValueSource(strings = {"/home/dev/project", "/home/dev/project/src/../data", "/home/dev/work/.git",
      "/tmp/build-42", "/tmp/x/y", "/var/tmp/cache", "//home//dev/./project/", "data-volume", "relative/dir"})
  void projectDirectoriesAndScratchSpaceAreAllowed(String path) {
    assertThat(POLICY.allows(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/etc", "/etc/passwd", "/proc", "/sys/fs/cgroup", "/dev/sda1", "/var/run/docker.sock",
      "/run/docker.sock", "/var/lib/docker", "/root", "/boot", "/usr/bin", "/var", "/var/log",
      "/home", "/home/other/project", "/home/dev", "/home/dev/", "/home/dev/.ssh", "/home/dev/.docker/run/docker.sock",
      "/home/dev/.bashrc", "/home/dev/ecs-data", "/home/dev/ecs-data/state", "/tmp", "/tmp/.X11-unix",
      "/tmp/ssh-XXXXabcd/agent.1", "/tmp/systemd-private-1-nginx/tmp", "/var/tmp", "/home/dev/project/../../../etc",
      "/tmp/../etc", "/srv/data", "/opt/app", "/mnt/c"})
  void theSystemOtherUsersCredentialsAndTheRootsThemselvesAreNot(String path) {
    assertThat(POLICY.allows(path)).isFalse();
  }

  @Test
  void aDirectoryAboveAProtectedPathIsRefusedEvenInsideTheAllowList() {
    HostPathPolicy policy = HostPathPolicy.lexical("/home/dev", List.of("/tmp"), List.of("/tmp/engine/docker.sock"));

    assertThat(policy.allows("/tmp/engine")).isFalse();
    assertThat(policy.allows("/tmp/engine/docker.sock")).isFalse();
    assertThat(policy.allows("/tmp/other")).isTrue();
  }

  @Test
  void pathsAreJudgedWhereTheirLinksLead() {
    Map<String, String> links = Map.of("/tmp/innocent", "/etc", "/home/dev/link-to-project", "/home/dev/project");
    HostPathPolicy policy = new HostPathPolicy("/home/dev", List.of("/tmp"), List.of(),
        path -> links.getOrDefault(path, path));

    assertThat(policy.allows("/tmp/innocent")).isFalse();
    assertThat(policy.allows("/home/dev/link-to-project")).isTrue();
  }

  @Test
  void theRootsAreResolvedToo() {
    // macOS: /tmp is a link to /private/tmp, and the engine binds the real path.
    HostPathPolicy policy = new HostPathPolicy("/Users/dev", List.of("/tmp"), List.of(),
        path -> path.startsWith("/tmp") ? "/private" + path : path);

    assertThat(policy.allows("/tmp/build")).isTrue();
    assertThat(policy.allows("/private/tmp/build")).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"/", "/root/..", "/var/lib", "/etc"})
  void aHomeThatIsTheSystemCountsForNothing(String home) {
    HostPathPolicy policy = HostPathPolicy.lexical(home, List.of(), List.of());

    assertThat(policy.allows("/etc/shadow")).isFalse();
    assertThat(policy.allows("/var/lib/docker")).isFalse();
  }

  @Test
  void aRootThatResolvesToTheSystemCountsForNothing() {
    // What a resolver answers for a path it cannot read.
    HostPathPolicy policy = new HostPathPolicy("/home/dev", List.of("/tmp"), List.of(),
        path -> path.startsWith("/tmp") || path.startsWith("/home") ? "/" : path);

    assertThat(policy.allows("/etc/shadow")).isFalse();
    assertThat(policy.allows("/tmp/x")).isFalse();
  }

  @Test
  void rootsHomeIsAHomeLikeAnyOther() {
    HostPathPolicy policy = HostPathPolicy.lexical("/root", List.of(), List.of());

    assertThat(policy.allows("/root/project")).isTrue();
    assertThat(policy.allows("/root/.ssh/id_rsa")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"/a/b/../c, /a/c", "/.., /", "//x///y/, /x/y", "/a/./b/., /a/b", "/, /"})
  void normalizationIsPosixOnTheString(String path, String normalized) {
    assertThat(HostPathPolicy.normalize(path)).isEqualTo(normalized);
  }
}
