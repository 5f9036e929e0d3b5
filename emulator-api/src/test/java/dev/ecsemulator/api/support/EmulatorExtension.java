package dev.ecsemulator.api.support;

import dev.ecsemulator.api.EmulatorConfig;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * One {@link TestEmulator} for a test class: register it in a static field with
 * {@code @RegisterExtension}. The emulator starts when the field is initialized (JUnit initializes a test
 * class just before running it), is reset after each test, pass or fail, so that no test sees another's
 * resources or containers, and is closed after the class.
 */
public final class EmulatorExtension implements AfterEachCallback, AfterAllCallback {

  private final TestEmulator emulator;

  public EmulatorExtension() {
    this(config -> config);
  }

  /** With a changed configuration, e.g. scheduler options. */
  public EmulatorExtension(UnaryOperator<EmulatorConfig> configure) {
    this.emulator = TestEmulator.start(configure);
  }

  /**
   * With a Docker host that does not answer (a socket path that does not exist), for tests that check what the API
   * answers and stores: EC2 placements fail with AGENT and Fargate tasks fail to start, so nothing runs.
   */
  public static EmulatorExtension withoutDocker() {
    return new EmulatorExtension(config ->
        config.withDockerHost("unix://" + java.nio.file.Path.of(config.dataDir().toString(), "no-docker.sock")));
  }

  public TestEmulator emulator() {
    return emulator;
  }

  /** The default client: us-east-1, the default account. */
  public EcsClient client() {
    return emulator.client();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    emulator.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    emulator.close();
  }
}
