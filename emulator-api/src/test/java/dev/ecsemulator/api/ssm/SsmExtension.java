package dev.ecsemulator.api.ssm;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

/**
 * An {@link EmulatorExtension} with an SDK SsmClient on it, for a test class: register it in a static field with
 * {@code @RegisterExtension}. State is reset after each test; the client and the emulator are closed after the class.
 */
final class SsmExtension implements AfterEachCallback, AfterAllCallback {

  private final EmulatorExtension emulator = new EmulatorExtension();
  private final SsmClient client = emulator.emulator().sdk(SsmClient.builder());

  TestEmulator emulator() {
    return emulator.emulator();
  }

  /** us-east-1, the default account. */
  SsmClient client() {
    return client;
  }

  /** Creates a parameter. */
  PutParameterResponse put(String name, String value, ParameterType type) {
    return client.putParameter(b -> b.name(name).value(value).type(type));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    emulator.afterEach(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      client.close();
    } finally {
      emulator.afterAll(context);
    }
  }
}
