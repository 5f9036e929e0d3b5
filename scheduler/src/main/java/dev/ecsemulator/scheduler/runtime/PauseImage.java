package dev.ecsemulator.scheduler.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.ecsemulator.scheduler.docker.Labels;
import dev.ecsemulator.scheduler.runtime.ContainerRuntimeException.ErrorName;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox image: built from {@link PauseBinary} and {@link DockerArchive} and loaded with
 * {@code docker load} the first time a sandbox is needed on an engine; never pulled. Its tag names the
 * architecture and a hash of the program, so a changed program gets a new image. Labelled
 * {@code ecs-emulator.managed=true} but with no instance label: every emulator on the engine shares it.
 * Thread-safe.
 */
final class PauseImage {

  /** The repository of the sandbox image unless configured otherwise. */
  static final String DEFAULT_REPOSITORY = "ecs-emulator/pause";
  static final String ROLE_LABEL = "ecs-emulator.role";

  private final DockerClient client;
  private final String repository;
  private final Set<String> loaded = ConcurrentHashMap.newKeySet();
  /** Each architecture's tag, made once: the program and so its hash never change while the emulator runs. */
  private final Map<PauseBinary.Arch, String> tags = new ConcurrentHashMap<>();

  PauseImage(DockerClient client, String repository) {
    this.client = client;
    this.repository = repository;
  }

  /** The image's tag for {@code arch}: {@code <repository>:<arch>-<12 hex of the program>}. */
  String tag(PauseBinary.Arch arch) {
    return tags.computeIfAbsent(arch, a -> repository + ":" + a.dockerName() + "-"
        + DockerArchive.sha256(PauseBinary.executable(a)).substring(0, 12));
  }

  /**
   * Makes the image present and returns its tag.
   *
   * @throws ContainerRuntimeException {@code CannotCreateContainerError} when the host's architecture has
   *     no pause program, or loading fails
   */
  String ensure(PauseBinary.Arch arch, String hostArchitecture) {
    if (arch == null) {
      throw new ContainerRuntimeException(ErrorName.CANNOT_CREATE_CONTAINER,
          "the emulator has no sandbox program for architecture " + hostArchitecture + " (only amd64 and arm64)");
    }
    String tag = tag(arch);
    if (loaded.contains(tag)) {
      return tag;
    }
    synchronized (this) {
      if (!present(tag)) {
        DockerArchive.Image image = DockerArchive.singleExecutable(tag, arch.dockerName(), "pause",
            PauseBinary.executable(arch), Map.of(Labels.MANAGED, "true", ROLE_LABEL, "pause"));
        try {
          client.loadImageCmd(new ByteArrayInputStream(image.tar())).exec();
        } catch (RuntimeException e) {
          throw DockerErrors.wrap(ErrorName.CANNOT_CREATE_CONTAINER, e, "the engine");
        }
        if (!present(tag)) {
          throw new ContainerRuntimeException(ErrorName.CANNOT_CREATE_CONTAINER,
              "the engine loaded the sandbox image but does not list " + tag);
        }
      }
      loaded.add(tag);
    }
    return tag;
  }

  private boolean present(String tag) {
    try {
      client.inspectImageCmd(tag).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
