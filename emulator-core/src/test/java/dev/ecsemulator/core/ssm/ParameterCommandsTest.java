package dev.ecsemulator.core.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.ssm.error.ParameterPatternMismatchException;
import dev.ecsemulator.core.ssm.error.ParameterVersionLabelLimitExceeded;
import dev.ecsemulator.core.ssm.model.LabelParameterVersionRequest;
import dev.ecsemulator.core.ssm.model.PutParameterRequest;
import dev.ecsemulator.core.state.Change;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.state.KindRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The commands over a real in-memory store: each call is one commit or none, and stores what AWS keeps. */
class ParameterCommandsTest {

  static final Scope SCOPE = new Scope("000000000000", "us-east-1");
  static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

  final InMemoryStateStore store = new InMemoryStateStore(KindRegistry.of(SsmKinds.all()));
  final ParameterCommands commands = new ParameterCommands(store, Clock.fixed(NOW, ZoneOffset.UTC), new Random(7));
  final List<List<Change>> commits = new ArrayList<>();

  ParameterCommandsTest() {
    store.subscribe(commits::add);
  }

  void put(String name, String value, String type, boolean overwrite) {
    commands.put(SCOPE, PutParameterRequest.builder().name(name).value(value).type(type).overwrite(overwrite)
        .allowedPattern(type == null ? null : "[a-z0-9]+").build());
  }

  StoredParameterVersion version(String name, long number) {
    return store.read(SCOPE, view -> ParameterTable.version(view, ParameterTable.require(view, name), number))
        .orElseThrow();
  }

  @Test
  void aPutIsOneCommitOfTheHeadAndTheNewVersion() {
    put("/app/secret", "first", "SecureString", false);

    assertThat(commits).hasSize(1);
    assertThat(commits.get(0)).extracting(change -> change.kind().name())
        .containsExactlyInAnyOrder("ssm-parameter", "ssm-parameter-version");
    StoredParameterVersion stored = version("/app/secret", 1);
    assertThat(stored.lastModifiedDate()).isEqualTo(NOW);
    assertThat(stored.keyId()).isEqualTo("alias/aws/ssm");
    assertThat(stored.ciphertext()).startsWith("AQICAH").doesNotContain("first");
    assertThat(stored.value(false)).isEqualTo(stored.ciphertext());
    assertThat(stored.value(true)).isEqualTo("first");
  }

  @Test
  void aRefusedCallCommitsNothing() {
    put("/app/p", "ok1", "String", false);
    commits.clear();

    assertThatThrownBy(() -> put("/app/p", "NOT-OK", null, true))
        .as("the allowed pattern of version 1 holds for version 2").isInstanceOf(ParameterPatternMismatchException.class);
    assertThat(commits).isEmpty();
    long latest = store.read(SCOPE, view -> ParameterTable.require(view, "/app/p").latestVersion());
    assertThat(latest).isEqualTo(1L);
  }

  @Test
  void movingALabelIsOneCommitAndARefusedLabelCommitsNothing() {
    put("/app/l", "v1", "String", false);
    put("/app/l", "v2", null, true);
    commands.label(SCOPE, new LabelParameterVersionRequest(List.of("prod"), "/app/l", 1L));
    commits.clear();

    commands.label(SCOPE, new LabelParameterVersionRequest(List.of("prod"), "/app/l", 2L));

    assertThat(commits).hasSize(1);
    assertThat(version("/app/l", 1).labels()).isEmpty();
    assertThat(version("/app/l", 2).labels()).containsExactly("prod");
    commits.clear();
    List<String> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add("l" + i);
    }
    assertThatThrownBy(() -> commands.label(SCOPE, new LabelParameterVersionRequest(eleven, "/app/l", 1L)))
        .isInstanceOf(ParameterVersionLabelLimitExceeded.class);
    assertThat(commits).isEmpty();
  }

  @Test
  void theHundredAndFirstVersionRemovesTheOldestInTheSameCommit() {
    put("/app/v", "v1", "String", false);
    for (int i = 2; i <= 100; i++) {
      put("/app/v", "v" + i, null, true);
    }
    commits.clear();

    put("/app/v", "v101", null, true);

    assertThat(commits).hasSize(1);
    assertThat(commits.get(0)).filteredOn(Change::isRemoval).extracting(Change::key)
        .containsExactly(ParameterNames.versionKey("/app/v", 1));
    List<StoredParameterVersion> kept =
        store.read(SCOPE, view -> ParameterTable.versions(view, ParameterTable.require(view, "/app/v")));
    assertThat(kept).hasSize(100);
  }

  /**
   * An AllowedPattern that Java's backtracking engine would take for ever over the value (fifteen {@code [\w-]*} before
   * a {@code !} that never comes) refuses the value as not validated, and the store, whose write it ran in, takes the
   * next write. The timeout only stops a regression from hanging the build.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aValueThatTakesForEverToJudgeIsNotValidated() {
    String pattern = "[\\w-]*".repeat(15) + "!";
    PutParameterRequest hostile = PutParameterRequest.builder().name("/app/slow").type("String")
        .value("abc-".repeat(20)).allowedPattern(pattern).build();

    assertThatThrownBy(() -> commands.put(SCOPE, hostile)).isInstanceOf(ParameterPatternMismatchException.class)
        .hasMessage("Parameter value, cannot be validated against allowedPattern: " + pattern);
    put("/app/next", "next", "String", false);
    assertThat(version("/app/next", 1).value(true)).isEqualTo("next");
    commands.put(SCOPE, PutParameterRequest.builder().name("/app/ok").type("String").value("abc-".repeat(20) + "!")
        .allowedPattern(pattern).build());
    assertThat(version("/app/ok", 1).value(true)).endsWith("!");
  }

  @Test
  void aVersionsToStringWithholdsItsValue() {
    put("/app/s", "topsecret", "SecureString", false);

    assertThat(version("/app/s", 1).toString()).doesNotContain("topsecret").contains("Redacted");
    assertThat(PutParameterRequest.builder().name("/n").value("topsecret").build().toString())
        .doesNotContain("topsecret");
  }
}
