package dev.ecsemulator.core.logs;

import dev.ecsemulator.core.state.Kind;
import java.util.List;

/** The stored kinds of CloudWatch Logs. Names are durable: prefix {@code logs-}, never renamed. */
public final class LogsKinds {

  public static final Kind<StoredLogGroup> GROUP = Kind.of("logs-group", StoredLogGroup.class);
  public static final Kind<StoredLogStream> STREAM = Kind.of("logs-stream", StoredLogStream.class);
  public static final Kind<EventChunk> CHUNK = Kind.of("logs-chunk", EventChunk.class);

  private LogsKinds() {}

  public static List<Kind<?>> all() {
    return List.of(GROUP, STREAM, CHUNK);
  }
}
