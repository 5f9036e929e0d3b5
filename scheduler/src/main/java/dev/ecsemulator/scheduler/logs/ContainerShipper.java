package dev.ecsemulator.scheduler.logs;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships one container's output to its stream: a reader thread runs {@link #read} (Docker's output → lines →
 * events → a bounded queue), and the shipping thread takes batches off the queue ({@link #takeBatch}) and appends
 * them. A full queue holds the reader back, which only slows reading Docker's copy: the container never waits.
 * Every reading starts after what the stream already holds ({@link ResumePoint}), once what was queued before is
 * stored, so readings can be repeated (after the engine went away, after a restart) without loss or duplicates.
 * Thread-safe: one reader at a time, the shipping thread, and any caller of {@link #awaitDone} and {@link #close}.
 */
final class ContainerShipper {

  private static final Logger log = LoggerFactory.getLogger(ContainerShipper.class);

  /** How a reading ended. */
  enum Outcome {
    /** The container has stopped (or is gone) and all its output is stored. */
    DONE,
    /** The output broke off while the container runs (the engine went away): read again later. */
    RETRY,
    /** The shipper was closed. */
    CLOSED
  }

  private final ShippingTarget target;
  private final OutputSource source;
  private final EventSink sink;
  private final LongSupplier clock;
  private final long maxQueuedBytes;
  private final EventAssembler assembler;
  private final ArrayDeque<LogEvent> queue = new ArrayDeque<>();
  // All guarded by this.
  private long queuedBytes;
  private boolean inFlight;
  private boolean done;
  private boolean closed;
  private ResumePoint resume = ResumePoint.start();
  private OutputSource.Output current;

  /**
   * @param clock milliseconds now (multiline events waiting too long are sent)
   * @param maxQueuedBytes how much made but unstored output the queue holds before the reader waits
   */
  ContainerShipper(ShippingTarget target, OutputSource source, EventSink sink, LongSupplier clock,
      long maxQueuedBytes) {
    this.target = target;
    this.source = source;
    this.sink = sink;
    this.clock = clock;
    this.maxQueuedBytes = maxQueuedBytes;
    this.assembler = new EventAssembler(target.options().multiline(), target.options().flushInterval().toMillis());
  }

  ShippingTarget target() {
    return target;
  }

  /**
   * One reading of the output, on a reader thread: from after what the stream holds, following it while the
   * container runs. Blocks until the output ends and what it made is stored.
   */
  Outcome read() {
    if (!awaitDrained()) {
      return Outcome.CLOSED;
    }
    ResumePoint from = sink.resumePoint(target);
    List<LogEvent> made = new ArrayList<>();
    boolean ended;
    try {
      Optional<Boolean> running = source.running(target.containerId());
      if (running.isEmpty()) {
        return finish(true); // gone: nothing more to read
      }
      boolean follow = running.get();
      try (OutputSource.Output output = source.open(target.containerId(), follow, from.since(), target.tty())) {
        synchronized (this) {
          if (closed) {
            return Outcome.CLOSED;
          }
          current = output;
          resume = from;
        }
        for (DockerLogLine line = output.next(); line != null; line = output.next()) {
          long timestamp = line.timestampMillis();
          if (from.skipsLine(timestamp, line.text(), target.options().multiline())) {
            continue;
          }
          made.clear();
          synchronized (this) {
            assembler.add(timestamp, line.text(), clock.getAsLong(), made);
            if (!enqueue(made, true)) {
              return Outcome.CLOSED;
            }
          }
        }
      } finally {
        synchronized (this) {
          current = null;
        }
      }
      // Not followed, the container had stopped: that was all of it. Followed, the output ends when it stops.
      ended = !follow || !source.running(target.containerId()).orElse(false);
    } catch (IOException e) {
      log.debug("Reading the output of {} broke off: {}", target, e.getMessage());
      ended = false;
    }
    synchronized (this) {
      if (closed) {
        return Outcome.CLOSED;
      }
      made.clear();
      if (ended) {
        assembler.flush(made);
        enqueue(made, false);
      } else {
        assembler.discard(); // read again from the stream's end next time
      }
    }
    return finish(ended);
  }

  private Outcome finish(boolean ended) {
    if (!awaitDrained()) {
      return Outcome.CLOSED;
    }
    if (!ended) {
      return Outcome.RETRY;
    }
    synchronized (this) {
      done = true;
      notifyAll();
    }
    return Outcome.DONE;
  }

  /**
   * Queues events the stream does not hold yet; with {@code wait}, waits while the queue is full. Caller holds the
   * lock. False when closed meanwhile.
   */
  private boolean enqueue(List<LogEvent> events, boolean wait) {
    for (LogEvent event : events) {
      if (resume.shipped(event)) {
        continue;
      }
      while (wait && queuedBytes >= maxQueuedBytes && !closed) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          closed = true;
        }
      }
      if (closed) {
        return false;
      }
      queue.addLast(event);
      queuedBytes += event.bytes();
    }
    return true;
  }

  /**
   * The next batch to append, for the shipping thread (which then calls {@link #appended}); empty while the last one
   * is being appended. A multiline event that has waited long enough is sent first.
   */
  synchronized EventBatches.Taken takeBatch(long nowMillis) {
    if (inFlight) {
      return EventBatches.Taken.NOTHING;
    }
    if (!closed) {
      List<LogEvent> waited = new ArrayList<>();
      assembler.flushIfWaited(nowMillis, waited);
      enqueue(waited, false);
    }
    EventBatches.Taken taken = EventBatches.take(queue, nowMillis);
    queuedBytes -= taken.bytes();
    inFlight = !taken.batch().isEmpty();
    notifyAll();
    return taken;
  }

  /** The batch {@link #takeBatch} gave is stored (or was lost: the group or stream is gone). */
  synchronized void appended() {
    inFlight = false;
    notifyAll();
  }

  /** Whether events wait in the queue. */
  synchronized boolean queued() {
    return !queue.isEmpty();
  }

  /** Whether all the container's output is stored: it stopped, and its last reading ended. */
  synchronized boolean done() {
    return done;
  }

  /** Waits until {@link #done}, at most {@code timeout}; true if done. */
  synchronized boolean awaitDone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long left;
    while (!done && !closed && (left = deadline - System.nanoTime()) > 0) {
      wait(Math.max(1, left / 1_000_000));
    }
    return done;
  }

  /** Waits until everything queued is stored; false when closed meanwhile. */
  private synchronized boolean awaitDrained() {
    while ((!queue.isEmpty() || inFlight) && !closed) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closed = true;
      }
    }
    return !closed;
  }

  /**
   * Stops reading: a reading under way ends (its unsent multiline event is read again at the next start); what is
   * queued can still be taken. Idempotent.
   */
  void close() {
    OutputSource.Output reading;
    synchronized (this) {
      closed = true;
      reading = current;
      notifyAll();
    }
    if (reading != null) {
      reading.close();
    }
  }
}
