package dev.ecsemulator.scheduler.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.scheduler.runtime.RegistryAuth;
import org.junit.jupiter.api.Test;

/** A private registry's credentials secret, read as the agent's {@code asm.extractASMValue} reads it. */
class RegistryCredentialsJsonTest {

  static final String FRAME = "ResourceInitializationError: unable to pull secrets or registry auth: execution"
      + " resource retrieval failed: unable to get registry auth from asm: ";

  @Test
  void usernameAndPasswordAreReadWhateverTheirCase() throws Exception {
    assertThat(RegistryCredentialsJson.parse("{\"username\":\"ci\",\"password\":\"p4ss-w0rd\",\"note\":1}"))
        .isEqualTo(new RegistryAuth("ci", "p4ss-w0rd"));
    assertThat(RegistryCredentialsJson.parse("{\"Username\":\"ci\",\"PASSWORD\":\"p4ss-w0rd\"}"))
        .isEqualTo(new RegistryAuth("ci", "p4ss-w0rd"));
  }

  @Test
  void aMalformedSecretIsRefusedWithTheAgentsWordsAndNothingOfIt() {
    assertThatThrownBy(() -> RegistryCredentialsJson.parse(""))
        .hasMessage(FRAME + "asm fetching authorization data: empty secrets value");
    assertThatThrownBy(() -> RegistryCredentialsJson.parse("p4ss-w0rd"))
        .hasMessage(FRAME + "asm fetching authorization data: unable to unmarshal secret value, invalid schema");
    assertThatThrownBy(() -> RegistryCredentialsJson.parse("{\"username\":\"ci\",\"password\":7}"))
        .hasMessage(FRAME + "asm fetching authorization data: unable to unmarshal secret value, invalid schema");
    assertThatThrownBy(() -> RegistryCredentialsJson.parse("{\"password\":\"p4ss-w0rd\"}"))
        .hasMessage(FRAME + "asm fetching username: AuthorizationData is malformed, empty field");
    assertThatThrownBy(() -> RegistryCredentialsJson.parse("{\"username\":\"ci\",\"password\":\"\"}"))
        .hasMessage(FRAME + "asm fetching password: AuthorizationData is malformed, empty field");
  }

  @Test
  void theCredentialsNeverShowTheirPassword() {
    assertThat(new RegistryAuth("ci", "p4ss-w0rd").toString()).contains("ci").doesNotContain("p4ss-w0rd");
  }
}
