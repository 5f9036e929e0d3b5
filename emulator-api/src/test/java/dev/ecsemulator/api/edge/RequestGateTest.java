package dev.ecsemulator.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The decisions that keep web pages out, from header values alone. */
class RequestGateTest {

  private static final String HOST = "127.0.0.1:4566";
  private final RequestGate gate = new RequestGate(HostRules.forBind("127.0.0.1", List.of()));

  @Test
  void sdkAndCliRequestsCarryNoOriginAndPass() {
    assertThat(gate.check(HOST, null, null)).isEmpty();
    assertThat(gate.check("localhost:4566", null, null)).isEmpty();
    assertThat(gate.check(null, null, null)).isEmpty();
  }

  @Test
  void aForeignHostIsRefusedNamingTheRuleAndTheOption() {
    Refusal refusal = gate.check("evil.example:4566", null, null).orElseThrow();

    assertThat(refusal.status()).isEqualTo(403);
    assertThat(refusal.errorCode()).isEqualTo("AccessDeniedException");
    assertThat(refusal.message()).contains("Host 'evil.example:4566'", "localhost and loopback addresses",
        "DNS rebinding", "--allowed-hosts", "ECS_EMULATOR_ALLOWED_HOSTS");
  }

  @ParameterizedTest
  @CsvSource({"http://127.0.0.1:4566, 127.0.0.1:4566", "HTTP://127.0.0.1:4566, 127.0.0.1:4566",
      "http://localhost, localhost", "http://localhost:80, localhost", "http://localhost, localhost:80",
      "https://localhost, localhost:443", "http://[::1]:4566, [::1]:4566"})
  void theEmulatorsOwnOriginPasses(String origin, String host) {
    assertThat(gate.check(host, origin, "same-origin")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://evil.example", "http://localhost:4566", "http://127.0.0.1:3000", "null",
      "file://", "http://127.0.0.1:4566/path", "http://", "chrome-extension://abc", "https://127.0.0.1:4566x"})
  void anotherOriginIsRefused(String origin) {
    Refusal refusal = gate.check(HOST, origin, null).orElseThrow();

    assertThat(refusal.status()).isEqualTo(403);
    assertThat(refusal.errorCode()).isEqualTo("AccessDeniedException");
    assertThat(refusal.message()).contains("Origin '" + origin + "'", "its own origin (http://127.0.0.1:4566)",
        "AWS SDKs and the CLI send no Origin");
  }

  @Test
  void anOriginWithoutAHostIsNeverTheEmulatorsOwn() {
    assertThat(gate.check(null, "http://127.0.0.1:4566", null)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cross-site", "same-site", "CROSS-SITE"})
  void aRequestTheBrowserMarksCrossOriginIsRefused(String site) {
    Refusal refusal = gate.check(HOST, null, site).orElseThrow();

    assertThat(refusal.status()).isEqualTo(403);
    assertThat(refusal.message()).contains("Sec-Fetch-Site: " + site);
  }

  @ParameterizedTest
  @ValueSource(strings = {"same-origin", "none"})
  void aRequestTheBrowserMarksSameOriginOrTypedPasses(String site) {
    assertThat(gate.check(HOST, null, site)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "application/x-amz-json-1.1", "Application/JSON; charset=UTF-8",
      " application/json "})
  void resetAcceptsJson(String contentType) {
    assertThat(RequestGate.resetContentType(contentType)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x",
      "application/jsonx", "text/json"})
  void resetRefusesWhatAFormCanSend(String contentType) {
    Optional<Refusal> refusal = RequestGate.resetContentType(contentType);

    assertThat(refusal).get().extracting(Refusal::status, Refusal::errorCode)
        .containsExactly(415, "UnsupportedMediaTypeException");
    assertThat(refusal.get().message()).contains("got '" + contentType + "'", "application/json");
  }

  @Test
  void resetRefusesNoContentType() {
    assertThat(RequestGate.resetContentType(null)).get().extracting(Refusal::message).asString().contains("got none");
  }

  @Test
  void aRefusalIsAwsShapedJson() {
    Refusal refusal = new Refusal(403, "AccessDeniedException", "say \"no\"");

    assertThat(new String(refusal.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"__type\":\"AccessDeniedException\",\"message\":\"say \\\"no\\\"\"}");
  }
}
