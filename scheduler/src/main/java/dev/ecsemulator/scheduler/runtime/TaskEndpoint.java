package dev.ecsemulator.scheduler.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a task's containers reach the emulator's task endpoint (metadata v3 and v4, credentials), and
 * what is injected into them for it, as the ECS agent injects it (agent {@code container.go}
 * {@code InjectV3MetadataEndpoint}/{@code InjectV4MetadataEndpoint}, {@code task.go} credentials):
 * {@code ECS_CONTAINER_METADATA_URI=<base>/v3/<id>}, {@code ECS_CONTAINER_METADATA_URI_V4=<base>/v4/<id>}
 * with one ID per container, and, for a task with a role,
 * {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=/v2/credentials/<credentials id>}.
 *
 * <p>The AWS SDKs resolve a relative URI against {@code http://169.254.170.2} only (port 80). When the
 * endpoint is served on another port, the full URI goes in {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}
 * instead, which the SDKs accept for the host 169.254.170.2 on any port.
 *
 * @param baseUrl {@code http://169.254.170.2}, or with a port when the endpoint could not have port 80
 * @param ids derives the IDs in the URIs
 * @param awsEndpointUrl the emulator's API as tasks reach it, injected as {@code AWS_ENDPOINT_URL} unless
 *     the task sets it; null when not asked for
 */
public record TaskEndpoint(String baseUrl, EndpointIds ids, String awsEndpointUrl) {

  /** The ECS agent's address for the endpoint, which the SDKs hard-code for the relative URI. */
  public static final String ADDRESS = "169.254.170.2";
  /** Where the agent's credentials handler lives (agent {@code credentials.V2CredentialsPath}). */
  public static final String CREDENTIALS_PATH = "/v2/credentials/";

  public TaskEndpoint {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(ids, "ids");
  }

  /** Supplies the endpoint tasks launched now should use, or null when none is served now. */
  @FunctionalInterface
  public interface Source {
    Source NONE = () -> null;

    TaskEndpoint current();
  }

  /** Whether credentials can be given as a relative URI: only when served on port 80. */
  public boolean relativeCredentials() {
    return baseUrl.equals("http://" + ADDRESS);
  }

  /**
   * The variables the agent injects into one container (they win over the task's own), in order.
   *
   * @param taskRoleArn the task's role (the task definition's or the override's), or null for none: then
   *     no credentials variable is injected, as on ECS
   */
  public Map<String, String> agentVariables(String taskArn, String containerName, String taskRoleArn) {
    Map<String, String> env = new LinkedHashMap<>();
    String id = ids.container(taskArn, containerName);
    env.put("ECS_CONTAINER_METADATA_URI", baseUrl + "/v3/" + id);
    env.put("ECS_CONTAINER_METADATA_URI_V4", baseUrl + "/v4/" + id);
    if (taskRoleArn != null && !taskRoleArn.isBlank()) {
      String path = CREDENTIALS_PATH + ids.credentials(taskArn);
      if (relativeCredentials()) {
        env.put("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", path);
      } else {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", baseUrl + path);
      }
    }
    return env;
  }
}
