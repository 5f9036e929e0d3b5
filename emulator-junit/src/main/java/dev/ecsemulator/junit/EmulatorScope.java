package dev.ecsemulator.junit;

/** How long one emulator lives, and so which test classes share it. */
public enum EmulatorScope {
  /**
   * One emulator for every test class of the JVM that asks for the same {@link EcsEmulatorTest#options()}, stopped when
   * the test run ends: start-up is paid once. Classes are kept apart by the reset (see {@link Reset}).
   */
  JVM,
  /** An emulator of the class's own, started before its first test and stopped after its last. */
  CLASS
}
