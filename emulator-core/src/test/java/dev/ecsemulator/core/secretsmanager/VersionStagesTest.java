package dev.ecsemulator.core.secretsmanager;

import static dev.ecsemulator.core.secretsmanager.VersionStages.CURRENT;
import static dev.ecsemulator.core.secretsmanager.VersionStages.PREVIOUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.secretsmanager.error.InvalidParameterException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How labels move between versions: pure functions of the version list. */
class VersionStagesTest {

  static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

  static StoredVersion version(String id, String... stages) {
    return new StoredVersion(id, List.of(stages), T, null, "value of " + id, null);
  }

  static Map<String, List<String>> labels(List<StoredVersion> versions) {
    Map<String, List<String>> labels = new LinkedHashMap<>();
    versions.forEach(v -> labels.put(v.versionId(), v.stages()));
    return labels;
  }

  @Test
  void aNewCurrentVersionMakesTheOldOnePreviousAndTheOlderOneDeprecated() {
    List<StoredVersion> versions = List.of(version("a", PREVIOUS), version("b", CURRENT));

    List<StoredVersion> after = VersionStages.add(versions, version("c", CURRENT));

    assertThat(labels(after)).containsExactly(Map.entry("a", List.of()), Map.entry("b", List.of(PREVIOUS)),
        Map.entry("c", List.of(CURRENT)));
  }

  @Test
  void aCustomLabelMovesAloneAndAsksForAwsPreviousTooWhenGivenWithCurrent() {
    List<StoredVersion> versions = List.of(version("a", PREVIOUS, "blue"), version("b", CURRENT));

    assertThat(labels(VersionStages.add(versions, version("c", "blue"))))
        .containsExactly(Map.entry("a", List.of(PREVIOUS)), Map.entry("b", List.of(CURRENT)),
            Map.entry("c", List.of("blue")));
    assertThat(labels(VersionStages.add(versions, version("c", PREVIOUS, CURRENT))))
        .as("AWSPREVIOUS given with AWSCURRENT stays on the new version only")
        .containsExactly(Map.entry("a", List.of("blue")), Map.entry("b", List.of()),
            Map.entry("c", List.of(PREVIOUS, CURRENT)));
  }

  @Test
  void movingAwsCurrentBackTakesAwsPreviousToWhereItWas() {
    List<StoredVersion> versions = List.of(version("a", PREVIOUS), version("b", CURRENT));

    List<StoredVersion> after = VersionStages.move(versions, CURRENT, "b", "a");

    assertThat(labels(after)).containsExactly(Map.entry("a", List.of(CURRENT)), Map.entry("b", List.of(PREVIOUS)));
  }

  @Test
  void aLabelOnAnotherVersionNeedsRemoveFrom() {
    List<StoredVersion> versions = List.of(version("a"), version("b", CURRENT, "green"));

    assertThatThrownBy(() -> VersionStages.move(versions, "green", null, "a"))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Staging label green is currently attached"
            + " to version b");
    assertThatThrownBy(() -> VersionStages.move(versions, "green", "a", null))
        .isInstanceOf(InvalidParameterException.class).hasMessage("Version stage green not found in version a");
    assertThatThrownBy(() -> VersionStages.move(versions, "green", null, "zzz"))
        .isInstanceOf(InvalidParameterException.class).hasMessage("Not a valid version: zzz");
    assertThat(labels(VersionStages.move(versions, "green", "b", null)))
        .containsExactly(Map.entry("a", List.of()), Map.entry("b", List.of(CURRENT)));
    assertThat(labels(VersionStages.move(versions, "new-label", null, "a")))
        .containsExactly(Map.entry("a", List.of("new-label")), Map.entry("b", List.of(CURRENT, "green")));
  }

  @Test
  void theOldestDeprecatedVersionsGoBeyondAHundred() {
    List<StoredVersion> versions = new ArrayList<>();
    for (int i = 0; i < 99; i++) {
      versions.add(version("old-" + i));
    }
    versions.add(version("current", CURRENT));

    List<StoredVersion> after = VersionStages.add(versions, version("next", CURRENT));

    assertThat(after).hasSize(VersionStages.MAX_VERSIONS);
    assertThat(after.get(0).versionId()).isEqualTo("old-1");
    assertThat(labels(after)).containsEntry("current", List.of(PREVIOUS)).containsEntry("next", List.of(CURRENT));
  }
}
