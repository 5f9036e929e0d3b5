package dev.ecsemulator.api.elbv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * Services of the sample web image behind a listener (bridge mode: {@code instance} targets at dynamic host ports):
 * <ul>
 *   <li>rolled from ecs-emulator/sample-web:1 to :2 under a steady stream of requests through the listener: not one
 *       request fails, every answer afterwards comes from version 2, and the old targets have drained and are gone;
 *   <li>a task stopped by StopTask under that stream is DEACTIVATING and drains before its container stops: no
 *       request fails; a task whose container exits leaves its target group at once;
 *   <li>UpdateService moving the service to another target group registers the new tasks there and takes the old
 *       ones out of the old group as they stop.
 * </ul>
 * The streams are paced at 200 requests a second from 16 clients that wait for their answers, so they run as fast as
 * the tasks answer, up to 200/s; the rate reached is printed with the figures. The tasks serve with busybox httpd
 * ({@link #FAST_COMMAND}) rather than the image's shell-script app, which answers only about 80 a second on a busy
 * 2-core machine; the image is the same, so nothing needs building.
 */
class LoadBalancedServiceContainersIT {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension(Elbv2Fixture::fastChecks);
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();
  static final ElasticLoadBalancingV2Client elb = emulator.sdk(ElasticLoadBalancingV2Client.builder());
  static final Elbv2Fixture fixture = new Elbv2Fixture(elb);
  static final Duration LONG = Duration.ofSeconds(240);
  /** About 200 requests a second. */
  static final long REQUEST_EVERY_MICROS = 5_000;

  @AfterAll
  static void close() {
    elb.close();
  }

  /**
   * The sample image serving its version as a static file with busybox httpd (hundreds of answers a second where the
   * image's own shell-script app gives tens), exiting at once on SIGTERM: {@code /} answers
   * {@code {"app":"sample-web","version":"N"}}, {@code /health} answers {@code healthy}.
   */
  static final String FAST_COMMAND = "mkdir -p /www"
      + " && printf '{\"app\":\"sample-web\",\"version\":\"%s\"}\\n' \"$(cat /app/version)\" >/www/index.html"
      + " && echo healthy >/www/health; trap 'exit 143' TERM; httpd -f -p 8080 -h /www & wait";

  /** Task definition {@code web}: sample-web:VERSION served by httpd ({@link #FAST_COMMAND}). */
  static void registerFastWeb(String version) {
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(c -> c.name("app")
        .image("ecs-emulator/sample-web:" + version).memory(32).stopTimeout(2)
        .command("/bin/sh", "-c", FAST_COMMAND)
        .portMappings(p -> p.containerPort(8080).hostPort(0))));
  }

  static void registerWeb(String version) {
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(c -> c.name("app")
        .image("ecs-emulator/sample-web:" + version).memory(32).stopTimeout(2)
        .portMappings(p -> p.containerPort(8080).hostPort(0))));
  }

  /**
   * An instance target group on the app's /health. Tolerant checks (8 s timeout, 5 failures to be unhealthy): a busy
   * 2-core machine can answer a check late, and that must not take a healthy task out. The 10 s interval lasts 1 s
   * here ({@link Elbv2Fixture#fastChecks}); the timeout stays 8 real seconds.
   */
  static String instanceTargetGroup(String name) {
    String group = elb.createTargetGroup(b -> b.name(name).protocol("HTTP").port(8080).vpcId("vpc-1")
        .targetType("instance").healthCheckPath("/health").healthCheckIntervalSeconds(10)
        .healthCheckTimeoutSeconds(8).healthyThresholdCount(2).unhealthyThresholdCount(5))
        .targetGroups().get(0).targetGroupArn();
    elb.modifyTargetGroupAttributes(b -> b.targetGroupArn(group)
        .attributes(a -> a.key("deregistration_delay.timeout_seconds").value("20")));
    return group;
  }

  static List<TargetHealthDescription> targets(String group) {
    return elb.describeTargetHealth(b -> b.targetGroupArn(group)).targetHealthDescriptions();
  }

  static Service service() {
    return ecs.describeServices(b -> b.cluster("default").services("web")).services().get(0);
  }

  /** One deployment of the revision, 3 tasks running, exactly 3 targets and all healthy (none draining). */
  static boolean settled(String group, int revision) {
    return settled(group, revision, 3);
  }

  /** One deployment of the revision, {@code count} tasks running, exactly as many targets, all healthy. */
  static boolean settled(String group, int revision, int count) {
    Service s = service();
    List<TargetHealthDescription> targets = targets(group);
    return s.deployments().size() == 1 && s.taskDefinition().endsWith(":" + revision) && s.runningCount() == count
        && targets.size() == count
        && targets.stream().allMatch(t -> t.targetHealth().state() == TargetHealthStateEnum.HEALTHY);
  }

  static Set<String> targetKeys(String group) {
    return targets(group).stream().map(t -> t.target().id() + ":" + t.target().port()).collect(Collectors.toSet());
  }

  static List<String> events() {
    return service().events().stream().map(ServiceEvent::message).toList();
  }

  static String registered(String group) {
    return "(service web) registered 1 targets in (target-group " + group + ")";
  }

  static String deregistered(String group) {
    return "(service web) deregistered 1 targets in (target-group " + group + ")";
  }

  /** A service {@code web} of {@code count} tasks behind {@code group}, settled. */
  static void createService(String group, int count) {
    ecs.createService(b -> b.cluster("default").serviceName("web").taskDefinition("web").desiredCount(count)
        .loadBalancers(l -> l.targetGroupArn(group).containerName("app").containerPort(8080))
        .healthCheckGracePeriodSeconds(60)
        .deploymentConfiguration(d -> d.minimumHealthyPercent(100).maximumPercent(200)));
    await().atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> settled(group, 1, count));
  }

  /** A service's target group and the port of the listener that forwards to it. */
  record Web(String group, int port) {}

  /**
   * Cluster {@code default}, {@code web:1} served fast, a load balancer whose listener on a free port forwards to a
   * new instance group {@code web-tg}, and service {@code web} of {@code count} tasks there, settled.
   */
  static Web webBehindListener(int count) {
    ecs.createCluster(b -> b.clusterName("default"));
    registerFastWeb("1");
    String lb = fixture.loadBalancer("web");
    String group = instanceTargetGroup("web-tg");
    int port = Elbv2Fixture.freePort();
    fixture.listener(lb, port, group);
    createService(group, count);
    return new Web(group, port);
  }

  @Test
  void aRollingUpdateBehindAListenerLosesNoRequest() throws Exception {
    Web web = webBehindListener(3);
    String group = web.group();
    int port = web.port();
    Set<String> oldTargets = targetKeys(group);

    Load load = new Load(port);
    try {
      registerFastWeb("2");
      ecs.updateService(b -> b.cluster("default").service("web").taskDefinition("web:2"));
      await().atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> settled(group, 2));
      load.afterRollout.set(true);
      await().atMost(LONG).until(() -> load.answeredAfterRollout.get() >= 200);
    } finally {
      load.stop();
    }

    // How many requests a run sends depends on the machine's load; that both versions answered shows the stream
    // ran through the whole rollout.
    assertThat(load.failures).as("failed requests of %d sent", load.sent.get()).isEmpty();
    assertThat(load.versionsAfterRollout).containsOnlyKeys("2");
    assertThat(load.versionsDuring).containsKeys("1", "2");
    assertThat(targetKeys(group)).doesNotContainAnyElementsOf(oldTargets);
    List<String> events = events();
    assertThat(events).filteredOn(registered(group)::equals).hasSize(6);
    assertThat(events).filteredOn(deregistered(group)::equals).hasSize(3);
    List<Task> stopped = ecs.describeTasks(b -> b.cluster("default").tasks(ecs.listTasks(l -> l.cluster("default")
        .serviceName("web").desiredStatus("STOPPED")).taskArns())).tasks();
    assertThat(stopped).hasSize(3).allSatisfy(t -> {
      assertThat(t.lastStatus()).isEqualTo("STOPPED");
      assertThat(t.stoppedReason()).startsWith("Scaling activity initiated by (deployment ");
    });
    System.out.printf("Rolling update behind a listener: %d requests sent (%.0f/s), %d failed%n", load.sent.get(),
        load.rate(), load.failures.size());
  }

  @Test
  void stopTaskDrainsTheTaskFirstAndAnExitedTaskLeavesItsGroup() throws Exception {
    Web web = webBehindListener(2);
    String group = web.group();
    int port = web.port();
    List<String> before = ecs.listTasks(b -> b.cluster("default").serviceName("web")).taskArns();
    Set<String> oldTargets = targetKeys(group);

    Load load = new Load(port);
    Task stopping;
    try {
      await().atMost(LONG).until(() -> load.sent.get() >= 100);
      stopping = ecs.stopTask(b -> b.cluster("default").task(before.get(0))).task();
      await().atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> describe(before.get(0)).lastStatus()
          .equals("STOPPED"));
      int sentAtStop = load.sent.get();
      await().atMost(LONG).until(() -> load.sent.get() >= sentAtStop + 100);
    } finally {
      load.stop();
    }

    // StopTask answers the task DEACTIVATING: deregistered and drained before its container got SIGTERM, so the
    // stream through the listener lost nothing.
    assertThat(stopping.lastStatus()).isEqualTo("DEACTIVATING");
    assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
    assertThat(load.failures).as("failed requests of %d sent", load.sent.get()).isEmpty();
    assertThat(describe(before.get(0)).stopCode().toString()).isEqualTo("UserInitiated");
    assertThat(events()).contains(deregistered(group));
    await().atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> settled(group, 1, 2));
    Set<String> afterStop = targetKeys(group);
    assertThat(afterStop).hasSize(2);
    assertThat(afterStop.stream().filter(oldTargets::contains)).as("the other task's target stays").hasSize(1);
    System.out.printf("StopTask behind a listener: %d requests sent (%.0f/s), %d failed%n", load.sent.get(),
        load.rate(), load.failures.size());

    // The sample app's own server exits on request: a task whose only container exits stops without DEACTIVATING,
    // and its target is deregistered at once (nothing to drain) rather than left behind.
    registerWeb("1");
    ecs.updateService(b -> b.cluster("default").service("web").taskDefinition("web:2").desiredCount(1));
    await().atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> settled(group, 2, 1));
    String exiting = ecs.listTasks(b -> b.cluster("default").serviceName("web").desiredStatus("RUNNING"))
        .taskArns().get(0);
    Set<String> exitingTarget = targetKeys(group);
    long deregisteredBefore = events().stream().filter(deregistered(group)::equals).count();
    Elbv2Fixture.get(port, "/control/exit?code=3");

    await().atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> describe(exiting).lastStatus()
        .equals("STOPPED"));
    Task exited = describe(exiting);
    assertThat(exited.stopCode().toString()).isEqualTo("EssentialContainerExited");
    assertThat(exited.containers().get(0).exitCode()).isEqualTo(3);
    await().atMost(LONG).pollInterval(Duration.ofMillis(500))
        .until(() -> targetKeys(group).stream().noneMatch(exitingTarget::contains));
    assertThat(events().stream().filter(deregistered(group)::equals).count()).isEqualTo(deregisteredBefore + 1);
  }

  @Test
  void updateServiceMovingToAnotherTargetGroupLeavesNoOldTargetBehind() {
    ecs.createCluster(b -> b.clusterName("default"));
    registerFastWeb("1");
    String lb = fixture.loadBalancer("web");
    String blue = instanceTargetGroup("web-blue");
    String green = instanceTargetGroup("web-green");
    int bluePort = Elbv2Fixture.freePort();
    fixture.listener(lb, bluePort, blue);
    int greenPort = Elbv2Fixture.freePort();
    fixture.listener(lb, greenPort, green);
    createService(blue, 2);

    ecs.updateService(b -> b.cluster("default").service("web")
        .loadBalancers(l -> l.targetGroupArn(green).containerName("app").containerPort(8080)));
    assertThat(service().deployments()).as("a new deployment").hasSize(2);

    await().atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> service().deployments().size() == 1
        && targets(blue).isEmpty() && targets(green).size() == 2
        && targets(green).stream().allMatch(t -> t.targetHealth().state() == TargetHealthStateEnum.HEALTHY));
    assertThat(service().loadBalancers()).extracting(l -> l.targetGroupArn()).containsExactly(green);
    List<String> events = events();
    assertThat(events).filteredOn(registered(blue)::equals).hasSize(2);
    assertThat(events).filteredOn(deregistered(blue)::equals).hasSize(2);
    assertThat(events).filteredOn(registered(green)::equals).hasSize(2);
    assertThat(events).filteredOn(deregistered(green)::equals).isEmpty();
    assertThat(Elbv2Fixture.get(greenPort, "/").statusCode()).isEqualTo(200);
    assertThat(Elbv2Fixture.get(bluePort, "/").statusCode()).as("no target left in the old group").isEqualTo(503);
  }

  static Task describe(String taskArn) {
    return ecs.describeTasks(b -> b.cluster("default").tasks(taskArn)).tasks().get(0);
  }

  /**
   * A steady stream of GET / through the listener: at most {@value #RATE} a second, from {@value #WORKERS} clients
   * that each wait for their answer (a closed loop, so a slow app slows the stream instead of piling up requests
   * until they time out); each answer's version counted, each failure kept.
   */
  static final class Load {
    static final int RATE = 200;
    static final int WORKERS = 16;
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger answeredAfterRollout = new AtomicInteger();
    final AtomicBoolean afterRollout = new AtomicBoolean();
    final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> versionsDuring = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> versionsAfterRollout = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(0);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    private final URI uri;
    private final long startedNanos = System.nanoTime();

    Load(int port) {
      this.uri = URI.create("http://127.0.0.1:" + port + "/");
      timer.scheduleAtFixedRate(() -> {
        if (permits.availablePermits() < RATE) {
          permits.release();
        }
      }, 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
      for (int i = 0; i < WORKERS; i++) {
        workers.execute(this::loop);
      }
    }

    private void loop() {
      try {
        while (running.get()) {
          if (permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            send();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void send() throws InterruptedException {
      boolean after = afterRollout.get();
      sent.incrementAndGet();
      inFlight.incrementAndGet();
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
      try {
        HttpResponse<String> response = Elbv2Fixture.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          failures.add(response.statusCode() + " " + response.body().lines().findFirst().orElse(""));
          return;
        }
        String version = response.body().replaceAll("(?s).*\"version\":\"([^\"]*)\".*", "$1");
        (after ? versionsAfterRollout : versionsDuring).computeIfAbsent(version, v -> new AtomicInteger())
            .incrementAndGet();
        if (after) {
          answeredAfterRollout.incrementAndGet();
        }
      } catch (java.io.IOException e) {
        failures.add(e.toString());
      } finally {
        inFlight.decrementAndGet();
      }
    }

    /** Requests a second so far. */
    double rate() {
      return sent.get() / ((System.nanoTime() - startedNanos) / 1e9);
    }

    void stop() throws InterruptedException {
      running.set(false);
      timer.shutdownNow();
      workers.shutdown();
      assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).as("the clients finish").isTrue();
    }
  }
}
