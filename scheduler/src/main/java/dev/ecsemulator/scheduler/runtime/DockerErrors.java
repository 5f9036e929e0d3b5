package dev.ecsemulator.scheduler.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import dev.ecsemulator.scheduler.runtime.ContainerRuntimeException.ErrorName;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-java exceptions → {@link ContainerRuntimeException}s worded as the agent's Docker client words
 * them: the daemon's message after {@code Error response from daemon: }, or {@code Cannot connect to the
 * Docker daemon at <host>. Is the docker daemon running?} when nothing answered (moby client wording).
 */
final class DockerErrors {

  private static final ObjectMapper JSON = new ObjectMapper();
  // docker-java: "Status 404: {\"message\":\"...\"}\n"
  private static final Pattern STATUS = Pattern.compile("(?s)^Status \\d+: (.*)$");

  private DockerErrors() {}

  static ContainerRuntimeException wrap(ErrorName name, RuntimeException failure, String host) {
    return new ContainerRuntimeException(name, describe(failure, host), failure);
  }

  /** The agent's wording of a failed Docker call. */
  static String describe(RuntimeException failure, String host) {
    if (failure instanceof DockerException docker) {
      return "Error response from daemon: " + daemonMessage(docker);
    }
    if (failure instanceof DockerClientException client && client.getCause() == null) {
      // A streamed error, e.g. in a pull's progress: "Could not pull image: <daemon message>".
      String message = client.getMessage() == null ? "" : client.getMessage();
      return "Error response from daemon: " + message.replaceFirst("^Could not pull image: ", "");
    }
    if (hasCause(failure, IOException.class)) {
      return "Cannot connect to the Docker daemon at " + host + ". Is the docker daemon running?";
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** The daemon's {@code message} out of docker-java's {@code Status N: {"message":...}} text. */
  static String daemonMessage(DockerException e) {
    String text = e.getMessage() == null ? "" : e.getMessage().trim();
    for (Matcher status = STATUS.matcher(text); status.matches(); status = STATUS.matcher(text)) {
      text = status.group(1).trim();
    }
    if (text.startsWith("{")) {
      try {
        JsonNode node = JSON.readTree(text);
        if (node.hasNonNull("message")) {
          return node.get("message").asText().trim();
        }
      } catch (IOException notJson) {
        // fall through: use the text as it is
      }
    }
    return text;
  }

  static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
