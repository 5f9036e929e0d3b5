package dev.ecsemulator.bench.junit;

import dev.ecsemulator.junit.EcsEmulatorTest;
import dev.ecsemulator.junit.EmulatorScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The test classes {@link JunitProbe} runs: one with the extension, one without (what JUnit alone costs). Each prints
 * {@code FIRST_TEST} as its first test begins, then the in-JVM figures.
 */
public final class ProbeClasses {

  private ProbeClasses() {
  }

  /** Notes the time the class's first callback runs: registered before the emulator's extension, so it runs first. */
  public static final class ClassStart implements BeforeAllCallback {
    static volatile long nanos;

    @Override
    public void beforeAll(ExtensionContext context) {
      nanos = System.nanoTime();
    }
  }

  /**
   * CPU time of this JVM so far (user + system, all threads), from /proc/self/stat in clock ticks of 10 ms: the
   * figure that other load on the machine disturbs least. Read without loading a management bean.
   */
  static long cpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  @ExtendWith(ClassStart.class)
  @EcsEmulatorTest(scope = EmulatorScope.CLASS)
  public static final class WithEmulator {
    @Test
    void first(EcsClient ecs) throws IOException {
      long testStarted = System.nanoTime();
      long cpuAtFirstTest = cpuMillis();
      System.out.println("FIRST_TEST");
      System.out.flush();
      ecs.listClusters();
      long answered = System.nanoTime();
      System.out.println("EXTENSION_MS " + (testStarted - ClassStart.nanos) / 1e6);
      System.out.println("FIRST_ANSWER_MS " + (answered - ClassStart.nanos) / 1e6);
      System.out.println("CPU_MS " + cpuAtFirstTest);
    }
  }

  @ExtendWith(ClassStart.class)
  public static final class Plain {
    @Test
    void first() throws IOException {
      long testStarted = System.nanoTime();
      long cpuAtFirstTest = cpuMillis();
      System.out.println("FIRST_TEST");
      System.out.flush();
      System.out.println("EXTENSION_MS " + (testStarted - ClassStart.nanos) / 1e6);
      System.out.println("CPU_MS " + cpuAtFirstTest);
    }
  }
}
