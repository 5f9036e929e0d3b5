package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.scheduler.docker.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A latency report, printed and not asserted: raw docker-java create+start of the sample image with the
 * same limits, against the runtime's path (ensureImage with prefer-cached, spec from the factory, create,
 * start), interleaved so both see the same load; plus an awsvpc sandbox's create+start+inspect.
 * Tagged "bench", so left out of bin/test: {@code bin/bench --smoke} runs it; alone, {@code mvn -B -ntp verify
 * -pl scheduler -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LaunchLatencyReportIT
 * -Dfailsafe.failIfNoSpecifiedTests=false -Decs.it.excludedGroups=none}; read the table on standard output.
 */
@Tag("bench")
class LaunchLatencyReportIT {

  static final int RUNS = 7;
  final DockerHarness harness = new DockerHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void rawDockerJavaAgainstTheRuntimesPath() {
    ContainerDefinition web = Fixtures.container("web").cpu(256).memory(128).memoryReservation(64)
        .portMappings(List.of(Fixtures.port(8080, null, null))).build();
    TaskDefinition definition = Fixtures.task("bridge", web);
    TaskDefinition awsvpc = Fixtures.task("awsvpc", web).toBuilder().cpu("256").memory("512").build();
    List<Long> raw = new ArrayList<>();
    List<Long> runtime = new ArrayList<>();
    List<Long> sandbox = new ArrayList<>();

    for (int run = -1; run < RUNS; run++) { // run -1 warms both paths up and is not counted
      long rawNanos = raw();
      long runtimeNanos = viaRuntime(definition, web);
      long sandboxNanos = sandbox(awsvpc);
      if (run >= 0) {
        raw.add(rawNanos);
        runtime.add(runtimeNanos);
        sandbox.add(sandboxNanos);
      }
      harness.removeContainersAndVolumes();
    }

    System.out.println("create+start of ecs-emulator/sample-web:1 (cpu 256, memory 128, reservation 64, port 8080), ms");
    System.out.printf("%-34s %s  median %.1f%n", "raw docker-java", millis(raw), median(raw));
    System.out.printf("%-34s %s  median %.1f%n", "runtime (image+spec+create+start)", millis(runtime), median(runtime));
    System.out.printf("%-34s %.2f%n", "ratio of medians", median(runtime) / median(raw));
    System.out.printf("%-34s %s  median %.1f%n", "awsvpc sandbox create+start", millis(sandbox), median(sandbox));
    assertThat(raw).hasSize(RUNS);
  }

  long raw() {
    Map<String, String> labels = new HashMap<>(Labels.ownedBy(harness.instance));
    Ports ports = new Ports();
    ports.bind(ExposedPort.tcp(8080), new Ports.Binding("127.0.0.1", null));
    long start = System.nanoTime();
    String id = harness.docker.createContainerCmd(DockerHarness.SAMPLE)
        .withName("ecs-emulator-test-raw-" + DockerHarness.randomHex(6))
        .withLabels(labels)
        .withExposedPorts(ExposedPort.tcp(8080))
        .withHostConfig(HostConfig.newHostConfig().withCpuShares(256).withMemory(128L << 20)
            .withMemoryReservation(64L << 20).withPortBindings(ports))
        .exec().getId();
    harness.docker.startContainerCmd(id).exec();
    return System.nanoTime() - start;
  }

  long viaRuntime(TaskDefinition definition, ContainerDefinition web) {
    LaunchContext context = harness.context("EC2");
    long start = System.nanoTime();
    LocalImage image = harness.runtime.ensureImage(web.image(), PullPolicy.PREFER_CACHED);
    ContainerSpec spec = harness.factory.container(definition, web, null, context).withImage(image.reference());
    String id = harness.runtime.createContainer(spec);
    harness.runtime.startContainer(id);
    return System.nanoTime() - start;
  }

  long sandbox(TaskDefinition awsvpc) {
    LaunchContext context = harness.context("FARGATE");
    long start = System.nanoTime();
    harness.runtime.createSandbox(harness.factory.sandbox(awsvpc, null, context).orElseThrow());
    return System.nanoTime() - start;
  }

  static String millis(List<Long> nanos) {
    return nanos.stream().map(n -> String.format("%6.1f", n / 1e6)).toList().toString();
  }

  static double median(List<Long> nanos) {
    List<Long> sorted = nanos.stream().sorted().toList();
    return sorted.get(sorted.size() / 2) / 1e6;
  }
}
