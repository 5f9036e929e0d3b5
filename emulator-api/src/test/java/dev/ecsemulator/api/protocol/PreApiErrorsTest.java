package dev.ecsemulator.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.RawHttp;
import dev.ecsemulator.api.support.TestEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Errors raised before the API layer (Javalin's 404, Jetty's 400, 414 and 431) answer in AWS's JSON error shape, and
 * the emulator's own endpoints keep answering. Over raw HTTP: no SDK sends these.
 */
class PreApiErrorsTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final HttpClient http = HttpClient.newHttpClient();

  static HttpResponse<String> send(String method, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(emulator.url() + path)).timeout(Duration.ofMinutes(1))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @CsvSource({"GET,/", "GET,/other", "POST,/other", "PUT,/", "DELETE,/_emulator/reset", "POST,/_emulator/health",
      "GET,/_emulator/nothing"})
  void aPathOrMethodWithoutAnEndpointIsA404InAwsShape(String method, String path) throws Exception {
    HttpResponse<String> response = send(method, path);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(response.body()).startsWith("{\"__type\":\"UnknownOperationException\",\"message\":\"No such endpoint: "
        + method + " " + path + ".");
  }

  @Test
  void theEmulatorsOwnEndpointsStillAnswer() throws Exception {
    assertThat(send("GET", "/_emulator/health").statusCode()).isEqualTo(200);
    assertThat(emulator.postEmulator("/_emulator/reset").statusCode()).isEqualTo(200);
    assertThat(emulator.post("ListClusters", "{}").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource({
      "414, RequestURITooLongException, URI",
      "431, RequestHeaderFieldsTooLargeException, HEADER",
      "400, BadRequestException, BAD_LENGTH",
      "400, BadRequestException, BAD_HEADER"})
  void jettysOwnRefusalsAreInAwsShape(int status, String type, String what) {
    String head = switch (what) {
      case "URI" -> "POST /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n";
      case "HEADER" -> "POST / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n";
      case "BAD_LENGTH" -> "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 12ab\r\n";
      default -> "POST / HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n";
    };

    String answer = RawHttp.sendAsIs(emulator.url(), head + "\r\n", false);

    assertThat(answer).startsWith("HTTP/1.1 " + status).containsIgnoringCase("Content-Type: application/x-amz-json-1.1")
        .containsIgnoringCase("x-amzn-RequestId:").contains("{\"__type\":\"" + type + "\",\"message\":\"");
  }
}
