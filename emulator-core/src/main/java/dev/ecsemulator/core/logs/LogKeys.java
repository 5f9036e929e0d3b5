package dev.ecsemulator.core.logs;

/**
 * The store keys of the Logs kinds. Log group names cannot hold a colon ({@code [.\-_/#A-Za-z0-9]+}) nor can stream
 * names ({@code [^:*]*}), so {@code GROUP:} is exactly the prefix of a group's streams and chunks, and
 * {@code GROUP:STREAM:} of a stream's chunks, whose numbers are zero-padded so that key order is chunk order.
 */
public final class LogKeys {

  private LogKeys() {}

  public static String group(String group) {
    return group;
  }

  public static String stream(String group, String stream) {
    return group + ":" + stream;
  }

  /** The prefix of the keys of a group's streams and of its chunks. */
  public static String ofGroup(String group) {
    return group + ":";
  }

  /** The prefix of the keys of a stream's chunks. */
  public static String chunksOf(String group, String stream) {
    return group + ":" + stream + ":";
  }

  public static String chunk(String group, String stream, long number) {
    return chunksOf(group, stream) + String.format("%019d", number);
  }
}
