package dev.ecsemulator.scheduler.runtime;

import static dev.ecsemulator.scheduler.runtime.Fixtures.container;
import static dev.ecsemulator.scheduler.runtime.Fixtures.ec2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.ContainerOverride;
import dev.ecsemulator.core.model.DockerVolumeConfiguration;
import dev.ecsemulator.core.model.EFSVolumeConfiguration;
import dev.ecsemulator.core.model.EnvironmentFile;
import dev.ecsemulator.core.model.HostVolumeProperties;
import dev.ecsemulator.core.model.LogConfiguration;
import dev.ecsemulator.core.model.MountPoint;
import dev.ecsemulator.core.model.Secret;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.Volume;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.Mount;
import dev.ecsemulator.scheduler.runtime.UnresolvedInput.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Volumes and mount points, and the inputs that cannot be resolved locally. */
class VolumeAndUnresolvedMappingTest {

  final ContainerSpecFactory factory = new ContainerSpecFactory();

  static MountPoint mount(String volume, String path, boolean readOnly) {
    return MountPoint.builder().sourceVolume(volume).containerPath(path).readOnly(readOnly).build();
  }

  @Test
  void volumesBecomeBindsTaskVolumesAndSharedVolumes() {
    ContainerDefinition app = container("app").mountPoints(List.of(
        mount("host", "/host", true), mount("scratch", "/scratch", false), mount("cache", "/cache", false),
        mount("shared", "/shared", false), mount("efs", "/efs", false))).build();
    TaskDefinition definition = Fixtures.task("bridge", app).toBuilder().volumes(List.of(
        Volume.builder().name("host").host(HostVolumeProperties.builder().sourcePath("/var/data").build()).build(),
        Volume.builder().name("scratch").build(),
        Volume.builder().name("unused").build(),
        Volume.builder().name("cache").dockerVolumeConfiguration(DockerVolumeConfiguration.builder()
            .scope("task").driver("local").labels(Map.of("kind", "cache")).build()).build(),
        Volume.builder().name("shared").dockerVolumeConfiguration(DockerVolumeConfiguration.builder()
            .scope("shared").autoprovision(true).build()).build(),
        Volume.builder().name("efs").efsVolumeConfiguration(EFSVolumeConfiguration.builder()
            .fileSystemId("fs-1234").build()).build())).build();

    List<VolumeSpec> volumes = factory.volumes(definition, ec2());
    ContainerSpec spec = factory.container(definition, app, null, ec2());

    assertThat(volumes).extracting(VolumeSpec::taskVolumeName).containsExactly("scratch", "cache", "shared");
    VolumeSpec scratch = volumes.get(0);
    VolumeSpec cache = volumes.get(1);
    VolumeSpec shared = volumes.get(2);
    assertThat(scratch.dockerName()).matches("ecs-web-3-scratch-[0-9a-f]{20}");
    assertThat(scratch.scope()).isEqualTo(VolumeSpec.Scope.TASK);
    assertThat(cache.labels()).containsEntry("kind", "cache").containsEntry(AgentLabels.TASK_ARN, Fixtures.TASK_ARN)
        .containsAllEntriesOf(Fixtures.INSTANCE_LABELS);
    assertThat(shared.dockerName()).isEqualTo("shared");
    assertThat(shared.scope()).isEqualTo(VolumeSpec.Scope.SHARED);
    assertThat(shared.autoprovision()).isTrue();
    assertThat(spec.mounts()).containsExactly(
        new Mount(Mount.Kind.BIND, "/var/data", "/host", true),
        new Mount(Mount.Kind.VOLUME, scratch.dockerName(), "/scratch", false),
        new Mount(Mount.Kind.VOLUME, cache.dockerName(), "/cache", false),
        new Mount(Mount.Kind.VOLUME, "shared", "/shared", false));
    assertThat(spec.mounts().get(0).toBindString()).isEqualTo("/var/data:/host:ro");
    assertThat(factory.unresolved(definition, null))
        .containsExactly(new UnresolvedInput(null, Kind.VOLUME, "efs", "efs:fs-1234"));
  }

  @Test
  void environmentFilesAreReportedNotInvented() {
    ContainerDefinition app = container("app")
        .secrets(List.of(Secret.builder().name("DB_PASSWORD").valueFrom("arn:aws:ssm:eu-west-1:1:parameter/db").build()))
        .environmentFiles(List.of(EnvironmentFile.builder().type("s3").value("arn:aws:s3:::b/app.env").build()))
        .logConfiguration(LogConfiguration.builder().logDriver("splunk").secretOptions(List.of(
            Secret.builder().name("splunk-token").valueFrom("arn:aws:secretsmanager:eu-west-1:1:secret:t").build()))
            .build())
        .build();
    ContainerDefinition plain = container("plain").build();
    TaskDefinition definition = Fixtures.task("bridge", app, plain);
    var overrides = Fixtures.overrides(ContainerOverride.builder().name("plain").environmentFiles(List.of(
        EnvironmentFile.builder().type("s3").value("arn:aws:s3:::b/extra.env").build())).build());

    // Secrets and log secret options come from the emulator's stores (scheduler.secrets): not unresolved.
    assertThat(factory.unresolved(definition, overrides)).containsExactly(
        new UnresolvedInput("app", Kind.ENVIRONMENT_FILE, "s3", "arn:aws:s3:::b/app.env"),
        new UnresolvedInput("plain", Kind.ENVIRONMENT_FILE, "s3", "arn:aws:s3:::b/extra.env"));
    assertThat(factory.container(definition, app, null, ec2()).environment()).doesNotContainKey("DB_PASSWORD");
    assertThat(factory.unresolved(Fixtures.task("bridge", plain), null)).isEmpty();
  }
}
