package dev.ecsemulator.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class data sharing archive bin/ecs-emulator trains next to the jar ({@code ecs-emulator.jsa}). A JVM
 * silently ignores an archive made from another build of the jar, which would make a "with CDS" figure a lie, so
 * {@link #usable} asks the JVM to insist on it ({@code -Xshare:on} fails when the archive cannot be mapped).
 */
public final class CdsArchive {

  private CdsArchive() {}

  /** The archive's conventional place: the jar's path with {@code .jsa} for {@code .jar}. */
  public static Path besideJar(Path jar) {
    String name = jar.getFileName().toString();
    return jar.resolveSibling(name.replaceFirst("\\.jar$", "") + ".jsa");
  }

  /** Whether {@code archive} exists and the JVM maps it for {@code jar}. */
  public static boolean usable(Path jar, Path archive) {
    if (!Files.isRegularFile(archive)) {
      return false;
    }
    try {
      Process p = new ProcessBuilder(List.of(JavaCommand.java().toString(), "-XX:SharedArchiveFile=" + archive,
          "-Xshare:on", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", jar.toString(), "--version"))
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
