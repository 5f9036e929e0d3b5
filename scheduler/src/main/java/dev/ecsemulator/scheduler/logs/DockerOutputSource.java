package dev.ecsemulator.scheduler.logs;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.ecsemulator.scheduler.runtime.ContainerRuntime;
import dev.ecsemulator.scheduler.runtime.ContainerRuntimeException;
import dev.ecsemulator.scheduler.runtime.ObservedContainer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Containers' output from the Docker engine: {@code GET /containers/ID/logs?stdout=1&stderr=1&timestamps=1} on a
 * client of its own (each followed container holds one of its connections, without a response timeout), and the
 * container's state from the runtime, which only answers for this emulator's containers.
 */
final class DockerOutputSource implements OutputSource {

  private final ContainerRuntime runtime;
  private final DockerHttpClient http;

  DockerOutputSource(ContainerRuntime runtime, DockerHttpClient http) {
    this.runtime = runtime;
    this.http = http;
  }

  @Override
  public Optional<Boolean> running(String containerId) throws IOException {
    try {
      return runtime.inspect(containerId).map(c -> c.state() == ObservedContainer.State.RUNNING);
    } catch (ContainerRuntimeException e) {
      throw new IOException(e.reason(), e);
    }
  }

  @Override
  public Output open(String containerId, boolean follow, String since, boolean tty) throws IOException {
    StringBuilder path = new StringBuilder("/containers/")
        .append(URLEncoder.encode(containerId, StandardCharsets.UTF_8))
        .append("/logs?stdout=1&stderr=1&timestamps=1");
    if (follow) {
      path.append("&follow=1");
    }
    if (since != null) {
      path.append("&since=").append(since);
    }
    DockerHttpClient.Response response;
    try {
      response = http.execute(DockerHttpClient.Request.builder()
          .method(DockerHttpClient.Request.Method.GET).path(path.toString()).build());
    } catch (RuntimeException e) {
      throw new IOException("cannot read the logs of " + containerId + ": " + e.getMessage(), e);
    }
    int status = response.getStatusCode();
    if (status == 404 || status == 409) { // gone, or being removed: nothing more to read
      response.close();
      return new Output() {
        @Override
        public DockerLogLine next() {
          return null;
        }

        @Override
        public void close() {}
      };
    }
    if (status != 200) {
      response.close();
      throw new IOException("the engine answered the logs of " + containerId + " with HTTP " + status);
    }
    InputStream body = response.getBody();
    LogFrameDecoder decoder = new LogFrameDecoder(body, tty);
    return new Output() {
      @Override
      public DockerLogLine next() throws IOException {
        return decoder.next();
      }

      @Override
      public void close() {
        try {
          response.close();
        } catch (RuntimeException e) {
          // closing a connection that broke already
        }
      }
    };
  }
}
