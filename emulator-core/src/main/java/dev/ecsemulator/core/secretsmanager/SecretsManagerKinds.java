package dev.ecsemulator.core.secretsmanager;

import dev.ecsemulator.core.state.Kind;
import java.util.List;

/**
 * The tables of Secrets Manager in the {@link dev.ecsemulator.core.state.StateStore}. Kind names are part of the
 * durable format, prefixed by the service: never rename one.
 */
public final class SecretsManagerKinds {

  private SecretsManagerKinds() {}

  /** Key: the secret's name (unique in its account and region). Values included: the store keeps them in clear. */
  public static final Kind<StoredSecret> SECRET = Kind.of("secretsmanager-secret", StoredSecret.class);

  /** Every kind declared here, for the composition root's registry. */
  public static List<Kind<?>> all() {
    return List.of(SECRET);
  }
}
