package dev.ecsemulator.core.arn;

import java.util.Optional;

/**
 * A parsed ARN: {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}, where RESOURCE is
 * {@code TYPE/ID...} for ECS resources.
 */
public record Arn(String partition, String service, String region, String accountId, String resource) {

  /** Parses any ARN-shaped string; empty when it is not one. */
  public static Optional<Arn> parse(String text) {
    if (text == null || !text.startsWith("arn:")) {
      return Optional.empty();
    }
    String[] parts = text.split(":", 6);
    if (parts.length != 6 || parts[1].isEmpty() || parts[2].isEmpty() || parts[5].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
  }

  public static boolean looksLikeArn(String text) {
    return text != null && text.startsWith("arn:");
  }

  /** The resource type: the part of RESOURCE before the first '/' (or ':' for old formats). */
  public String resourceType() {
    int slash = resource.indexOf('/');
    return slash < 0 ? resource : resource.substring(0, slash);
  }

  /** The resource path after its type: {@code cluster/NAME} gives NAME; {@code task/C/ID} gives C/ID. */
  public String resourcePath() {
    int slash = resource.indexOf('/');
    return slash < 0 ? "" : resource.substring(slash + 1);
  }

  /** The last '/'-separated element of the resource (a task ID, a service or cluster name). */
  public String lastPathElement() {
    int slash = resource.lastIndexOf('/');
    return slash < 0 ? resource : resource.substring(slash + 1);
  }

  @Override
  public String toString() {
    return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
  }
}
