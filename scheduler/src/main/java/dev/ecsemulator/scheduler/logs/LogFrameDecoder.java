package dev.ecsemulator.scheduler.logs;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The body of Docker's {@code GET /containers/ID/logs?timestamps=1} as lines. Without a TTY the body is multiplexed
 * ({@code stdcopy}): each frame is an 8-byte header (the stream: 1 stdout, 2 stderr; then the payload's length, big
 * endian) and one log message, {@code <RFC 3339 timestamp, nanoseconds> <text>}, ending with a newline unless it is
 * part of a longer line (json-file keeps lines in 16 KiB parts, each with its own copy of the first part's
 * timestamp; a last part without newline at the end of the output is a line too, as Docker's copier logs it). With a
 * TTY the body is the raw text, one timestamped line after another. Not thread-safe: one reader.
 */
final class LogFrameDecoder {

  private static final int HEADER = 8;
  /** {@code 2006-01-02T15:04:05.000000000Z}: Docker pads the nanoseconds, so a UTC timestamp has this length. */
  private static final int FIXED_TIMESTAMP = 30;

  private final InputStream in;
  private final boolean tty;
  private final byte[] header = new byte[HEADER];
  /** Parts of a longer line per stream (stdout, stderr), and the timestamp of each one's first part. */
  private final ByteBuffer[] partial = {new ByteBuffer(), new ByteBuffer()};
  private final long[] partialTimestamp = new long[2];
  private final ByteBuffer raw = new ByteBuffer();
  private int flushAtEnd;
  private boolean ended;

  LogFrameDecoder(InputStream in, boolean tty) {
    this.in = in;
    this.tty = tty;
  }

  /**
   * The next whole line, blocking until it is there; null once the body has ended (after the parts of lines still
   * waiting for their newline, as lines of their own).
   *
   * @throws IOException when reading fails, or the body ends inside a frame
   */
  DockerLogLine next() throws IOException {
    if (tty) {
      return nextRaw();
    }
    while (!ended) {
      int got = in.readNBytes(header, 0, HEADER);
      if (got == 0) {
        ended = true;
        break;
      }
      if (got < HEADER) {
        throw new EOFException("the log stream ended inside a frame header");
      }
      int size = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
          | (header[7] & 0xff);
      byte[] payload = in.readNBytes(size);
      if (payload.length < size) {
        throw new EOFException("the log stream ended inside a frame");
      }
      int stream = header[0];
      if (stream != 1 && stream != 2) {
        continue; // stdin never comes back; stream 3 is the daemon's own error about reading the logs
      }
      DockerLogLine line = message(stream - 1, payload, payload.length);
      if (line != null) {
        return line;
      }
    }
    while (flushAtEnd < 2) {
      int stream = flushAtEnd++;
      if (partial[stream].size > 0) {
        return take(stream);
      }
    }
    return null;
  }

  /** One message of a stream: a line, or null when it is a part waiting for the rest. */
  private DockerLogLine message(int stream, byte[] payload, int length) throws IOException {
    int space = indexOf(payload, (byte) ' ', length);
    if (space < 0) {
      throw new IOException("a log message without a timestamp: "
          + new String(payload, 0, length, StandardCharsets.UTF_8));
    }
    long timestamp;
    try {
      timestamp = timestamp(payload, space);
    } catch (RuntimeException e) {
      throw new IOException("a log message with a bad timestamp: "
          + new String(payload, 0, space, StandardCharsets.UTF_8), e);
    }
    boolean whole = length > space + 1 && payload[length - 1] == '\n';
    ByteBuffer parts = partial[stream];
    if (parts.size == 0) {
      partialTimestamp[stream] = timestamp;
    }
    parts.append(payload, space + 1, length - space - 1 - (whole ? 1 : 0));
    return whole ? take(stream) : null;
  }

  private DockerLogLine take(int stream) {
    ByteBuffer parts = partial[stream];
    DockerLogLine line = new DockerLogLine(partialTimestamp[stream], stream == 1,
        new String(parts.bytes, 0, parts.size, StandardCharsets.UTF_8));
    parts.size = 0;
    return line;
  }

  /** TTY output: timestamped lines in the order written (a TTY merges stdout and stderr). */
  private DockerLogLine nextRaw() throws IOException {
    byte[] chunk = new byte[8192];
    while (true) {
      int newline = indexOf(raw.bytes, (byte) '\n', raw.size);
      if (newline >= 0) {
        byte[] line = Arrays.copyOf(raw.bytes, newline + 1);
        raw.shift(newline + 1);
        return message(0, line, line.length);
      }
      if (ended) {
        if (raw.size == 0) {
          return null;
        }
        byte[] line = Arrays.copyOf(raw.bytes, raw.size);
        raw.size = 0;
        DockerLogLine last = message(0, line, line.length);
        return last != null ? last : take(0);
      }
      int n = in.read(chunk);
      if (n < 0) {
        ended = true;
      } else {
        raw.append(chunk, 0, n);
      }
    }
  }

  /** Docker's timestamp as nanoseconds since the epoch: the fixed UTC form fast, any other RFC 3339 form parsed. */
  static long timestamp(byte[] b, int length) {
    if (length == FIXED_TIMESTAMP && b[4] == '-' && b[10] == 'T' && b[19] == '.' && b[29] == 'Z') {
      long day = LocalDate.of(digits(b, 0, 4), digits(b, 5, 2), digits(b, 8, 2)).toEpochDay();
      long seconds = day * 86_400 + digits(b, 11, 2) * 3600L + digits(b, 14, 2) * 60L + digits(b, 17, 2);
      return seconds * 1_000_000_000L + digits(b, 20, 9);
    }
    Instant instant = Instant.parse(new String(b, 0, length, StandardCharsets.US_ASCII));
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static int digits(byte[] b, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int digit = b[i] - '0';
      if (digit < 0 || digit > 9) {
        throw new IllegalArgumentException("not a digit at " + i);
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static int indexOf(byte[] b, byte value, int length) {
    for (int i = 0; i < length; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** A growable byte array. */
  private static final class ByteBuffer {
    byte[] bytes = new byte[256];
    int size;

    void append(byte[] from, int offset, int length) {
      if (size + length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
      }
      System.arraycopy(from, offset, bytes, size, length);
      size += length;
    }

    void shift(int count) {
      System.arraycopy(bytes, count, bytes, 0, size - count);
      size -= count;
    }
  }
}
