package dev.ecsemulator.core.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.logs.error.InvalidParameterException;
import dev.ecsemulator.core.logs.model.InputLogEvent;
import dev.ecsemulator.core.logs.model.RejectedLogEventsInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchRulesTest {

  static final long NOW = 1_800_000_000_000L;
  static final long HOUR = 3_600_000L;
  static final long DAY = 24 * HOUR;

  static List<InputLogEvent> at(long... timestamps) {
    List<InputLogEvent> events = new ArrayList<>();
    for (long t : timestamps) {
      events.add(new InputLogEvent("m" + t, t));
    }
    return events;
  }

  @Test
  void aBatchWithinTheLimitsIsStoredWhole() {
    BatchRules.Verdict verdict = BatchRules.check(at(NOW - HOUR, NOW, NOW + HOUR), NOW, null);

    assertThat(verdict.from()).isZero();
    assertThat(verdict.to()).isEqualTo(3);
    assertThat(verdict.rejected()).isNull();
  }

  @Test
  void tooOldAndTooNewEventsAreSetAsideWithExclusiveAndInclusiveIndexes() {
    List<InputLogEvent> events = at(NOW - 15 * DAY, NOW - 14 * DAY - 1, NOW - HOUR, NOW, NOW + 2 * HOUR + 1);

    BatchRules.Verdict verdict = BatchRules.check(events, NOW, null);

    assertThat(verdict.from()).isEqualTo(2);
    assertThat(verdict.to()).isEqualTo(4);
    assertThat(verdict.rejected()).isEqualTo(new RejectedLogEventsInfo(null, 4, 2));
  }

  @Test
  void eventsAtTheEdgesAreKept() {
    assertThat(BatchRules.check(at(NOW - 14 * DAY), NOW, null).rejected()).isNull();
    assertThat(BatchRules.check(at(NOW + 2 * HOUR), NOW, null).rejected()).isNull();
  }

  @Test
  void eventsOlderThanTheRetentionAreExpiredAfterTheTooOldOnes() {
    List<InputLogEvent> events = at(NOW - 20 * DAY, NOW - 3 * DAY, NOW - 2 * DAY, NOW);

    BatchRules.Verdict verdict = BatchRules.check(events, NOW, 1);

    assertThat(verdict.rejected()).isEqualTo(new RejectedLogEventsInfo(3, null, 1));
    assertThat(verdict.from()).isEqualTo(3);
  }

  @Test
  void aBatchOfOnlyRejectedEventsStoresNothing() {
    BatchRules.Verdict verdict = BatchRules.check(at(NOW - 30 * DAY), NOW, null);

    assertThat(verdict.storesAny()).isFalse();
    assertThat(verdict.rejected()).isEqualTo(new RejectedLogEventsInfo(null, null, 1));
  }

  @Test
  void eventsOutOfOrderFailTheBatch() {
    assertThatThrownBy(() -> BatchRules.check(at(NOW, NOW - 1), NOW, null))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("Log events in a single PutLogEvents request must be in chronological order.");
  }

  @Test
  void keptEventsSpanningMoreThan24HoursFailTheBatchButRejectedOnesDoNotCount() {
    assertThatThrownBy(() -> BatchRules.check(at(NOW - DAY - 1, NOW), NOW, null))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
    assertThat(BatchRules.check(at(NOW - DAY, NOW), NOW, null).rejected()).isNull();
    assertThat(BatchRules.check(at(NOW - 20 * DAY, NOW - HOUR, NOW), NOW, null).from()).isEqualTo(1);
  }

  @Test
  void sizesCountUtf8BytesAnd26PerEvent() {
    String big = "é".repeat(524_275); // 1,048,550 bytes: with 26, exactly the limit
    assertThat(BatchRules.check(List.of(new InputLogEvent(big, NOW)), NOW, null).storesAny()).isTrue();

    String tooBig = big + "x";
    assertThatThrownBy(() -> BatchRules.check(List.of(new InputLogEvent(tooBig, NOW)), NOW, null))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("Log event too large: 1048577 bytes exceeds limit of 1048576");

    List<InputLogEvent> full = List.of(new InputLogEvent("a".repeat(600_000), NOW),
        new InputLogEvent("b".repeat(448_524), NOW));
    assertThat(BatchRules.check(full, NOW, null).to()).isEqualTo(2);
    List<InputLogEvent> over = List.of(new InputLogEvent("a".repeat(600_000), NOW),
        new InputLogEvent("b".repeat(448_525), NOW));
    assertThatThrownBy(() -> BatchRules.check(over, NOW, null))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("Upload too large: 1048577 bytes exceeds limit of 1048576");
  }
}
