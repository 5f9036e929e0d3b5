package dev.ecsemulator.scheduler.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import dev.ecsemulator.scheduler.runtime.ContainerRuntimeException.ErrorName;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Image presence and pulls for {@link DockerContainerRuntime}. Thread-safe. */
final class DockerImages {

  private static final Logger log = LoggerFactory.getLogger(DockerImages.class);

  private final DockerClient client;
  private final String host;
  /** Images this emulator pulled successfully, for {@link PullPolicy#ONCE}. */
  private final Set<String> pulled = ConcurrentHashMap.newKeySet();

  DockerImages(DockerClient client, String host) {
    this.client = client;
    this.host = host;
  }

  /** @param auth credentials for the pull ({@code repositoryCredentials}), or null */
  LocalImage ensure(String image, PullPolicy policy, RegistryAuth auth) {
    ImageReference reference = ImageReference.parse(image);
    Optional<String> alias = reference.ecrLocalAlias();
    if (alias.isPresent()) {
      Optional<String> id = localId(alias.get());
      if (id.isPresent()) {
        return new LocalImage(image, alias.get(), id.get(), false);
      }
    }
    Optional<String> cached = localId(image);
    if (!policy.shouldPull(cached.isPresent(), pulled.contains(image))) {
      return new LocalImage(image, image, cached.orElseThrow(), false);
    }
    try {
      pull(reference, auth);
      pulled.add(image);
      String id = localId(image).orElseThrow(() -> new ContainerRuntimeException(ErrorName.CANNOT_PULL_CONTAINER,
          "Error response from daemon: pulled " + image + " but the engine does not list it"));
      return new LocalImage(image, image, id, true);
    } catch (ContainerRuntimeException e) {
      throw e;
    } catch (RuntimeException e) {
      ContainerRuntimeException failure = DockerErrors.wrap(ErrorName.CANNOT_PULL_CONTAINER, e, host);
      if (cached.isPresent()) {
        log.info("Pull of {} failed ({}); using the cached image", image, failure.getMessage());
        return new LocalImage(image, image, cached.get(), true);
      }
      throw failure;
    }
  }

  private void pull(ImageReference reference, RegistryAuth auth) {
    try {
      PullImageCmd pull = client.pullImageCmd(reference.repositoryWithRegistry()).withTag(reference.tagOrDigest());
      if (auth != null) {
        // As the agent hands the secret's username and password to Docker for this pull only.
        pull = pull.withAuthConfig(new AuthConfig().withUsername(auth.username()).withPassword(auth.password())
            .withRegistryAddress(reference.registry() != null ? reference.registry() : AuthConfig.DEFAULT_SERVER_ADDRESS));
      }
      pull.exec(new QuietPull())
          .awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerRuntimeException(ErrorName.CANNOT_PULL_CONTAINER, "interrupted while pulling " + reference, e);
    }
  }

  /**
   * A pull's callback that keeps the engine's error for {@link #awaitCompletion} instead of logging it: docker-java's
   * callbacks log every error they are given, with its stack trace, at ERROR, so each failed pull would print one
   * besides the single line its task logs with the reason ({@code CannotPullContainerError: ...}).
   */
  private static final class QuietPull extends PullImageResultCallback {
    private volatile Throwable error;

    @Override
    public void onError(Throwable throwable) {
      if (error == null) {
        error = throwable;
      }
      try {
        close();
      } catch (IOException e) {
        // closing the stream of a pull that failed: the failure is what is reported
      }
    }

    @Override
    protected void throwFirstError() {
      Throwable failure = error;
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error fatal) {
        throw fatal;
      }
      if (failure != null) {
        throw new DockerClientException("pull failed: " + failure.getMessage(), failure);
      }
      super.throwFirstError(); // a pull that ended without pulling the image
    }
  }

  /** The local image ID for a name, tag or ID; empty when the engine has no such image. */
  Optional<String> localId(String image) {
    try {
      return Optional.ofNullable(client.inspectImageCmd(image).exec().getId());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }
}
