package dev.ecsemulator.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The offline sample image (built by samples/images/build.sh) does what tests and walkthroughs rely on:
 * every route and control endpoint, with PID 1 itself exiting, being OOM-killed and honouring SIGTERM.
 */
class SampleWebImageIT {

  static final long MEMORY_LIMIT = 48L * 1024 * 1024;
  /** How long a wait for the container may take: generous, for a loaded 2-core CI machine. */
  static final Duration LONG = Duration.ofSeconds(60);

  final HttpClient http = HttpClient.newHttpClient();
  final DockerClient docker = DockerClientFactory.instance().client();
  GenericContainer<?> web;

  GenericContainer<?> start(String tag) {
    web = new GenericContainer<>(DockerImageName.parse("ecs-emulator/sample-web:" + tag))
        .withImagePullPolicy(image -> false)
        .withExposedPorts(8080)
        .withLabel("ecs-emulator.test", "SampleWebImageIT")
        .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMemory(MEMORY_LIMIT).withMemorySwap(MEMORY_LIMIT))
        .waitingFor(Wait.forHttp("/health").forStatusCode(200));
    web.start();
    return web;
  }

  @AfterEach
  void stop() {
    if (web != null) {
      web.stop();
    }
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://" + web.getHost() + ":" + web.getMappedPort(8080) + path);
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  InspectContainerResponse.ContainerState stateAfterExit() {
    String id = web.getContainerId();
    await().atMost(LONG).until(() -> !Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning()));
    return docker.inspectContainerCmd(id).exec().getState();
  }

  @Test
  void rootReportsTheImageVersion() throws Exception {
    start("1");
    assertThat(get("/").body()).contains("\"version\":\"1\"");
    web.stop();

    start("2");
    assertThat(get("/").body()).contains("\"version\":\"2\"");
  }

  @Test
  void healthFollowsTheControlEndpoints() throws Exception {
    start("1");
    assertThat(get("/health").statusCode()).isEqualTo(200);

    assertThat(get("/control/unhealthy").statusCode()).isEqualTo(200);
    assertThat(get("/health").statusCode()).isEqualTo(503);

    assertThat(get("/control/healthy").statusCode()).isEqualTo(200);
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void theHealthProbeUsedInTaskDefinitionsWorksInsideTheImage() throws Exception {
    start("1");

    var ok = web.execInContainer("sh", "-c", "wget -q -O- http://localhost:8080/health || exit 1");
    get("/control/unhealthy");
    var failing = web.execInContainer("sh", "-c", "wget -q -O- http://localhost:8080/health || exit 1");

    assertThat(ok.getExitCode()).isZero();
    assertThat(failing.getExitCode()).isEqualTo(1);
  }

  @Test
  void exitEndsPidOneWithTheRequestedCode() throws Exception {
    start("1");

    assertThat(get("/control/exit?code=3").body()).contains("exiting with 3");

    InspectContainerResponse.ContainerState state = stateAfterExit();
    assertThat(state.getExitCodeLong()).isEqualTo(3L);
    assertThat(state.getOOMKilled()).isFalse();
  }

  @Test
  void sigtermEndsPidOnePromptlyWith143() {
    start("1");

    // A 30 s timeout: were SIGTERM ignored, the exit code would be 137 from the SIGKILL.
    docker.stopContainerCmd(web.getContainerId()).withTimeout(30).exec();

    assertThat(stateAfterExit().getExitCodeLong()).isEqualTo(143L);
  }

  @Test
  void allocHoldsTheRequestedMemoryInPidOne() throws Exception {
    start("1");

    get("/control/alloc?mb=16");

    await().atMost(LONG).untilAsserted(() -> {
      var rss = web.execInContainer("sh", "-c", "grep VmRSS /proc/1/status | tr -dc 0-9");
      assertThat(Long.parseLong(rss.getStdout().trim())).isGreaterThanOrEqualTo(16 * 1024);
    });
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void unboundedAllocIsKilledByTheMemoryLimit() throws Exception {
    start("1");

    get("/control/alloc");

    InspectContainerResponse.ContainerState state = stateAfterExit();
    assertThat(state.getOOMKilled()).isTrue();
    assertThat(state.getExitCodeLong()).isEqualTo(137L);
  }

  @Test
  void burnRunsBusyWorkersForTheRequestedTime() throws Exception {
    start("1");

    assertThat(get("/control/burn?seconds=2&workers=2").body()).contains("burning 2 CPU(s) for 2s");

    var during = web.execInContainer("sh", "-c", "pidof yes | wc -w");
    assertThat(during.getStdout().trim()).isEqualTo("2");
    await().atMost(LONG).untilAsserted(() ->
        assertThat(web.execInContainer("sh", "-c", "pidof yes | wc -w").getStdout().trim()).isEqualTo("0"));
  }

  @Test
  void badControlParametersAreRefused() throws Exception {
    start("1");

    assertThat(get("/control/exit?code=abc").statusCode()).isEqualTo(400);
    assertThat(get("/control/alloc?mb=lots").statusCode()).isEqualTo(400);
    assertThat(get("/nope").statusCode()).isEqualTo(404);
  }
}
