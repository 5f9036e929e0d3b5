package dev.ecsemulator.scheduler.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ResumePointTest {

  @Test
  void nothingShippedReadsEverything() {
    ResumePoint start = ResumePoint.start();

    assertThat(start.since()).isNull();
    assertThat(start.shipped(LogEvent.of(0, "a"))).isFalse();
  }

  @Test
  void sinceIsTheNewestTimestampToTheMillisecond() {
    assertThat(new ResumePoint(1_796_648_746_396L, List.of()).since()).isEqualTo("1796648746.396");
    assertThat(new ResumePoint(1_796_648_746_005L, List.of()).since()).isEqualTo("1796648746.005");
  }

  @Test
  void eventsAtTheNewestMillisecondAreCountedOffOnceEach() {
    ResumePoint resume = new ResumePoint(500, List.of("ping", "ping", "pong"));

    assertThat(resume.shipped(LogEvent.of(499, "older"))).isTrue();
    assertThat(resume.shipped(LogEvent.of(500, "ping"))).isTrue();
    assertThat(resume.shipped(LogEvent.of(500, "pong"))).isTrue();
    assertThat(resume.shipped(LogEvent.of(500, "ping"))).isTrue();
    assertThat(resume.shipped(LogEvent.of(500, "ping"))).as("a third ping was not shipped").isFalse();
    assertThat(resume.shipped(LogEvent.of(500, "new"))).isFalse();
    assertThat(resume.shipped(LogEvent.of(501, "ping"))).isFalse();
  }

  @Test
  void withAPatternTheLeadingLinesThatEndAShippedEventAreDropped() {
    Pattern start = Pattern.compile("^START");
    ResumePoint resume = new ResumePoint(500, List.of("START x\n  tail\n"));

    assertThat(resume.skipsLine(500, "  end of an older event", start)).isTrue();
    assertThat(resume.skipsLine(500, "START x", start)).isFalse();
    assertThat(resume.skipsLine(500, "  tail", start)).as("only before the first start").isFalse();
    assertThat(new ResumePoint(500, List.of()).skipsLine(501, "  later", start)).isFalse();
    assertThat(new ResumePoint(500, List.of()).skipsLine(400, "  older", null)).isFalse();
  }
}
