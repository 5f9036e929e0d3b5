package dev.ecsemulator.junit;

/**
 * When the extension resets the emulator ({@code POST /_emulator/reset}: every resource of every account and region
 * forgotten, every task container, network and volume removed). An emulator shared by several classes
 * ({@link EmulatorScope#JVM}) is also reset before each class that does not say {@link #NEVER}, so that no class sees
 * another's resources.
 */
public enum Reset {
  /** After every test, pass or fail (after its {@code @AfterEach} methods). */
  AFTER_EACH_TEST,
  /** After the class's last test, so that resources made in {@code @BeforeAll} serve every test. */
  AFTER_CLASS,
  /** Never; an emulator of the class's own is still emptied when it stops. */
  NEVER
}
