package dev.ecsemulator.bench.client;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * One API request as the AWS JSON 1.1 protocol sends it: {@code POST /} with {@code X-Amz-Target} and a JSON body,
 * to ECS unless another {@link Api} is named. The same bytes go to the emulator and to the baseline.
 *
 * @param api the service addressed
 * @param operation the operation, e.g. {@code DescribeTaskDefinition}
 * @param body the JSON request body
 */
public record EcsRequest(Api api, String operation, String body) {

  public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  /** A request to ECS. */
  public EcsRequest(String operation, String body) {
    this(Api.ECS, operation, body);
  }

  /**
   * A JSON service on both servers' endpoint: its target prefix and its SigV4 signing name.
   *
   * @param signingName the service in the credential scope: moto's server picks the service from it (without it, it
   *     answers as S3); the emulator takes the region from the same scope
   */
  public record Api(String targetPrefix, String signingName) {

    public static final Api ECS = new Api("AmazonEC2ContainerServiceV20141113", "ecs");
    public static final Api SECRETS_MANAGER = new Api("secretsmanager", "secretsmanager");
    public static final Api LOGS = new Api("Logs_20140328", "logs");

    /** The API of {@code signingName}, one of the constants. */
    public static Api named(String signingName) {
      return Stream.of(ECS, SECRETS_MANAGER, LOGS).filter(api -> api.signingName.equals(signingName)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no API named " + signingName));
    }

    /** A SigV4-shaped Authorization header with a dummy signature: neither server verifies signatures. */
    public String authorization() {
      return "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/" + signingName + "/aws4_request, "
          + "SignedHeaders=content-type;host;x-amz-target, Signature=" + "0".repeat(64);
    }
  }

  public String target() {
    return api.targetPrefix() + "." + operation;
  }

  /** The complete HTTP/1.1 request, keep-alive, for a server at {@code host:port}. */
  public byte[] toHttp(String host, int port) {
    byte[] json = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST / HTTP/1.1\r\n"
        + "Host: " + host + ":" + port + "\r\n"
        + "Content-Type: " + CONTENT_TYPE + "\r\n"
        + "X-Amz-Target: " + target() + "\r\n"
        + "Authorization: " + api.authorization() + "\r\n"
        + "Content-Length: " + json.length + "\r\n"
        + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + json.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(json, 0, all, headBytes.length, json.length);
    return all;
  }
}
