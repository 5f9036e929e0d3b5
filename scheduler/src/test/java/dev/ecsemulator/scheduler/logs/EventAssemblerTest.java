package dev.ecsemulator.scheduler.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EventAssemblerTest {

  final List<LogEvent> out = new ArrayList<>();

  static LogEvent event(long timestamp, String message) {
    return LogEvent.of(timestamp, message);
  }

  @Test
  void withoutAPatternEachNonEmptyLineIsAnEvent() {
    EventAssembler assembler = new EventAssembler(null, 5000);

    assembler.add(1, "one", 0, out);
    assembler.add(2, "", 0, out);
    assembler.add(3, "héllo", 0, out);

    assertThat(out).containsExactly(event(1, "one"), event(3, "héllo"));
    assertThat(out.get(1).bytes()).isEqualTo(6);
    assertThat(assembler.pending()).isFalse();
  }

  @Test
  void aLineLongerThanAnEventIsCutIntoEventsOfTheSameTimestamp() {
    EventAssembler assembler = new EventAssembler(null, 5000);
    String line = "a".repeat(EventAssembler.MAX_EVENT_BYTES) + "bc";

    assembler.add(7, line, 0, out);

    assertThat(out).containsExactly(event(7, "a".repeat(EventAssembler.MAX_EVENT_BYTES)), event(7, "bc"));
  }

  @Test
  void cutsKeepWholeCharacters() {
    assertThat(Utf8Split.pieces("aé😀b", 3)).containsExactly("aé", "😀", "b");
    assertThat(Utf8Split.length("aé😀b")).isEqualTo(8);
    assertThat(Utf8Split.pieces("", 3)).isEmpty();
  }

  @Test
  void aPatternGathersLinesUntilTheNextMatchWithANewlineEach() {
    EventAssembler assembler = new EventAssembler(Pattern.compile("^\\d{4}-"), 5000);

    assembler.add(10, "stray", 0, out);
    assembler.add(11, "2026-01-01 first", 0, out);
    assembler.add(12, "  at a", 0, out);
    assembler.add(13, "", 0, out);
    assembler.add(14, "2026-01-01 second", 0, out);

    assertThat(out).containsExactly(event(10, "stray\n"), event(11, "2026-01-01 first\n  at a\n\n"));
    assertThat(assembler.pending()).isTrue();
    assembler.flush(out);
    assertThat(out).last().isEqualTo(event(14, "2026-01-01 second\n"));
  }

  @Test
  void thePatternIsFoundAnywhereInALineAsGosMatch() {
    EventAssembler assembler = new EventAssembler(Pattern.compile("ERROR"), 5000);

    assembler.add(1, "x ERROR one", 0, out);
    assembler.add(2, "more", 0, out);
    assembler.add(3, "y ERROR two", 0, out);

    assertThat(out).containsExactly(event(1, "x ERROR one\nmore\n"));
  }

  @Test
  void anEventThatWaitedLongEnoughIsSentAndLinesAfterItKeepItsTimestamp() {
    EventAssembler assembler = new EventAssembler(Pattern.compile("^START"), 5000);
    assembler.add(100, "START a", 1_000, out);

    assembler.flushIfWaited(5_999, out);
    assertThat(out).isEmpty();
    assembler.flushIfWaited(6_000, out);
    assertThat(out).containsExactly(event(100, "START a\n"));

    // The driver renews the timestamp only when an event is cut by a match: late lines carry the old one.
    assembler.add(200, "late", 7_000, out);
    assembler.flushIfWaited(7_001, out);
    assertThat(out).last().isEqualTo(event(100, "late\n"));
  }

  @Test
  void aPendingEventCanBeForgottenToBeReadAgain() {
    EventAssembler assembler = new EventAssembler(Pattern.compile("^START"), 5000);
    assembler.add(1, "START", 0, out);

    assembler.discard();
    assembler.flush(out);

    assertThat(out).isEmpty();
  }

  @Test
  void anEventThatWouldGrowTooLargeIsCut() {
    EventAssembler assembler = new EventAssembler(Pattern.compile("^START"), 5000);
    String half = "x".repeat(EventAssembler.MAX_EVENT_BYTES / 2);

    assembler.add(1, "START", 0, out);
    assembler.add(2, half, 0, out);
    assembler.add(3, half, 0, out);

    assertThat(out).containsExactly(event(1, "START\n" + half + "\n"));
  }
}
