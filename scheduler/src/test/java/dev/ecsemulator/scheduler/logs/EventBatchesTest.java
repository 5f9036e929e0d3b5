package dev.ecsemulator.scheduler.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class EventBatchesTest {

  static final long NOW = 1_796_648_746_000L;

  @Test
  void aBatchHoldsAtMostTenThousandEvents() {
    Deque<LogEvent> queue = new ArrayDeque<>();
    for (int i = 0; i < 10_001; i++) {
      queue.add(LogEvent.of(NOW, "e" + i));
    }

    EventBatches.Taken first = EventBatches.take(queue, NOW);

    assertThat(first.batch()).hasSize(10_000);
    assertThat(queue).hasSize(1);
    assertThat(EventBatches.take(queue, NOW).batch()).extracting(LogEvent::message).containsExactly("e10000");
  }

  @Test
  void aBatchHoldsAtMostAMebibyteCountingTwentySixBytesAnEvent() {
    Deque<LogEvent> queue = new ArrayDeque<>();
    String message = "x".repeat(1000 - 26);
    for (int i = 0; i < 1100; i++) {
      queue.add(LogEvent.of(NOW, message));
    }

    assertThat(EventBatches.take(queue, NOW).batch()).hasSize(1048);
  }

  @Test
  void aBatchSpansAtMostADayAndEventsPutLogEventsWouldSetAsideAreDropped() {
    Deque<LogEvent> queue = new ArrayDeque<>();
    queue.add(LogEvent.of(NOW - 15L * 24 * 3600_000, "too old"));
    queue.add(LogEvent.of(NOW - 25L * 3600_000, "a day and more ago"));
    queue.add(LogEvent.of(NOW, "now"));
    queue.add(LogEvent.of(NOW + 3L * 3600_000, "too new"));

    EventBatches.Taken first = EventBatches.take(queue, NOW);
    EventBatches.Taken second = EventBatches.take(queue, NOW);

    assertThat(first.batch()).extracting(LogEvent::message).containsExactly("a day and more ago");
    assertThat(first.dropped()).isEqualTo(1);
    assertThat(first.bytes()).isEqualTo("too old".length() + "a day and more ago".length());
    assertThat(second.batch()).extracting(LogEvent::message).containsExactly("now");
    assertThat(second.dropped()).isEqualTo(1);
    assertThat(queue).isEmpty();
  }
}
