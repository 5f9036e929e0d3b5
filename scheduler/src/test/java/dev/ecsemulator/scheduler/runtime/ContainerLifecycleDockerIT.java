package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.HealthCheck;
import dev.ecsemulator.core.model.LinuxParameters;
import dev.ecsemulator.scheduler.runtime.ContainerEvent.Kind;
import dev.ecsemulator.scheduler.runtime.ObservedContainer.Health;
import dev.ecsemulator.scheduler.runtime.ObservedContainer.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Containers living and dying on the real engine, seen through {@link ContainerRuntime#inspect} and the
 * event stream: OOM kills, stops with and without SIGTERM handling, a kill behind the emulator's back,
 * health changes, failures worded as ECS words them, and ownership.
 */
class ContainerLifecycleDockerIT {

  static final DockerHarness harness = new DockerHarness();
  final DockerContainerRuntime runtime = harness.runtime;
  final List<ContainerEvent> events = new CopyOnWriteArrayList<>();
  final Map<ContainerEvent, Instant> received = new java.util.concurrent.ConcurrentHashMap<>();
  AutoCloseable subscription;

  @BeforeEach
  void subscribe() {
    subscription = runtime.subscribe(event -> {
      received.put(event, Instant.now());
      events.add(event);
    });
  }

  @AfterEach
  void cleanUp() throws Exception {
    subscription.close();
    harness.removeContainersAndVolumes();
  }

  @AfterAll
  static void close() {
    harness.close();
  }

  /** Creates and starts a one-container bridge task's container; returns its ID. */
  String run(ContainerDefinition container) {
    ContainerSpec spec = harness.factory.container(Fixtures.task("bridge", container), container, null,
        harness.context("EC2"));
    String id = runtime.createContainer(spec);
    runtime.startContainer(id);
    return id;
  }

  List<Kind> kindsFor(String id) {
    return events.stream().filter(e -> id.equals(e.containerId())).map(ContainerEvent::kind).toList();
  }

  void awaitHttp(String id) {
    int port = harness.hostPort(id, 8080);
    await().atMost(DockerHarness.LONG).until(() ->
        harness.get("http://127.0.0.1:" + port + "/").map(r -> r.statusCode() == 200).orElse(false));
  }

  @Test
  void anOomKillIsObservedAsEcsReportsIt() {
    String id = run(Fixtures.container("hog").memory(24).portMappings(List.of(Fixtures.port(8080, null, null))).build());
    awaitHttp(id);
    await().atMost(DockerHarness.LONG).until(() -> kindsFor(id).contains(Kind.START));

    harness.get("http://127.0.0.1:" + harness.hostPort(id, 8080) + "/control/alloc"); // grow until killed

    await().atMost(DockerHarness.LONG).until(() -> kindsFor(id).containsAll(List.of(Kind.OOM, Kind.DIE)));
    // Docker logs oom before die, but stamps and publishes them from different goroutines: the order in
    // which they arrive is Docker's usual one, not a guarantee (a listener must accept both).
    assertThat(kindsFor(id)).startsWith(Kind.START).containsOnlyOnce(Kind.OOM, Kind.DIE);
    System.out.println("OOM kill events, in arrival order: " + kindsFor(id));
    ContainerEvent die = events.stream().filter(e -> id.equals(e.containerId()) && e.kind() == Kind.DIE)
        .findFirst().orElseThrow();
    assertThat(die.exitCode()).isEqualTo(137);
    assertThat(die.containerName()).isEqualTo("hog");
    ObservedContainer dead = runtime.inspect(id).orElseThrow();
    assertThat(dead.state()).isEqualTo(State.EXITED);
    assertThat(dead.oomKilled()).isTrue();
    assertThat(dead.outOfMemory()).isTrue();
    assertThat(dead.exitCode()).isEqualTo(137);
    assertThat(dead.finishedAt()).isAfterOrEqualTo(dead.startedAt());
  }

  @Test
  void aProcessThatHandlesSigtermStopsAtOnceWith143() {
    String id = run(Fixtures.container("web").build());
    await().atMost(DockerHarness.LONG).until(() -> kindsFor(id).contains(Kind.START));

    runtime.stopContainer(id, Duration.ofSeconds(30));

    ObservedContainer stopped = runtime.inspect(id).orElseThrow();
    assertThat(stopped.state()).isEqualTo(State.EXITED);
    assertThat(stopped.exitCode()).as("SIGTERM handled: no SIGKILL needed").isEqualTo(143);
    assertThat(stopped.oomKilled()).isFalse();
  }

  @Test
  void aPid1ThatIgnoresSigtermIsKilledWhenTheTimeoutEnds() {
    // busybox sleep as PID 1 has no SIGTERM handler, so the kernel ignores SIGTERM for it.
    String id = run(Fixtures.container("stubborn").command(List.of("sleep", "3600")).build());
    Instant asked = Instant.now();

    runtime.stopContainer(id, Duration.ofSeconds(2));

    ObservedContainer stopped = runtime.inspect(id).orElseThrow();
    assertThat(stopped.exitCode()).as("SIGKILL after the timeout").isEqualTo(137);
    assertThat(stopped.oomKilled()).as("a stop's 137 is told from an OOM by OOMKilled").isFalse();
    assertThat(Duration.between(asked, stopped.finishedAt())).as("waited the timeout before killing")
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    System.out.printf("stop with a 2 s timeout of a PID 1 ignoring SIGTERM took %d ms%n",
        Duration.between(asked, stopped.finishedAt()).toMillis());
  }

  @Test
  void initProcessEnabledLetsTheSameCommandStopOnSigterm() {
    String id = run(Fixtures.container("reaped").command(List.of("sleep", "3600"))
        .linuxParameters(LinuxParameters.builder().initProcessEnabled(true).build()).build());

    runtime.stopContainer(id, Duration.ofSeconds(30));

    assertThat(harness.inspect(id).getHostConfig().getInit()).isTrue();
    assertThat(runtime.inspect(id).orElseThrow().exitCode()).as("docker-init forwards SIGTERM to sleep").isEqualTo(143);
  }

  @Test
  void aContainerKilledBehindOurBackReachesTheListener() {
    String id = run(Fixtures.container("victim").build());
    await().atMost(DockerHarness.LONG).until(() -> kindsFor(id).contains(Kind.START));

    Instant killed = Instant.now();
    harness.docker.killContainerCmd(id).exec(); // not through the runtime

    await().atMost(DockerHarness.LONG).until(() -> kindsFor(id).contains(Kind.DIE));
    ContainerEvent die = events.stream().filter(e -> id.equals(e.containerId()) && e.kind() == Kind.DIE)
        .findFirst().orElseThrow();
    assertThat(die.exitCode()).isEqualTo(137);
    assertThat(die.taskArn()).isNotNull();
    System.out.printf("docker kill sent -> container died (Docker's event time): %d ms; died -> listener called: %d ms%n",
        Duration.between(killed, die.time()).toMillis(), Duration.between(die.time(), received.get(die)).toMillis());
  }

  @Test
  void healthChangesArriveAsEventsWithTheLastProbesOutput() {
    ContainerDefinition web = Fixtures.container("web").portMappings(List.of(Fixtures.port(8080, null, null)))
        .healthCheck(HealthCheck.builder().command(List.of("CMD-SHELL",
            "wget -q -O- http://localhost:8080/health || exit 1")).build()).build();
    ContainerSpec base = harness.factory.container(Fixtures.task("bridge", web), web, null, harness.context("EC2"));
    // ECS's shortest interval is 5 s; a 1 s interval keeps this test short and exercises the same path.
    ContainerSpec spec = base.toBuilder().healthCheck(new ContainerSpec.HealthCheckSpec(base.healthCheck().test(),
        Duration.ofSeconds(1), Duration.ofSeconds(2), 1, null)).build();
    String id = runtime.createContainer(spec);
    runtime.startContainer(id);

    await().atMost(DockerHarness.LONG).until(() -> healthEvents(id).contains(Health.Status.HEALTHY));
    harness.get("http://127.0.0.1:" + harness.hostPort(id, 8080) + "/control/unhealthy");
    await().atMost(DockerHarness.LONG).until(() -> healthEvents(id).contains(Health.Status.UNHEALTHY));

    Health health = runtime.inspect(id).orElseThrow().health();
    assertThat(health.status()).isEqualTo(Health.Status.UNHEALTHY);
    assertThat(health.lastExitCode()).isEqualTo(1);
    assertThat(health.lastOutput()).isNotNull();
  }

  List<Health.Status> healthEvents(String id) {
    return events.stream().filter(e -> id.equals(e.containerId()) && e.kind() == Kind.HEALTH_STATUS)
        .map(ContainerEvent::health).toList();
  }

  @Test
  void failuresCarryEcsReasons() {
    ContainerDefinition missing = Fixtures.container("app").image("ecs-emulator-test/no-such-image:1").build();
    assertThatThrownBy(() -> runtime.createContainer(harness.factory.container(Fixtures.task("bridge", missing),
        missing, null, harness.context("EC2"))))
        .isInstanceOfSatisfying(ContainerRuntimeException.class, e -> assertThat(e.reason()).isEqualTo(
            "CannotCreateContainerError: Error response from daemon: No such image: ecs-emulator-test/no-such-image:1"));

    ContainerDefinition broken = Fixtures.container("app").command(List.of("/no/such/program")).build();
    String id = runtime.createContainer(harness.factory.container(Fixtures.task("bridge", broken), broken, null,
        harness.context("EC2")));
    assertThatThrownBy(() -> runtime.startContainer(id))
        .isInstanceOfSatisfying(ContainerRuntimeException.class, e -> {
          assertThat(e.reason()).startsWith("CannotStartContainerError: Error response from daemon: ")
              .contains("/no/such/program");
          System.out.println(e.reason());
        });
    assertThat(runtime.inspect(id).orElseThrow().state()).isNotEqualTo(State.RUNNING);
  }

  @Test
  void stopAndRemoveAreIdempotent() {
    String id = run(Fixtures.container("web").build());

    runtime.stopContainer(id, Duration.ofSeconds(5));
    runtime.stopContainer(id, Duration.ofSeconds(5));
    runtime.removeContainer(id);
    runtime.removeContainer(id);
    runtime.stopContainer(id, Duration.ofSeconds(5));

    assertThat(runtime.inspect(id)).isEmpty();
    assertThat(runtime.listManaged()).isEmpty();
  }

  @Test
  void containersWithoutOurLabelsAreNeverTouched() {
    String foreign = harness.docker.createContainerCmd(DockerHarness.SAMPLE).withCmd("sleep", "60")
        .withName("ecs-emulator-test-foreign-" + DockerHarness.randomHex(4))
        .withLabels(Map.of("ecs-emulator.test", "foreign")).exec().getId();
    try {
      harness.docker.startContainerCmd(foreign).exec();
      String name = harness.inspect(foreign).getName().substring(1);

      assertThat(runtime.inspect(foreign)).isEmpty();
      runtime.stopContainer(foreign, Duration.ofSeconds(1));
      runtime.removeContainer(foreign);
      runtime.removeSandbox(foreign);
      assertThatThrownBy(() -> runtime.startContainer(foreign)).isInstanceOf(ContainerRuntimeException.class);
      assertThatThrownBy(() -> runtime.createContainer(ContainerSpec.builder(name, DockerHarness.SAMPLE).build()))
          .isInstanceOfSatisfying(ContainerRuntimeException.class,
              e -> assertThat(e.reason()).startsWith("CannotCreateContainerError: Error response from daemon: Conflict."));
      assertThat(runtime.listManaged()).extracting(ObservedContainer::id).doesNotContain(foreign);
      assertThat(harness.inspect(foreign).getState().getRunning()).isTrue();
    } finally {
      harness.docker.removeContainerCmd(foreign).withForce(true).exec();
    }
  }
}
