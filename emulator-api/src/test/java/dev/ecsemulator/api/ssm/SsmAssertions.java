package dev.ecsemulator.api.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import software.amazon.awssdk.services.ssm.model.SsmException;

/** Assertions on the SSM errors the AWS SDK raises from the emulator's answers. */
final class SsmAssertions {

  private SsmAssertions() {}

  /** {@code call} raises {@code type}, a 400 with AWS's error {@code code} and {@code message}. */
  static void assertSsmError(Runnable call, Class<? extends SsmException> type, String code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(type, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    });
  }
}
