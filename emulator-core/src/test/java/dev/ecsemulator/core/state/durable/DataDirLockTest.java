package dev.ecsemulator.core.state.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

  @TempDir Path root;

  /** Run in a child JVM: tries the lock, prints the outcome, exits 0 if it got it and 3 if refused. */
  public static void main(String[] args) {
    try (DataDirLock lock = DataDirLock.acquire(Path.of(args[0]))) {
      System.out.println("locked");
    } catch (DataDirLockedException e) {
      System.out.println(e.getMessage());
      System.exit(3);
    }
  }

  static Process probe(Path dir) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        DataDirLockTest.class.getName(), dir.toString())).redirectErrorStream(true).start();
  }

  static String outcome(Process p) throws Exception {
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  @Test
  void aSecondHolderInThisProcessIsRefusedUntilTheFirstCloses() {
    Path dir = root.resolve("data");
    DataDirLock first = DataDirLock.acquire(dir);

    assertThatThrownBy(() -> DataDirLock.acquire(dir)).isInstanceOf(DataDirLockedException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining("this process");

    first.close();
    first.close();
    DataDirLock.acquire(dir).close();
  }

  @Test
  void anotherProcessIsRefusedAndToldWhoHoldsIt() throws Exception {
    Path dir = root.resolve("data");
    try (DataDirLock held = DataDirLock.acquire(dir)) {
      // (Never open the lock file in the holding process: closing that descriptor would drop the lock.)
      Process other = probe(dir);

      assertThat(outcome(other)).contains(dir.toString(), "in use", "pid " + ProcessHandle.current().pid());
      assertThat(other.exitValue()).isEqualTo(3);
      // Being refused must not have released our lock (closing any descriptor of a locked file can).
      Process again = probe(dir);
      assertThat(outcome(again)).contains("in use");
    }
    Process after = probe(dir);
    assertThat(outcome(after)).isEqualTo("locked");
  }

  @Test
  void aDirectoryIsAbandonedOnlyOnceItsHolderHasLetGo() throws Exception {
    Path dir = root.resolve("data");
    assertThat(DataDirLock.abandoned(dir)).as("no such directory").isFalse();
    assertThat(DataDirLock.abandoned(root)).as("no lock file").isFalse();

    try (DataDirLock held = DataDirLock.acquire(dir)) {
      assertThat(DataDirLock.abandoned(dir)).as("held").isFalse();
      // Probing must not have dropped the lock: another process is still refused.
      assertThat(outcome(probe(dir))).contains("in use");
    }
    assertThat(DataDirLock.abandoned(dir)).as("let go").isTrue();
    DataDirLock.acquire(dir).close();
  }
}
