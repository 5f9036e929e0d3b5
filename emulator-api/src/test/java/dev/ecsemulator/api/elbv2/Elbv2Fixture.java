package dev.ecsemulator.api.elbv2;

import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.EmulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * Set-up shared by the ELBv2 tests: resources made through the SDK, a free port, plain HTTP calls, targets in this JVM.
 * Registered as an extension (after the emulator's), it closes the targets after each test and the client after the
 * class.
 */
final class Elbv2Fixture implements AfterEachCallback, AfterAllCallback {

  static final int FIRST_PORT = 20_000;
  static final int PORTS = 12_000;
  private static final AtomicInteger nextPort = new AtomicInteger(ThreadLocalRandom.current().nextInt(PORTS));

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  /** Long enough for any health decision: a few intervals on a busy machine, even of real seconds. */
  static final Duration DECIDED = Duration.ofSeconds(45);
  /**
   * How long a health check second lasts in the tests that wait for health decisions
   * ({@code --elb-health-check-second}): AWS's shortest interval, 5 s, lasts half a second, so the checks and thresholds are the same and the waits short.
   */
  static final Duration CHECK_SECOND = Duration.ofMillis(100);

  private final ElasticLoadBalancingV2Client elb;
  private final List<TestTarget> targets = new CopyOnWriteArrayList<>();

  Elbv2Fixture(ElasticLoadBalancingV2Client elb) {
    this.elb = elb;
  }

  /** An emulator's configuration with health check seconds of {@link #CHECK_SECOND}. */
  static EmulatorConfig fastChecks(EmulatorConfig config) {
    return config.withHealthCheckSecond(CHECK_SECOND);
  }

  ElasticLoadBalancingV2Client elb() {
    return elb;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeTargets();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    elb.close();
  }

  String loadBalancer(String name) {
    return elb.createLoadBalancer(b -> b.name(name).subnets("subnet-a", "subnet-b")).loadBalancers().get(0)
        .loadBalancerArn();
  }

  /**
   * An ip target group on HTTP, its health check at /health every 5 s (of {@link #CHECK_SECOND} in the emulators of
   * {@link #fastChecks}), 2 results to decide.
   */
  String targetGroup(String name) {
    return targetGroup(name, "ip");
  }

  /** As {@link #targetGroup(String)} with the given target type ({@code instance} for bridge and host tasks). */
  String targetGroup(String name, String targetType) {
    return elb.createTargetGroup(b -> b.name(name).protocol("HTTP").port(80).vpcId("vpc-1").targetType(targetType)
        .healthCheckPath("/health").healthCheckIntervalSeconds(5).healthCheckTimeoutSeconds(2)
        .healthyThresholdCount(2).unhealthyThresholdCount(2)).targetGroups().get(0).targetGroupArn();
  }

  /** A target serving in this JVM, until {@link #closeTargets()} (after the test, as an extension). */
  TestTarget target(String name) {
    TestTarget target = new TestTarget(name);
    targets.add(target);
    return target;
  }

  /** Closes the targets made since the last call. */
  void closeTargets() {
    targets.forEach(TestTarget::close);
    targets.clear();
  }

  /** A listener on a free port forwarding to a group with the targets registered and healthy. */
  record Setup(int port, String lb, String group, String listener) {}

  Setup healthyBehindListener(String name, TestTarget... members) {
    String lb = loadBalancer(name);
    String group = targetGroup(name + "-tg");
    int port = freePort();
    String listener = listener(lb, port, group);
    register(group, members);
    for (TestTarget member : members) {
      await().atMost(DECIDED).until(() -> state(group, member) == TargetHealthStateEnum.HEALTHY);
    }
    return new Setup(port, lb, group, listener);
  }

  /** How many of {@code requests} GETs each target answered (a target's body starts with its name). */
  static Map<String, Long> spread(int port, String path, int requests) {
    return IntStream.range(0, requests).mapToObj(i -> get(port, path).body().split(" ")[0])
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  String listener(String loadBalancerArn, int port, String targetGroupArn) {
    return elb.createListener(b -> b.loadBalancerArn(loadBalancerArn).protocol("HTTP").port(port)
        .defaultActions(forward(targetGroupArn))).listeners().get(0).listenerArn();
  }

  static Action forward(String targetGroupArn) {
    return Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroupArn).build();
  }

  void register(String targetGroupArn, TestTarget... targets) {
    elb.registerTargets(b -> b.targetGroupArn(targetGroupArn).targets(descriptions(targets)));
  }

  void deregister(String targetGroupArn, TestTarget... targets) {
    elb.deregisterTargets(b -> b.targetGroupArn(targetGroupArn).targets(descriptions(targets)));
  }

  static List<TargetDescription> descriptions(TestTarget... targets) {
    return java.util.Arrays.stream(targets)
        .map(t -> TargetDescription.builder().id("127.0.0.1").port(t.port()).build()).toList();
  }

  TargetHealthStateEnum state(String targetGroupArn, TestTarget target) {
    return elb.describeTargetHealth(b -> b.targetGroupArn(targetGroupArn).targets(descriptions(target)))
        .targetHealthDescriptions().get(0).targetHealth().state();
  }

  /**
   * A loopback port free now, for a listener to open next. Below the ephemeral ranges (Linux 32768–60999, macOS from
   * 49152): a port the kernel chose (port 0) could be given to any outgoing connection, of this JVM or another,
   * before the listener opens it, and the listener would then be refused ("already in use"). Taken one after the
   * other from a random start, so that the classes running at once here, and other JVMs running these tests, do not
   * pick the same one.
   */
  static int freePort() {
    for (int tried = 0; tried < PORTS; tried++) {
      int port = FIRST_PORT + Math.floorMod(nextPort.getAndIncrement(), PORTS);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // in use: the next one
      }
    }
    throw new IllegalStateException("no free loopback port in " + FIRST_PORT + "-" + (FIRST_PORT + PORTS - 1));
  }

  static HttpResponse<String> get(int port, String path) {
    return get(port, path, null);
  }

  static HttpResponse<String> get(int port, String path, String host) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).GET();
    if (host != null) {
      request.header("Host", host);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
