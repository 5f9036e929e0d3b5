package dev.ecsemulator.api.ui;

/**
 * Where the live feed sends one watcher's events: a browser's server-sent event stream. Implementations are
 * thread-safe (the feed and the stats sampler send from their own threads).
 */
interface EventSink {

  /**
   * Sends one event.
   *
   * @param event the event's name ({@code snapshot}, {@code changes}, {@code stats}, ...)
   * @param data its JSON, on one line
   * @return false when the watcher is gone (the write failed): it gets nothing more
   */
  boolean send(String event, String data);

  /** Sends a comment that keeps the connection open; false when the watcher is gone. */
  boolean ping();

  /** Ends the stream. Idempotent. */
  void close();
}
