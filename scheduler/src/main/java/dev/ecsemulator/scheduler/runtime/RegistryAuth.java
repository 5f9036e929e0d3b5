package dev.ecsemulator.scheduler.runtime;

import java.util.Objects;

/**
 * Credentials for pulling an image from a private registry: what the ECS agent reads from the Secrets Manager secret
 * a container's {@code repositoryCredentials.credentialsParameter} names, and hands Docker as the pull's auth.
 * {@link #toString} never shows the password.
 */
public record RegistryAuth(String username, String password) {

  public RegistryAuth {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "RegistryAuth[username=" + username + ", password=*** redacted ***]";
  }
}
