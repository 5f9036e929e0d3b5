package dev.ecsemulator.bench.client;

import java.nio.charset.StandardCharsets;

/**
 * One ECS API request as the AWS JSON 1.1 protocol sends it: {@code POST /} with {@code X-Amz-Target} and a JSON
 * body. The same bytes go to the emulator and to the baseline.
 *
 * @param operation the ECS operation, e.g. {@code DescribeTaskDefinition}
 * @param body the JSON request body
 */
public record EcsRequest(String operation, String body) {

  public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
  public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  /**
   * A SigV4-shaped Authorization header with a dummy signature. Neither server verifies signatures; moto's server
   * needs the header all the same, because it picks the service ({@code ecs}) from the credential scope (without
   * it, it answers as S3). The emulator takes the region from the same scope.
   */
  public static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/ecs/aws4_request, "
      + "SignedHeaders=content-type;host;x-amz-target, Signature=" + "0".repeat(64);

  public String target() {
    return TARGET_PREFIX + operation;
  }

  /** The complete HTTP/1.1 request, keep-alive, for a server at {@code host:port}. */
  public byte[] toHttp(String host, int port) {
    byte[] json = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST / HTTP/1.1\r\n"
        + "Host: " + host + ":" + port + "\r\n"
        + "Content-Type: " + CONTENT_TYPE + "\r\n"
        + "X-Amz-Target: " + target() + "\r\n"
        + "Authorization: " + AUTHORIZATION + "\r\n"
        + "Content-Length: " + json.length + "\r\n"
        + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + json.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(json, 0, all, headBytes.length, json.length);
    return all;
  }
}
