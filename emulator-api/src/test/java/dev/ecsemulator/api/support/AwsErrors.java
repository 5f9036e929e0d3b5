package dev.ecsemulator.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.Scope;
import software.amazon.awssdk.services.ecs.model.EcsException;

/** Assertions on the typed errors the AWS SDK raises from the emulator's answers. */
public final class AwsErrors {

  /** The scope of {@link TestEmulator#client()}: the default account in us-east-1. */
  public static final Scope DEFAULT_SCOPE = new Scope("000000000000", "us-east-1");

  private AwsErrors() {}

  /** Asserts that {@code call} raises exactly {@code type} with AWS's {@code message}. */
  public static void assertAwsError(Runnable call, Class<? extends EcsException> type, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(type, e -> {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type.getSimpleName());
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    });
  }
}
