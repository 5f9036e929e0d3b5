package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.HealthCheckSpec;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.LogSpec;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.Mount;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.PortPublication;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.Resources;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.UlimitSpec;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one translation from spec to docker-java, checked on the command object: building it contacts no
 * engine (this one points at a socket that does not exist).
 */
class CreateContainerMappingTest {

  final DockerEngine nowhere = new DockerEngine("unix:///nonexistent/docker.sock");

  @AfterEach
  void close() {
    nowhere.close();
  }

  @Test
  void everyFieldReachesTheCreateCall() {
    ContainerSpec spec = ContainerSpec.builder("ecs-web-3-app-0123", "img:1")
        .command(List.of("run", "--fast")).entryPoint(List.of("/entry"))
        .environment(Map.of("A", "1")).labels(Map.of("l", "v"))
        .workingDirectory("/srv").user("nobody").hostname("box")
        .resources(new Resources(512, 256L << 20, 128L << 20, 100_000L, 400_000L, "/ecs-emulator/abc", null, null))
        .networkMode("bridge").pidMode("container:abc").ipcMode("host")
        .ports(List.of(new PortPublication(8080, "tcp", "127.0.0.1", null), new PortPublication(53, "udp", "127.0.0.1", 5353)))
        .links(List.of("ecs-web-3-db-1:db"))
        .mounts(List.of(new Mount(Mount.Kind.BIND, "/data", "/in", true), new Mount(Mount.Kind.VOLUME, "vol", "/v", false)))
        .volumesFrom(List.of("ecs-web-3-db-1:ro"))
        .ulimits(List.of(new UlimitSpec("nofile", 1024, 4096)))
        .readonlyRootFilesystem(true).privileged(true).init(true)
        .extraHosts(List.of("db:10.0.0.1"))
        .healthCheck(new HealthCheckSpec(List.of("CMD-SHELL", "true"), Duration.ofSeconds(30), Duration.ofSeconds(5), 3,
            Duration.ofSeconds(10)))
        .log(new LogSpec("json-file", Map.of("max-size", "1m")))
        .stopTimeout(Duration.ofMillis(2500))
        .build();

    CreateContainerCmd cmd = CreateContainerMapping.toCommand(nowhere.client(), spec);
    HostConfig host = cmd.getHostConfig();

    assertThat(cmd.getName()).isEqualTo("ecs-web-3-app-0123");
    assertThat(cmd.getImage()).isEqualTo("img:1");
    assertThat(cmd.getCmd()).containsExactly("run", "--fast");
    assertThat(cmd.getEntrypoint()).containsExactly("/entry");
    assertThat(cmd.getEnv()).containsExactly("A=1");
    assertThat(cmd.getLabels()).containsEntry("l", "v");
    assertThat(cmd.getWorkingDir()).isEqualTo("/srv");
    assertThat(cmd.getUser()).isEqualTo("nobody");
    assertThat(cmd.getHostName()).isEqualTo("box");
    assertThat(cmd.getStopTimeout()).as("whole seconds, rounded up").isEqualTo(3);
    assertThat(cmd.getExposedPorts()).containsExactlyInAnyOrder(ExposedPort.tcp(8080), ExposedPort.udp(53));
    assertThat(cmd.getHealthcheck().getTest()).containsExactly("CMD-SHELL", "true");
    assertThat(cmd.getHealthcheck().getInterval()).isEqualTo(30_000_000_000L);
    assertThat(cmd.getHealthcheck().getTimeout()).isEqualTo(5_000_000_000L);
    assertThat(cmd.getHealthcheck().getRetries()).isEqualTo(3);
    assertThat(cmd.getHealthcheck().getStartPeriod()).isEqualTo(10_000_000_000L);

    assertThat(host.getCpuShares()).isEqualTo(512);
    assertThat(host.getMemory()).isEqualTo(256L << 20);
    assertThat(host.getMemoryReservation()).isEqualTo(128L << 20);
    assertThat(host.getCpuPeriod()).isEqualTo(100_000L);
    assertThat(host.getCpuQuota()).isEqualTo(400_000L);
    assertThat(host.getNanoCPUs()).as("NanoCpus is refused above the host's CPUs").isNull();
    assertThat(host.getCgroupParent()).isEqualTo("/ecs-emulator/abc");
    assertThat(host.getNetworkMode()).isEqualTo("bridge");
    assertThat(host.getPidMode()).isEqualTo("container:abc");
    assertThat(host.getIpcMode()).isEqualTo("host");
    Map<ExposedPort, Ports.Binding[]> bindings = host.getPortBindings().getBindings();
    assertThat(bindings.get(ExposedPort.tcp(8080))).containsExactly(new Ports.Binding("127.0.0.1", null));
    assertThat(bindings.get(ExposedPort.udp(53))).containsExactly(new Ports.Binding("127.0.0.1", "5353"));
    assertThat(host.getLinks()).extracting(l -> l.getName() + ":" + l.getAlias()).containsExactly("ecs-web-3-db-1:db");
    assertThat(host.getBinds()).extracting(Object::toString).containsExactly("/data:/in:ro", "vol:/v:rw");
    assertThat(host.getVolumesFrom()).extracting(Object::toString).containsExactly("ecs-web-3-db-1:ro");
    assertThat(host.getUlimits()).extracting(u -> u.getName() + "=" + u.getSoftLong() + ":" + u.getHardLong())
        .containsExactly("nofile=1024:4096");
    assertThat(host.getReadonlyRootfs()).isTrue();
    assertThat(host.getPrivileged()).isTrue();
    assertThat(host.getInit()).isTrue();
    assertThat(host.getExtraHosts()).containsExactly("db:10.0.0.1");
    assertThat(host.getLogConfig().getType().getType()).isEqualTo("json-file");
    assertThat(host.getLogConfig().getConfig()).containsEntry("max-size", "1m");
  }

  @Test
  void unsetFieldsStayUnsetSoDockerAndTheImageDecide() {
    CreateContainerCmd cmd = CreateContainerMapping.toCommand(nowhere.client(),
        ContainerSpec.builder("n", "img").build());
    HostConfig host = cmd.getHostConfig();

    assertThat(cmd.getCmd()).isNull();
    assertThat(cmd.getEntrypoint()).isNull();
    assertThat(host.getPidMode()).isNull();
    assertThat(host.getIpcMode()).isNull();
    assertThat(cmd.getHealthcheck()).isNull();
    assertThat(cmd.getUser()).isNull();
    assertThat(cmd.getStopTimeout()).isEqualTo(30);
    assertThat(host.getMemory()).isNull();
    assertThat(host.getCpuQuota()).isNull();
    assertThat(host.getInit()).isNull();
    assertThat(host.getPrivileged()).isNull();
    assertThat(host.getLogConfig() == null ? null : host.getLogConfig().getType()).isNull();
    assertThat(host.getPortBindings()).isNull();
  }

  @Test
  void dockerFailuresReadAsTheAgentsDockerClientWordsThem() {
    var notFound = new NotFoundException("Status 404: {\"message\":\"manifest for x:y not found: manifest unknown\"}\n");
    var conflict = new ConflictException("Status 409: {\"message\":\"Conflict. The container name \\\"/n\\\" is already in use\"}");
    var down = new RuntimeException(new UncheckedIOException(new java.io.IOException("connect failed")));

    assertThat(DockerErrors.wrap(ContainerRuntimeException.ErrorName.CANNOT_PULL_CONTAINER, notFound, "h").reason())
        .isEqualTo("CannotPullContainerError: Error response from daemon: manifest for x:y not found: manifest unknown");
    assertThat(DockerErrors.wrap(ContainerRuntimeException.ErrorName.CANNOT_CREATE_CONTAINER, conflict, "h").reason())
        .isEqualTo("CannotCreateContainerError: Error response from daemon: Conflict. The container name \"/n\" is already in use");
    assertThat(DockerErrors.wrap(ContainerRuntimeException.ErrorName.CANNOT_START_CONTAINER, down,
        "unix:///var/run/docker.sock").reason()).isEqualTo("CannotStartContainerError: Cannot connect to the Docker "
        + "daemon at unix:///var/run/docker.sock. Is the docker daemon running?");
    assertThat(new ContainerRuntimeException(ContainerRuntimeException.ErrorName.CANNOT_START_CONTAINER, "x".repeat(2000))
        .reason()).hasSize(1024);
  }
}
