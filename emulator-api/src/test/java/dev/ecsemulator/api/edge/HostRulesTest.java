package dev.ecsemulator.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which Host headers the emulator answers, by bind address and {@code --allowed-hosts}. */
class HostRulesTest {

  private static final HostRules LOOPBACK = HostRules.forBind("127.0.0.1", List.of());
  private static final HostRules WILDCARD = HostRules.forBind("0.0.0.0", List.of());

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1:4566", "127.0.0.1", "localhost:4566", "LocalHost", "127.0.0.2:9",
      "[::1]:4566", "[0:0:0:0:0:0:0:1]", "localhost:32771"})
  void boundToLoopbackItAnswersLocalhostAndLoopbackAddressesOnAnyPort(String host) {
    assertThat(LOOPBACK.allows(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.example:4566", "evil.example", "127.0.0.1.nip.io:4566", "localhost.evil.example",
      "192.168.1.5:4566", "[fe80::1]:4566", "2130706433:4566", "0x7f.0.0.1", "[localhost]", "[abc]", ""})
  void boundToLoopbackItRefusesOtherNamesAndAddresses(String host) {
    assertThat(LOOPBACK.allows(host)).isFalse();
  }

  @Test
  void aRequestWithoutHostIsAnswered() {
    assertThat(LOOPBACK.allows(null)).isTrue();
    assertThat(WILDCARD.allows(null)).isTrue();
  }

  /**
   * The Testcontainers case: the emulator in a container bound to 0.0.0.0, reached through a mapped port by the
   * Docker host's name or address. Addresses work as they are; a name must be allowed.
   */
  @ParameterizedTest
  @ValueSource(strings = {"localhost:32771", "127.0.0.1:32771", "172.17.0.1:32771", "10.1.2.3", "[fe80::1]:4566",
      "0.0.0.0:4566"})
  void boundToAWildcardItAnswersLocalhostAndAnyAddress(String host) {
    assertThat(WILDCARD.allows(host)).isTrue();
    assertThat(HostRules.forBind("::", List.of()).allows(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"docker:32771", "host.docker.internal:4566", "evil.example", "ecs-emulator:4566"})
  void boundToAWildcardItStillRefusesNamesNotAllowed(String host) {
    assertThat(WILDCARD.allows(host)).isFalse();
  }

  @Test
  void allowedNamesAreAnsweredOnAnyPortWhateverTheBinding() {
    List<String> allowed = HostRules.parseAllowed("host.docker.internal, Docker");
    HostRules wildcard = HostRules.forBind("0.0.0.0", allowed);
    HostRules loopback = HostRules.forBind("127.0.0.1", allowed);

    for (HostRules rules : List.of(wildcard, loopback)) {
      assertThat(rules.allows("host.docker.internal:32771")).isTrue();
      assertThat(rules.allows("DOCKER:4566")).isTrue();
      assertThat(rules.allows("docker.evil.example:4566")).isFalse();
    }
  }

  @Test
  void aStarAllowsAnyHost() {
    HostRules any = HostRules.forBind("127.0.0.1", HostRules.parseAllowed("*"));

    assertThat(any.allows("evil.example:4566")).isTrue();
    assertThat(any.allows("whatever")).isTrue();
  }

  @Test
  void boundToAnotherAddressItAnswersThatAddressAndLocalhost() {
    HostRules rules = HostRules.forBind("192.168.1.5", List.of());

    assertThat(rules.allows("192.168.1.5:4566")).isTrue();
    assertThat(rules.allows("localhost:4566")).isTrue();
    assertThat(rules.allows("192.168.1.6:4566")).isFalse();
    assertThat(rules.allows("127.0.0.1:4566")).isFalse();
  }

  @Test
  void boundToIpv6LoopbackItAnswersBothLoopbacks() {
    HostRules rules = HostRules.forBind("::1", List.of());

    assertThat(rules.allows("[::1]:4566")).isTrue();
    assertThat(rules.allows("127.0.0.1:4566")).isTrue();
    assertThat(rules.allows("evil.example:4566")).isFalse();
  }

  @Test
  void boundByNameItAnswersThatName() {
    HostRules rules = HostRules.forBind("localhost", List.of());

    assertThat(rules.allows("localhost:4566")).isTrue();
    assertThat(rules.allows("127.0.0.1:4566")).isTrue();
    assertThat(rules.allows("evil.example:4566")).isFalse();
  }

  @Test
  void theAllowedListIsNamesWithoutPortsInLowerCase() {
    assertThat(HostRules.parseAllowed(" a.example, B.Example,,[::1] ,10.0.0.1,my_host"))
        .containsExactly("a.example", "b.example", "[::1]", "10.0.0.1", "my_host");
    assertThat(HostRules.parseAllowed(null)).isEmpty();
    assertThat(HostRules.parseAllowed(" ")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"host:4566", "http://host", "host/path", "-host", "a b", "[::1]:4566"})
  void anEntryThatIsNotAHostNameIsRefused(String entry) {
    assertThatIllegalArgumentException().isThrownBy(() -> HostRules.parseAllowed("ok.example," + entry))
        .withMessageContaining("'" + entry + "' is not a host name");
  }

  @Test
  void theDescriptionSaysWhatIsAnswered() {
    assertThat(LOOPBACK.describe()).isEqualTo("localhost and loopback addresses (it is bound to 127.0.0.1)");
    assertThat(WILDCARD.describe()).isEqualTo("localhost and IP addresses (it is bound to 0.0.0.0)");
    assertThat(HostRules.forBind("0.0.0.0", List.of("docker")).describe())
        .isEqualTo("localhost and IP addresses (it is bound to 0.0.0.0), and the allowed hosts docker");
  }
}
