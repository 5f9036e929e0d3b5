package dev.ecsemulator.bench.elb;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a target behind a listener through the emulator's ELBv2 API (query protocol: form posts, XML answers), as the
 * CLI would: a load balancer, a target group with a 5 s health check, a listener, the target registered; then waits
 * until it is healthy.
 */
final class ElbSetup {

  private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/"
      + "elasticloadbalancing/aws4_request, SignedHeaders=host, Signature=" + "0".repeat(64);

  private final URI endpoint;
  private final HttpClient http = HttpClient.newHttpClient();

  ElbSetup(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** A listener on {@code listenerPort} forwarding to {@code targetPort} on 127.0.0.1, the target healthy. */
  void behindListener(int listenerPort, int targetPort) throws IOException, InterruptedException {
    String lb = call("CreateLoadBalancer", Map.of("Name", "bench", "Subnets.member.1", "subnet-a",
        "Subnets.member.2", "subnet-b"), "LoadBalancerArn");
    String group = call("CreateTargetGroup", Map.of("Name", "bench-tg", "Protocol", "HTTP", "Port", "80",
        "VpcId", "vpc-1", "TargetType", "ip", "HealthCheckIntervalSeconds", "5", "HealthyThresholdCount", "2"),
        "TargetGroupArn");
    call("CreateListener", Map.of("LoadBalancerArn", lb, "Protocol", "HTTP", "Port", String.valueOf(listenerPort),
        "DefaultActions.member.1.Type", "forward", "DefaultActions.member.1.TargetGroupArn", group), "ListenerArn");
    call("RegisterTargets", Map.of("TargetGroupArn", group, "Targets.member.1.Id", "127.0.0.1",
        "Targets.member.1.Port", String.valueOf(targetPort)), null);
    Instant deadline = Instant.now().plusSeconds(60);
    while (!"healthy".equals(call("DescribeTargetHealth", Map.of("TargetGroupArn", group), "State"))) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the bench target did not turn healthy within 60 s");
      }
      Thread.sleep(200); // polling the emulator, as a client does: not a wait in the emulator's code
    }
  }

  /**
   * A listener on {@code listenerPort} forwarding to a new {@code instance} target group on the sample app's /health,
   * with checks a busy machine's slow answers do not fail (10 s interval, 8 s timeout, 5 failures to be unhealthy);
   * returns the group's ARN, for a service's {@code loadBalancers}.
   */
  String instanceGroupBehindListener(int listenerPort) throws IOException, InterruptedException {
    String lb = call("CreateLoadBalancer", Map.of("Name", "rollout", "Subnets.member.1", "subnet-a",
        "Subnets.member.2", "subnet-b"), "LoadBalancerArn");
    String group = call("CreateTargetGroup", Map.of("Name", "rollout-tg", "Protocol", "HTTP", "Port", "8080",
        "VpcId", "vpc-1", "TargetType", "instance", "HealthCheckPath", "/health", "HealthCheckIntervalSeconds", "10",
        "HealthCheckTimeoutSeconds", "8", "HealthyThresholdCount", "2", "UnhealthyThresholdCount", "5"),
        "TargetGroupArn");
    call("CreateListener", Map.of("LoadBalancerArn", lb, "Protocol", "HTTP", "Port", String.valueOf(listenerPort),
        "DefaultActions.member.1.Type", "forward", "DefaultActions.member.1.TargetGroupArn", group), "ListenerArn");
    return group;
  }

  /** How many of the group's targets are healthy (and how many there are, healthy or not). */
  int[] healthyOfAll(String group) throws IOException, InterruptedException {
    String body = call("DescribeTargetHealth", Map.of("TargetGroupArn", group), "");
    int all = body.split("<State>", -1).length - 1;
    int healthy = body.split("<State>healthy</State>", -1).length - 1;
    return new int[] {healthy, all};
  }

  /** Calls {@code action}; returns the text of the first {@code element} of its answer (null for none asked). */
  private String call(String action, Map<String, String> params, String element)
      throws IOException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("Action", action);
    form.put("Version", "2015-12-01");
    form.putAll(params);
    StringBuilder body = new StringBuilder();
    form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .header("Authorization", AUTHORIZATION)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(action + " failed: " + response.statusCode() + " " + response.body());
    }
    if (element == null) {
      return null;
    }
    if (element.isEmpty()) {
      return response.body();
    }
    Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(response.body());
    return m.find() ? m.group(1) : null;
  }
}
