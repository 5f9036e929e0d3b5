package dev.ecsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link EmulatorConfig#fromArguments}: the jar's options, for programs that embed the emulator. */
class EmulatorConfigArgumentsTest {

  @Test
  void optionsAreAppliedAsTheJarAppliesThem() {
    EmulatorConfig config = EmulatorConfig.fromArguments("--port", "0", "--ephemeral", "--data-dir", "/tmp/x",
        "--region", "eu-west-1", "--account-id", "123456789012", "--stop-tasks-on-exit", "--allowed-hosts", "docker");

    assertThat(config.port()).isZero();
    assertThat(config.ephemeral()).isTrue();
    assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(config.region()).isEqualTo("eu-west-1");
    assertThat(config.accountId()).isEqualTo("123456789012");
    assertThat(config.scheduler().stopTasksOnExit()).isTrue();
    assertThat(config.allowedHosts()).containsExactly("docker");
  }

  @Test
  void omittedOptionsTakeTheJarsDefaults() {
    EmulatorConfig config = EmulatorConfig.fromArguments();

    assertThat(config.port()).isEqualTo(EmulatorConfig.DEFAULT_PORT);
    assertThat(config.bind()).isEqualTo(EmulatorConfig.DEFAULT_BIND);
    assertThat(config.ephemeral()).isFalse();
  }

  @Test
  void aBadOptionIsAnIllegalArgumentWithTheJarsMessage() {
    assertThatThrownBy(() -> EmulatorConfig.fromArguments("--port", "70000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--port must be between 0 and 65535, got 70000");
    assertThatThrownBy(() -> EmulatorConfig.fromArguments("--no-such-option"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void helpAndVersionStartNothing() {
    assertThatThrownBy(() -> EmulatorConfig.fromArguments("--help")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EmulatorConfig.fromArguments("--version")).isInstanceOf(IllegalArgumentException.class);
  }
}
