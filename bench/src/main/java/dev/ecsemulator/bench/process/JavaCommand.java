package dev.ecsemulator.bench.process;

import java.nio.file.Path;

/** The java launcher of the JVM running the harness, used for every JVM the harness starts. */
public final class JavaCommand {

  private JavaCommand() {}

  public static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** The classpath of the running harness: the bench jar under bin/bench, the test classpath in tests. */
  public static String ownClasspath() {
    return System.getProperty("java.class.path");
  }
}
