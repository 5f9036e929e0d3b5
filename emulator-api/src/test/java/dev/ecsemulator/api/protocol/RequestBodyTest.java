package dev.ecsemulator.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.RawHttp;
import dev.ecsemulator.api.support.TestEmulator;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies that cannot be read or are not one JSON object get a 4xx in AWS's JSON shape, never a 500 or a wait. Over raw
 * HTTP: no SDK sends these.
 */
class RequestBodyTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();

  /**
   * Regression: a length of 2^31 or more was read as an int (-1, "unknown"), the body was then awaited as if chunked,
   * and after the idle timeout (30 s) the answer was a 500. The socket waits longer than that, so a regression fails
   * on the status, not on a clock.
   */
  @ParameterizedTest
  @ValueSource(strings = {"2147483648", "4294967296", "9223372036854775807"})
  void aContentLengthBeyondAnIntIsRefusedWith413(String length) {
    String answer = exchange("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.1\r\n"
        + "X-Amz-Target: " + TestEmulator.PROTOCOL_TARGET_PREFIX + "ListClusters\r\nContent-Length: " + length
        + "\r\n\r\n{\"a\":", false);

    assertThat(answer).startsWith("HTTP/1.1 413").contains("\"__type\":\"RequestEntityTooLargeException\"")
        .containsIgnoringCase("Content-Type: application/x-amz-json-1.1");
  }

  /** The client stops sending (half-closes) before its Content-Length: its request cannot be read whole. */
  @Test
  void aBodyThatEndsBeforeItsLengthIsA400() {
    String answer = exchange("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.1\r\n"
        + "X-Amz-Target: " + TestEmulator.PROTOCOL_TARGET_PREFIX + "ListClusters\r\nContent-Length: 100\r\n\r\n{}", true);

    assertThat(answer).startsWith("HTTP/1.1 400").contains("\"__type\":\"SerializationException\"");
  }

  @Test
  void aMalformedChunkIsA400() {
    String answer = exchange("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.1\r\n"
        + "X-Amz-Target: " + TestEmulator.PROTOCOL_TARGET_PREFIX + "ListClusters\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "zz\r\n{}\r\n0\r\n\r\n", false);

    assertThat(answer).startsWith("HTTP/1.1 400").contains("\"__type\":\"SerializationException\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}}", "{\"a\":1}{\"b\":2}", "{} []", "{} x", "{}\"\""})
  void dataAfterTheObjectIsASerializationException(String body) {
    HttpResponse<String> response = emulator.post("ListClusters", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"__type\":\"SerializationException\"", "not valid JSON");
  }

  @Test
  void invalidJsonIsAnsweredWithWhereItBreaksNotWithWhatItSays() {
    HttpResponse<String> response = emulator.post("ListClusters", "{\"cluster\": s3cr3tValue}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"__type\":\"SerializationException\"", "not valid JSON at line 1, column")
        .doesNotContain("s3cr3tValue");
  }

  @Test
  void whitespaceAfterTheObjectIsFine() {
    assertThat(emulator.post("ListClusters", "{} \r\n\t").statusCode()).isEqualTo(200);
  }

  @Test
  void deepNestingIsASerializationException() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    HttpResponse<String> response = emulator.post("ListClusters", "{\"x\":" + deep + "}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"__type\":\"SerializationException\"");
  }

  private static String exchange(String request, boolean halfClose) {
    return RawHttp.sendAsIs(emulator.url(), request, halfClose);
  }
}
