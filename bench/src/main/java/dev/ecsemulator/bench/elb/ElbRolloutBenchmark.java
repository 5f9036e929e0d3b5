package dev.ecsemulator.bench.elb;

import dev.ecsemulator.bench.BenchContext;
import dev.ecsemulator.bench.Benchmark;
import dev.ecsemulator.bench.client.Poll;
import dev.ecsemulator.bench.client.RawEcsClient;
import dev.ecsemulator.bench.process.EmulatorLauncher;
import dev.ecsemulator.bench.process.EmulatorProcess;
import dev.ecsemulator.bench.report.Headline;
import dev.ecsemulator.bench.report.Section;
import dev.ecsemulator.bench.tasks.EcsTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Requests lost during a rolling update behind a listener (goal: 0): a service of 3 sample-web:1 tasks with
 * {@code loadBalancers}, updated to :2 at minimumHealthyPercent 100 / maximumPercent 200 while {@link RequestStream}
 * sends GET / through the listener, from before UpdateService until the service is stable on :2 with 3 healthy
 * targets. Beside the listener's overhead ({@link ElbBenchmark}).
 */
public final class ElbRolloutBenchmark implements Benchmark {

  static final String CLUSTER = "bench-elb";
  static final int TASKS = 3;
  static final Duration TIMEOUT = Duration.ofMinutes(4);

  @Override
  public String id() {
    return "elb-rollout";
  }

  @Override
  public Section run(BenchContext ctx) throws Exception {
    EmulatorLauncher launcher = ctx.taskLauncher();
    ctx.log("elb-rollout: starting the emulator: " + launcher.commandLine());
    int listenerPort = freePort();
    RequestStream.Result result;
    double rolloutSeconds;
    try (EmulatorProcess emulator = launcher.start()) {
      ElbSetup elb = new ElbSetup(emulator.endpoint());
      EcsTasks ecs = new EcsTasks(new RawEcsClient(emulator.endpoint()));
      String group = elb.instanceGroupBehindListener(listenerPort);
      ecs.createCluster(CLUSTER);
      String v1 = ecs.register(taskDefinition("ecs-emulator/sample-web:1"));
      String v2 = ecs.register(taskDefinition("ecs-emulator/sample-web:2"));
      ecs.createService(Map.of("cluster", CLUSTER, "serviceName", "web", "taskDefinition", v1, "desiredCount", TASKS,
          "launchType", "EC2", "loadBalancers", List.of(Map.of("targetGroupArn", group, "containerName", "web",
              "containerPort", 8080))));
      awaitSettled(ecs, elb, group, v1);
      ctx.log("elb-rollout: 3 tasks healthy behind the listener; updating under a stream of requests");
      try (RequestStream stream = new RequestStream(listenerPort, 200, 16)) {
        long begin = System.nanoTime();
        ecs.updateService(Map.of("cluster", CLUSTER, "service", "web", "taskDefinition", v2));
        awaitSettled(ecs, elb, group, v2);
        rolloutSeconds = (System.nanoTime() - begin) / 1e9;
        result = stream.finish();
      }
    }
    ctx.log(String.format("elb-rollout: %d requests sent (%.0f/s), %d failed, rollout %.1f s", result.sent(),
        result.rate(), result.failed(), rolloutSeconds));
    return section(result, rolloutSeconds);
  }

  private static void awaitSettled(EcsTasks ecs, ElbSetup elb, String group, String taskDefinition) {
    Poll.until("the service stable on " + taskDefinition + " with 3 healthy targets", TIMEOUT, Duration.ofMillis(500),
        () -> {
          try {
            int[] health = elb.healthyOfAll(group);
            return EcsTasks.stable(ecs.describeService(CLUSTER, "web"), taskDefinition)
                && health[0] == TASKS && health[1] == TASKS;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * The image's version served as a static file by busybox httpd, which answers hundreds of requests a second where
   * the image's shell-script app answers tens: the stream then tests the rollout, not the app.
   */
  static final String FAST_COMMAND = "mkdir -p /www"
      + " && printf '{\"app\":\"sample-web\",\"version\":\"%s\"}\\n' \"$(cat /app/version)\" >/www/index.html"
      + " && echo healthy >/www/health; trap 'exit 143' TERM; httpd -f -p 8080 -h /www & wait";

  private static Map<String, Object> taskDefinition(String image) {
    return Map.of("family", "bench-elb", "networkMode", "bridge", "containerDefinitions", List.of(Map.of(
        "name", "web", "image", image, "essential", true, "memory", 32, "stopTimeout", 2,
        "command", List.of("/bin/sh", "-c", FAST_COMMAND),
        "portMappings", List.of(Map.of("containerPort", 8080, "hostPort", 0, "protocol", "tcp")))));
  }

  private static Section section(RequestStream.Result r, double rolloutSeconds) {
    Section.Builder section = Section.builder("ELBv2 data plane: requests lost during a rolling update");
    section.paragraph("A service of " + TASKS + " sample-web:1 tasks (bridge mode, instance targets; the image's "
        + "version served by busybox httpd) behind a listener, updated to :2 at minimumHealthyPercent 100 / maximumPercent 200. GET / through the listener, "
        + "paced at " + RequestStream.describe() + ", from just before UpdateService until the service is stable "
        + "on :2 with 3 healthy targets (the old ones drained and gone). A request is lost when it fails or "
        + "answers other than 200.");
    section.table(List.of("Requests sent", "Rate reached", "Lost", "Rollout"), List.of(List.of(
        String.valueOf(r.sent()), String.format("%.0f/s", r.rate()), String.valueOf(r.failed()),
        String.format("%.1f s", rolloutSeconds))));
    section.headline(new Headline("Requests lost during a rollout behind a listener", String.valueOf(r.failed()),
        r.sent() + " sent", "—", "0", r.failed() == 0 ? Headline.Verdict.MET : Headline.Verdict.NOT_MET));
    return section.build();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
