package dev.ecsemulator.core.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Reads events of many chunks (of one stream or of many) in {@link EventPosition} order, forward or backward from a
 * boundary, within a time range. Each chunk is sorted already, so this merges sorted runs: a chunk joins the merge only
 * once the merge reaches its first timestamp, which for chunks written in time order keeps one or two of them in play.
 * Pure; not thread-safe (one reader each).
 */
final class EventMerge implements Iterator<EventMerge.Hit> {

  /** A chunk of a named stream. */
  record Source(String stream, EventChunk chunk) {}

  /** Event {@code index} of a source's chunk. */
  record Hit(Source source, int index) {
    EventPosition position() {
      return EventPosition.of(source.chunk(), index);
    }

    long timestamp() {
      return source.chunk().timestamp(index);
    }

    String message() {
      return source.chunk().message(index);
    }
  }

  private final boolean forward;
  private final EventPosition boundary;
  private final long from;
  private final long until;
  private final List<Source> waiting;
  private int nextWaiting;
  private final PriorityQueue<Cursor> live;

  /**
   * @param forward read the events after {@code boundary} ascending, else those at or before it descending
   * @param from the oldest timestamp read (inclusive)
   * @param until the newest timestamp read (exclusive)
   */
  EventMerge(List<Source> sources, boolean forward, EventPosition boundary, long from, long until) {
    this.forward = forward;
    this.boundary = boundary;
    this.from = from;
    this.until = until;
    List<Source> overlapping = new ArrayList<>();
    for (Source source : sources) {
      EventChunk c = source.chunk();
      boolean beyond = forward ? c.maxTimestamp() < Math.max(from, boundary.timestamp()) : c.minTimestamp() > boundary.timestamp();
      if (!beyond && c.maxTimestamp() >= from && c.minTimestamp() < until) {
        overlapping.add(source);
      }
    }
    Comparator<Source> joinOrder = forward
        ? Comparator.comparingLong(s -> s.chunk().minTimestamp())
        : Comparator.<Source>comparingLong(s -> s.chunk().maxTimestamp()).reversed();
    overlapping.sort(joinOrder);
    this.waiting = overlapping;
    Comparator<Cursor> byPosition = Comparator.comparing(Cursor::position);
    this.live = new PriorityQueue<>(forward ? byPosition : byPosition.reversed());
  }

  @Override
  public boolean hasNext() {
    admit();
    return !live.isEmpty();
  }

  @Override
  public Hit next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Cursor cursor = live.poll();
    Hit hit = new Hit(cursor.source, cursor.index);
    cursor.index += forward ? 1 : -1;
    if (cursor.inRange()) {
      live.add(cursor);
    }
    return hit;
  }

  /** Brings in the waiting chunks that may hold the next event: all that start at or before the current head. */
  private void admit() {
    while (nextWaiting < waiting.size()) {
      Source source = waiting.get(nextWaiting);
      if (!live.isEmpty()) {
        long head = live.peek().timestamp();
        boolean mayPrecede = forward ? source.chunk().minTimestamp() <= head : source.chunk().maxTimestamp() >= head;
        if (!mayPrecede) {
          return;
        }
      }
      nextWaiting++;
      Cursor cursor = start(source);
      if (cursor.inRange()) {
        live.add(cursor);
      }
    }
  }

  private Cursor start(Source source) {
    EventChunk c = source.chunk();
    Cursor cursor = new Cursor(source);
    if (forward) {
      cursor.index = c.firstAtOrAfter(Math.max(from, boundary.timestamp()));
      while (cursor.index < c.size() && EventPosition.of(c, cursor.index).compareTo(boundary) <= 0) {
        cursor.index++;
      }
    } else {
      long limit = Math.min(until, boundary.timestamp() == Long.MAX_VALUE ? Long.MAX_VALUE : boundary.timestamp() + 1);
      cursor.index = c.firstAtOrAfter(limit) - 1;
      while (cursor.index >= 0 && EventPosition.of(c, cursor.index).compareTo(boundary) > 0) {
        cursor.index--;
      }
    }
    return cursor;
  }

  /** A place in one chunk. */
  private final class Cursor {
    final Source source;
    int index;

    Cursor(Source source) {
      this.source = source;
    }

    boolean inRange() {
      EventChunk c = source.chunk();
      return index >= 0 && index < c.size() && c.timestamp(index) >= from && c.timestamp(index) < until;
    }

    long timestamp() {
      return source.chunk().timestamp(index);
    }

    EventPosition position() {
      return EventPosition.of(source.chunk(), index);
    }
  }
}
