package dev.ecsemulator.embedded;

import dev.ecsemulator.api.Emulator;
import dev.ecsemulator.api.EmulatorConfig;

/**
 * One emulator started inside a program's JVM: the entry points the JUnit extension calls, by reflection, across
 * the class loader it keeps the emulator in. Only JDK types cross that boundary ({@code String[]}, {@code String},
 * {@code int}), so the extension depends on nothing of the emulator's.
 */
public final class EmbeddedEmulator implements AutoCloseable {

  /** See {@code dev.ecsemulator.api.Main}: spares Jetty a start of the platform MBean server (30 to 80 ms). */
  private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  private final Emulator emulator;

  private EmbeddedEmulator(Emulator emulator) {
    this.emulator = emulator;
  }

  /**
   * Starts an emulator with the jar's command-line options (the environment is not read); returns once it serves.
   *
   * @throws IllegalArgumentException for a bad option
   */
  public static EmbeddedEmulator start(String[] args) {
    if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
    }
    return new EmbeddedEmulator(Emulator.start(EmulatorConfig.fromArguments(args)));
  }

  /** The endpoint clients use, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return emulator.url();
  }

  /** The value of the {@code ecs-emulator.instance} label on everything this emulator creates in Docker. */
  public String instanceId() {
    return emulator.instance().id();
  }

  /** Stops the emulator (see {@link Emulator#close}); its task containers keep running unless reset first. */
  @Override
  public void close() {
    emulator.close();
  }
}
