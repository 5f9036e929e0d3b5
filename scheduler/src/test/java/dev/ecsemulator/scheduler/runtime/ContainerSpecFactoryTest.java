package dev.ecsemulator.scheduler.runtime;

import static dev.ecsemulator.scheduler.runtime.Fixtures.container;
import static dev.ecsemulator.scheduler.runtime.Fixtures.ec2;
import static dev.ecsemulator.scheduler.runtime.Fixtures.env;
import static dev.ecsemulator.scheduler.runtime.Fixtures.port;
import static dev.ecsemulator.scheduler.runtime.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.ContainerOverride;
import dev.ecsemulator.core.model.HealthCheck;
import dev.ecsemulator.core.model.HostEntry;
import dev.ecsemulator.core.model.LinuxParameters;
import dev.ecsemulator.core.model.LogConfiguration;
import dev.ecsemulator.core.model.PortMapping;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.TaskOverride;
import dev.ecsemulator.core.model.Ulimit;
import dev.ecsemulator.core.model.VolumeFrom;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.PortPublication;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.UlimitSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agent's mapping of a container definition to Docker, without Docker. */
class ContainerSpecFactoryTest {

  final ContainerSpecFactory factory = new ContainerSpecFactory();

  ContainerSpec spec(ContainerDefinition container) {
    return factory.container(task("bridge", container), container, null, ec2());
  }

  @Test
  void namesContainersAsTheAgentDoesAndStablyPerTask() {
    ContainerDefinition container = container("my_app.v2").build();
    String name = spec(container).name();

    assertThat(name).matches("ecs-web-3-myappv2-[0-9a-f]{20}");
    assertThat(spec(container).name()).isEqualTo(name);
    assertThat(factory.container(task("bridge", container), container, null,
        Fixtures.withArn(ec2(), Fixtures.TASK_ARN + "0")).name()).isNotEqualTo(name);
  }

  @Test
  void namesOfManyContainerNamesKeepOnlyAllowedCharacters() {
    Random random = new Random(7);
    String alphabet = "abcXYZ019-_.:/@ ";
    for (int i = 0; i < 500; i++) {
      StringBuilder name = new StringBuilder("c");
      for (int j = random.nextInt(20); j > 0; j--) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String cleaned = name.toString().replaceAll("[^A-Za-z0-9-]", "");
      assertThat(spec(container(name.toString()).build()).name())
          .startsWith("ecs-web-3-" + cleaned + "-").matches("[A-Za-z0-9-]+");
    }
  }

  @Test
  void theAgentsLabelsAndOursWinOverDockerLabels() {
    ContainerSpec spec = spec(container("app").dockerLabels(Map.of(
        "team", "blue", AgentLabels.CLUSTER, "spoofed", "ecs-emulator.instance", "spoofed")).build());

    assertThat(spec.labels())
        .containsEntry("team", "blue")
        .containsEntry(AgentLabels.TASK_ARN, Fixtures.TASK_ARN)
        .containsEntry(AgentLabels.CONTAINER_NAME, "app")
        .containsEntry(AgentLabels.TASK_DEFINITION_FAMILY, "web")
        .containsEntry(AgentLabels.TASK_DEFINITION_VERSION, "3")
        .containsEntry(AgentLabels.CLUSTER, "demo")
        .containsAllEntriesOf(Fixtures.INSTANCE_LABELS);
  }

  @Test
  void environmentMergesOverridesAndInjectsWhatEcsSets() {
    ContainerDefinition container = container("app")
        .environment(List.of(env("A", "1"), env("B", "2"), env("AWS_EXECUTION_ENV", "mine"))).build();
    TaskOverride overrides = Fixtures.overrides(ContainerOverride.builder().name("app")
        .environment(List.of(env("B", "20"), env("C", "3"))).build());

    ContainerSpec spec = factory.container(task("bridge", container), container, overrides, ec2());

    assertThat(spec.environment()).containsExactly(
        Map.entry("A", "1"), Map.entry("B", "20"), Map.entry("AWS_EXECUTION_ENV", "AWS_ECS_EC2"),
        Map.entry("C", "3"), Map.entry("AWS_DEFAULT_REGION", "eu-west-1"), Map.entry("AWS_REGION", "eu-west-1"));
  }

  private static final EndpointIds IDS = EndpointIds.of(new byte[32]);
  private static final TaskEndpoint PORT_80 = new TaskEndpoint("http://169.254.170.2", IDS, null);

  @Test
  void metadataUrisOnlyWhenTheEmulatorServesAnEndpoint() {
    ContainerDefinition container = container("app").build();
    LaunchContext served = Fixtures.withEndpoint(Fixtures.context("FARGATE", true), PORT_80);
    ContainerSpec spec = factory.container(task("bridge", container), container, null, served);
    String id = IDS.container(Fixtures.TASK_ARN, "app");

    assertThat(spec.environment())
        .containsEntry("ECS_CONTAINER_METADATA_URI", "http://169.254.170.2/v3/" + id)
        .containsEntry("ECS_CONTAINER_METADATA_URI_V4", "http://169.254.170.2/v4/" + id)
        .containsEntry("AWS_EXECUTION_ENV", "AWS_ECS_FARGATE")
        .doesNotContainKeys("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_ENDPOINT_URL");
    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(spec(container).environment()).doesNotContainKeys("ECS_CONTAINER_METADATA_URI",
        "ECS_CONTAINER_METADATA_URI_V4");
  }

  @Test
  void eachContainerHasItsOwnEndpointIdAndTheAgentsValuesWin() {
    ContainerDefinition app = container("app")
        .environment(List.of(env("ECS_CONTAINER_METADATA_URI_V4", "mine"))).build();
    ContainerDefinition side = container("side").build();
    TaskDefinition definition = task("bridge", app, side);
    LaunchContext served = Fixtures.withEndpoint(ec2(), PORT_80);

    String appUri = factory.container(definition, app, null, served).environment().get("ECS_CONTAINER_METADATA_URI_V4");
    String sideUri = factory.container(definition, side, null, served).environment().get("ECS_CONTAINER_METADATA_URI_V4");

    assertThat(appUri).isEqualTo("http://169.254.170.2/v4/" + IDS.container(Fixtures.TASK_ARN, "app"));
    assertThat(sideUri).isEqualTo("http://169.254.170.2/v4/" + IDS.container(Fixtures.TASK_ARN, "side"));
    assertThat(appUri).isNotEqualTo(sideUri);
  }

  @Test
  void aTaskRoleGetsTheRelativeCredentialsUriOnPort80AndTheFullUriOnAnotherPort() {
    ContainerDefinition container = container("app").build();
    TaskDefinition definition = task("awsvpc", container).toBuilder()
        .taskRoleArn("arn:aws:iam::123456789012:role/app").build();
    LaunchContext context = ec2().withSandbox(Fixtures.sandbox(null));
    String credentials = "/v2/credentials/" + IDS.credentials(Fixtures.TASK_ARN);

    Map<String, String> on80 = factory.container(definition, container, null,
        Fixtures.withEndpoint(context, PORT_80)).environment();
    Map<String, String> on51679 = factory.container(definition, container, null,
        Fixtures.withEndpoint(context, new TaskEndpoint("http://169.254.170.2:51679", IDS, null))).environment();

    assertThat(on80).containsEntry("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", credentials)
        .doesNotContainKey("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    assertThat(on51679).containsEntry("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.2:51679" + credentials)
        .containsEntry("ECS_CONTAINER_METADATA_URI_V4",
            "http://169.254.170.2:51679/v4/" + IDS.container(Fixtures.TASK_ARN, "app"))
        .doesNotContainKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
  }

  @Test
  void theOverridesTaskRoleCountsToo() {
    ContainerDefinition container = container("app").build();
    TaskOverride overrides = TaskOverride.builder().taskRoleArn("arn:aws:iam::123456789012:role/other").build();

    Map<String, String> env = factory.container(task("bridge", container), container, overrides,
        Fixtures.withEndpoint(ec2(), PORT_80)).environment();

    assertThat(env).containsKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    assertThat(ContainerSpecFactory.taskRoleArn(task("bridge", container), overrides))
        .isEqualTo("arn:aws:iam::123456789012:role/other");
  }

  @Test
  void awsEndpointUrlIsInjectedWhenAskedForUnlessTheTaskSetsIt() {
    ContainerDefinition plain = container("app").build();
    ContainerDefinition own = container("own").environment(List.of(env("AWS_ENDPOINT_URL", "http://mine"))).build();
    TaskDefinition definition = task("bridge", plain, own);
    LaunchContext context = Fixtures.withEndpoint(ec2(),
        new TaskEndpoint("http://169.254.170.2", IDS, "http://169.254.170.2:4566"));

    assertThat(factory.container(definition, plain, null, context).environment())
        .containsEntry("AWS_ENDPOINT_URL", "http://169.254.170.2:4566");
    assertThat(factory.container(definition, own, null, context).environment())
        .containsEntry("AWS_ENDPOINT_URL", "http://mine");
  }

  @Test
  void containerOverridesReplaceCommandAndLimits() {
    ContainerDefinition container = container("app").command(List.of("a")).entryPoint(List.of("/bin/sh", "-c"))
        .cpu(100).memory(256).memoryReservation(128).build();
    TaskOverride overrides = Fixtures.overrides(ContainerOverride.builder().name("app").command(List.of("b", "c"))
        .cpu(300).memory(512).memoryReservation(64).build());

    ContainerSpec spec = factory.container(task("bridge", container), container, overrides, ec2());

    assertThat(spec.command()).containsExactly("b", "c");
    assertThat(spec.entryPoint()).containsExactly("/bin/sh", "-c");
    assertThat(spec.resources().cpuShares()).isEqualTo(300);
    assertThat(spec.resources().memoryBytes()).isEqualTo(512L << 20);
    assertThat(spec.resources().memoryReservationBytes()).isEqualTo(64L << 20);
    assertThat(spec(container).command()).containsExactly("a");
  }

  @Test
  void withoutTaskLimitsThereIsNoQuotaAndNoParent() {
    ContainerSpec spec = spec(container("app").memoryReservation(128).build());

    assertThat(spec.resources().cpuShares()).isEqualTo(2);
    assertThat(spec.resources().memoryBytes()).isNull();
    assertThat(spec.resources().memoryReservationBytes()).isEqualTo(128L << 20);
    assertThat(spec.resources().cpuQuotaMicros()).isNull();
    assertThat(spec.resources().cgroupParent()).isNull();
  }

  @ParameterizedTest(name = "task {0} MiB/{1} units, container {2}/{3} MiB -> limit {4} reservation {5} quota {6}")
  @CsvSource(nullValues = "null", value = {
      "512, null, null, null, 512, null, null",
      "512, 256, 1024, null, 512, null, 25000",
      "512, 4096, 256, 600, 256, 256, 400000",
      "512, null, null, 600, 512, 512, null"})
  void withoutASharedCgroupEachContainerIsCappedAtTheTasksLimits(Integer taskMemory, Integer taskCpu,
      Integer memory, Integer reservation, long limitMiB, Long reservationMiB, Long quota) {
    ContainerDefinition container = container("app").memory(memory).memoryReservation(reservation).build();
    TaskDefinition definition = task("bridge", container).toBuilder()
        .memory(String.valueOf(taskMemory)).cpu(taskCpu == null ? null : String.valueOf(taskCpu)).build();

    ContainerSpec spec = factory.container(definition, container, null, ec2());

    assertThat(spec.resources().memoryBytes()).isEqualTo(limitMiB << 20);
    assertThat(spec.resources().memoryReservationBytes()).isEqualTo(reservationMiB == null ? null : reservationMiB << 20);
    assertThat(spec.resources().cpuQuotaMicros()).isEqualTo(quota);
    assertThat(spec.resources().cpuPeriodMicros()).isEqualTo(quota == null ? null : 100_000L);
    assertThat(factory.sandbox(definition, null, ec2())).isEmpty();
  }

  @Test
  void aSharedCgroupHoldsTheTaskLimitsAndContainersNestUnderIt() {
    ContainerDefinition a = container("a").cpu(256).memory(300).build();
    ContainerDefinition b = container("b").build();
    TaskDefinition definition = task("bridge", a, b).toBuilder().cpu("4096").memory("512").build();

    ContainerSpec sandbox = factory.sandbox(definition, null, ec2()).orElseThrow();
    assertThat(sandbox.networkMode()).isEqualTo("none");
    assertThat(sandbox.resources().memoryBytes()).isEqualTo(512L << 20);
    assertThat(sandbox.resources().cpuPeriodMicros()).isEqualTo(100_000L);
    assertThat(sandbox.resources().cpuQuotaMicros()).isEqualTo(400_000L);
    assertThat(sandbox.resources().cgroupParent()).isEqualTo("/ecs-emulator");

    LaunchContext running = ec2().withSandbox(Fixtures.sandbox("/ecs-emulator/" + "f".repeat(64)));
    ContainerSpec first = factory.container(definition, a, null, running);
    assertThat(first.resources().cgroupParent()).isEqualTo("/ecs-emulator/" + "f".repeat(64));
    assertThat(first.resources().memoryBytes()).isEqualTo(300L << 20);
    assertThat(first.resources().cpuQuotaMicros()).isNull();
    assertThat(first.networkMode()).isEqualTo("bridge");
    assertThat(factory.container(definition, b, null, running).resources().memoryBytes()).isNull();
  }

  @Test
  void aSharedCgroupWithoutTaskCpuGetsTheSumOfShares() {
    ContainerDefinition a = container("a").cpu(100).build();
    ContainerDefinition b = container("b").build();
    TaskDefinition definition = task("bridge", a, b).toBuilder().memory("512").build();

    ContainerSpec sandbox = factory.sandbox(definition, null, ec2()).orElseThrow();

    assertThat(sandbox.resources().cpuShares()).isEqualTo(102);
    assertThat(sandbox.resources().cpuQuotaMicros()).isNull();
    assertThat(factory.sandbox(definition, null, Fixtures.context("EC2", false))).isEmpty();
  }

  @Test
  void awsvpcContainersJoinTheSandboxWhichPublishesEveryPortDynamically() {
    ContainerDefinition web = container("web").portMappings(List.of(port(8080, 8080, null))).build();
    ContainerDefinition side = container("side").portMappings(List.of(port(9000, null, "udp"), port(8080, null, null)))
        .extraHosts(List.of(HostEntry.builder().hostname("db").ipAddress("10.0.0.1").build())).build();
    TaskDefinition definition = task("awsvpc", web, side).toBuilder().cpu("4096").memory("8192").build();
    LaunchContext fargate = Fixtures.context("FARGATE", true);

    ContainerSpec sandbox = factory.sandbox(definition, null, fargate).orElseThrow();
    assertThat(sandbox.name()).matches("ecs-web-3-internalecspause-[0-9a-f]{20}");
    assertThat(sandbox.labels()).containsEntry(AgentLabels.CONTAINER_NAME, "~internal~ecs~pause");
    assertThat(sandbox.networkMode()).isEqualTo("bridge");
    assertThat(sandbox.ports()).containsExactly(
        new PortPublication(8080, "tcp", "127.0.0.1", null), new PortPublication(9000, "udp", "127.0.0.1", null));
    assertThat(sandbox.resources().cpuQuotaMicros()).isEqualTo(400_000L);

    assertThatThrownBy(() -> factory.container(definition, web, null, fargate))
        .isInstanceOf(IllegalStateException.class);
    Sandbox running = Fixtures.sandbox("/ecs-emulator/" + "f".repeat(64));
    ContainerSpec member = factory.container(definition, side, null, fargate.withSandbox(running));
    assertThat(member.networkMode()).isEqualTo("container:" + running.id());
    assertThat(member.ports()).isEmpty();
    assertThat(member.extraHosts()).isEmpty();
    assertThat(member.hostname()).isNull();
  }

  @Test
  void pidAndIpcModeTaskShareTheSandboxsNamespacesAsTheAgentsNamespacePauseContainer() {
    ContainerDefinition app = container("app").build();
    TaskDefinition definition = task("bridge", app).toBuilder().pidMode("task").ipcMode("task").build();

    ContainerSpec sandbox = factory.sandbox(definition, null, Fixtures.context("EC2", false)).orElseThrow();
    assertThat(sandbox.networkMode()).isEqualTo("none");
    assertThat(sandbox.ipcMode()).isEqualTo("shareable");
    assertThat(sandbox.pidMode()).isNull();
    assertThatThrownBy(() -> factory.container(definition, app, null, ec2())).isInstanceOf(IllegalStateException.class);

    Sandbox running = Fixtures.sandbox(null);
    ContainerSpec member = factory.container(definition, app, null, ec2().withSandbox(running));
    assertThat(member.pidMode()).isEqualTo("container:" + running.id());
    assertThat(member.ipcMode()).isEqualTo("container:" + running.id());
    assertThat(member.networkMode()).isEqualTo("bridge");
  }

  @ParameterizedTest
  @CsvSource(nullValues = "-", value = {"host, -, host, -", "-, host, -, host", "-, none, -, none", "-, -, -, -"})
  void otherModesAreDockersOwn(String pidMode, String ipcMode, String dockerPid, String dockerIpc) {
    ContainerDefinition app = container("app").build();
    TaskDefinition definition = task("bridge", app).toBuilder().pidMode(pidMode).ipcMode(ipcMode).build();

    ContainerSpec spec = factory.container(definition, app, null, Fixtures.context("EC2", false));

    assertThat(spec.pidMode()).isEqualTo(dockerPid);
    assertThat(spec.ipcMode()).isEqualTo(dockerIpc);
    assertThat(factory.sandbox(definition, null, Fixtures.context("EC2", false))).isEmpty();
  }

  @Test
  void anAwsvpcSandboxAlsoHoldsTheSharedIpcNamespace() {
    ContainerDefinition app = container("app").build();
    TaskDefinition definition = task("awsvpc", app).toBuilder().ipcMode("task").build();

    assertThat(factory.sandbox(definition, null, ec2()).orElseThrow().ipcMode()).isEqualTo("shareable");
  }

  @Test
  void awsvpcOnAHostWithoutNestingCapsEachContainer() {
    ContainerDefinition web = container("web").build();
    TaskDefinition definition = task("awsvpc", web).toBuilder().cpu("1024").memory("2048").build();
    LaunchContext fargate = Fixtures.context("FARGATE", false);

    ContainerSpec sandbox = factory.sandbox(definition, null, fargate).orElseThrow();
    assertThat(sandbox.resources().memoryBytes()).isNull();
    assertThat(sandbox.resources().cgroupParent()).isNull();

    ContainerSpec member = factory.container(definition, web, null, fargate.withSandbox(Fixtures.sandbox(null)));
    assertThat(member.resources().memoryBytes()).isEqualTo(2048L << 20);
    assertThat(member.resources().cpuQuotaMicros()).isEqualTo(100_000L);
  }

  @Test
  void portsPerNetworkMode() {
    List<PortMapping> mappings = List.of(port(80, null, null), port(81, 0, "tcp"), port(82, 8082, "udp"),
        PortMapping.builder().containerPortRange("9000-9002").build());
    ContainerDefinition container = container("app").portMappings(mappings).build();

    assertThat(factory.container(task("bridge", container), container, null, ec2()).ports()).containsExactly(
        new PortPublication(80, "tcp", "127.0.0.1", null), new PortPublication(81, "tcp", "127.0.0.1", null),
        new PortPublication(82, "udp", "127.0.0.1", 8082), new PortPublication(9000, "tcp", "127.0.0.1", null),
        new PortPublication(9001, "tcp", "127.0.0.1", null), new PortPublication(9002, "tcp", "127.0.0.1", null));
    assertThat(factory.container(task(null, container), container, null, ec2()).networkMode()).isEqualTo("bridge");
    for (String mode : List.of("host", "none")) {
      ContainerSpec spec = factory.container(task(mode, container), container, null, ec2());
      assertThat(spec.networkMode()).isEqualTo(mode);
      assertThat(spec.ports()).isEmpty();
    }
  }

  @Test
  void linksAndVolumesFromNameTheTargetsDockerContainers() {
    ContainerDefinition db = container("db").build();
    ContainerDefinition app = container("app").links(List.of("db", "db:database"))
        .volumesFrom(List.of(VolumeFrom.builder().sourceContainer("db").readOnly(true).build())).build();
    TaskDefinition definition = task("bridge", db, app);
    String dbName = factory.container(definition, db, null, ec2()).name();

    ContainerSpec spec = factory.container(definition, app, null, ec2());

    assertThat(spec.links()).containsExactly(dbName + ":db", dbName + ":database");
    assertThat(spec.volumesFrom()).containsExactly(dbName + ":ro");
    assertThat(factory.container(task("host", db, app), app, null, ec2()).links()).isEmpty();
  }

  @ParameterizedTest(name = "health check {0}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "CMD-SHELL,curl -f localhost         | null | null | null | null | CMD-SHELL,curl -f localhost           | 30 | 5 | 3 | null",
      "CMD,true                              | 10   | 2    | 1    | 60   | CMD,true                              | 10 | 2 | 1 | 60",
      "/bin/check,--fast                     | 300  | 60   | 10   | 0    | CMD,/bin/check,--fast                 | 300 | 60 | 10 | 0"})
  void healthChecksGetCmdAndDefaultsInDurations(String command, Integer interval, Integer timeout, Integer retries,
      Integer startPeriod, String test, long expectInterval, long expectTimeout, int expectRetries,
      Integer expectStart) {
    ContainerSpec spec = spec(container("app").healthCheck(HealthCheck.builder()
        .command(List.of(command.split(","))).interval(interval).timeout(timeout).retries(retries)
        .startPeriod(startPeriod).build()).build());

    assertThat(spec.healthCheck().test()).containsExactly(test.split(","));
    assertThat(spec.healthCheck().interval()).isEqualTo(Duration.ofSeconds(expectInterval));
    assertThat(spec.healthCheck().timeout()).isEqualTo(Duration.ofSeconds(expectTimeout));
    assertThat(spec.healthCheck().retries()).isEqualTo(expectRetries);
    assertThat(spec.healthCheck().startPeriod()).isEqualTo(expectStart == null ? null : Duration.ofSeconds(expectStart));
    assertThat(spec(container("app").build()).healthCheck()).isNull();
  }

  @ParameterizedTest(name = "log driver {0} -> {1}")
  @CsvSource({"awslogs, json-file, 0", "awsfirelens, json-file, 0", "splunk, json-file, 0", "json-file, json-file, 1",
      "syslog, syslog, 1", "fluentd, fluentd, 1"})
  void remoteLogDriversRunAsJsonFile(String driver, String expected, int options) {
    ContainerSpec spec = spec(container("app").logConfiguration(LogConfiguration.builder().logDriver(driver)
        .options(Map.of("max-size", "1m")).build()).build());

    assertThat(spec.log().driver()).isEqualTo(expected);
    assertThat(spec.log().options()).hasSize(options);
    assertThat(spec(container("app").build()).log()).isNull();
  }

  @Test
  void theRestOfTheContainerDefinitionPassesThrough() {
    ContainerDefinition container = container("app").user("1000:1000").workingDirectory("/srv").hostname("box")
        .readonlyRootFilesystem(true).privileged(true).stopTimeout(7)
        .ulimits(List.of(Ulimit.builder().name("nofile").softLimit(1024).hardLimit(4096).build()))
        .extraHosts(List.of(HostEntry.builder().hostname("db").ipAddress("10.0.0.1").build()))
        .linuxParameters(LinuxParameters.builder().initProcessEnabled(true).sharedMemorySize(64).build())
        .dnsServers(List.of("1.1.1.1")).pseudoTerminal(true).build();

    ContainerSpec spec = spec(container);

    assertThat(spec.user()).isEqualTo("1000:1000");
    assertThat(spec.workingDirectory()).isEqualTo("/srv");
    assertThat(spec.hostname()).isEqualTo("box");
    assertThat(spec.readonlyRootFilesystem()).isTrue();
    assertThat(spec.privileged()).isTrue();
    assertThat(spec.stopTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(spec.ulimits()).containsExactly(new UlimitSpec("nofile", 1024, 4096));
    assertThat(spec.extraHosts()).containsExactly("db:10.0.0.1");
    assertThat(spec.init()).isTrue();
    assertThat(spec.linux().shmSizeBytes()).isEqualTo(64L << 20);
    assertThat(spec.linux().dnsServers()).containsExactly("1.1.1.1");
    assertThat(spec.linux().tty()).isTrue();
    assertThat(spec(container("app").build()).stopTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void capabilitiesInAnySpellingBecomeDockersNames() {
    ContainerSpec spec = spec(container("app").linuxParameters(LinuxParameters.builder().capabilities(
        dev.ecsemulator.core.model.KernelCapabilities.builder().add(List.of("CAP_SYS_PTRACE", "net_admin"))
            .drop(List.of("cap_mknod")).build()).build()).build());

    assertThat(spec.linux().capAdd()).containsExactly("SYS_PTRACE", "NET_ADMIN");
    assertThat(spec.linux().capDrop()).containsExactly("MKNOD");
    CreateContainerMapping.hostConfig(spec); // docker-java knows them by these names only
  }

  @Test
  void fargateRefusesPrivilegeAndAddsNoUlimitOfItsOwn() {
    ContainerDefinition container = container("app").privileged(true).build();
    TaskDefinition definition = task("awsvpc", container);
    LaunchContext fargate = Fixtures.context("FARGATE", true).withSandbox(Fixtures.sandbox(null));

    ContainerSpec spec = factory.container(definition, container, null, fargate);

    assertThat(spec.privileged()).isFalse();
    assertThat(spec.ulimits()).as("Fargate's nofile 65535 would exceed many engines' hard limit").isEmpty();
  }
}
