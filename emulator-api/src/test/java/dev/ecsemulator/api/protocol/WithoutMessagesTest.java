package dev.ecsemulator.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What the log shows of a bug in a service that carries secrets. */
class WithoutMessagesTest {

  @Test
  void keepsClassesCausesAndFramesButNoMessage() {
    IllegalStateException cause = new IllegalStateException("value hunter2 was refused");
    RuntimeException failure = new RuntimeException("while storing {\"SecretString\":\"hunter2\"}", cause);
    failure.addSuppressed(new IllegalArgumentException("hunter2 again"));

    Throwable logged = WithoutMessages.of(failure);

    String printed = print(logged);
    assertThat(printed).doesNotContain("hunter2")
        .contains("java.lang.RuntimeException", "java.lang.IllegalStateException", "java.lang.IllegalArgumentException",
            "WithoutMessagesTest.keepsClassesCausesAndFramesButNoMessage");
    assertThat(logged.getStackTrace()).isEqualTo(failure.getStackTrace());
    assertThat(logged.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
  }

  @Test
  void aCycleOfCausesEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);

    assertThat(print(WithoutMessages.of(a))).doesNotContain("\"a\"");
  }

  private static String print(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
