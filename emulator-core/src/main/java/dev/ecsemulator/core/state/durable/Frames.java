package dev.ecsemulator.core.state.durable;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The framing shared by the journal and the snapshot. A file is an 8-byte file header (4-byte magic, then
 * a big-endian {@code u32} format version) followed by frames:
 *
 * <pre>
 *   offset 0   u32  payload length (at most {@link #MAX_PAYLOAD})
 *          4   u64  sequence number (journal: commit number; snapshot: frame ordinal)
 *         12   u32  CRC32C of the payload
 *         16   u32  CRC32C of bytes 0..15 (so a damaged length is never trusted)
 *         20   payload (UTF-8 JSON)
 * </pre>
 *
 * {@link #scan} tells a torn tail (what a crash during an append leaves: a frame cut short, or written only in
 * part into space already zeroed) from the unused, zeroed space a journal file is preallocated with, and both
 * from damage (a bad frame with intact data after it). Pure functions.
 */
final class Frames {

  static final int FILE_HEADER = 8;
  static final int FRAME_HEADER = 20;
  static final int MAX_PAYLOAD = 64 * 1024 * 1024;

  private Frames() {}

  record Frame(long seq, byte[] payload, long offset) {}

  /**
   * How the frames of a file end. {@code detail} says why when it is not clean. {@code ZEROS}: the last frame
   * is whole and only zeros follow it (a journal's preallocated space, or a file system that extended the file
   * before an unacknowledged write landed); nothing was lost.
   */
  enum End { CLEAN, ZEROS, TORN, CORRUPT }

  record Scan(List<Frame> frames, long validLength, End end, String detail) {}

  static byte[] fileHeader(byte[] magic, int version) {
    return ByteBuffer.allocate(FILE_HEADER).put(magic, 0, 4).putInt(version).array();
  }

  /** The 20-byte header of a frame. */
  static ByteBuffer header(long seq, int payloadLength, int payloadCrc) {
    if (payloadLength > MAX_PAYLOAD) {
      throw new IllegalArgumentException("a state record of " + payloadLength + " bytes exceeds " + MAX_PAYLOAD);
    }
    ByteBuffer buf = ByteBuffer.allocate(FRAME_HEADER);
    buf.putInt(payloadLength).putLong(seq).putInt(payloadCrc);
    buf.putInt(crc(buf.array(), 0, 16));
    return buf.flip();
  }

  /** A whole frame: header and payload. */
  static ByteBuffer frame(long seq, byte[] payload) {
    ByteBuffer header = header(seq, payload.length, crc(payload, 0, payload.length));
    return ByteBuffer.allocate(FRAME_HEADER + payload.length).put(header).put(payload).flip();
  }

  static int crc(byte[] data, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, offset, length);
    return (int) crc.getValue();
  }

  /** Reads the frames of {@code data} from {@code start} (just after the file header). */
  static Scan scan(byte[] data, int start) {
    List<Frame> frames = new ArrayList<>();
    ByteBuffer buf = ByteBuffer.wrap(data);
    int pos = start;
    while (pos < data.length) {
      if (data.length - pos < FRAME_HEADER) {
        return new Scan(frames, pos, End.TORN, "a frame header cut short at byte " + pos);
      }
      int length = buf.getInt(pos);
      long seq = buf.getLong(pos + 4);
      int payloadCrc = buf.getInt(pos + 12);
      if (buf.getInt(pos + 16) != crc(data, pos, 16)) {
        if (zerosFrom(data, pos)) {
          return new Scan(frames, pos, End.ZEROS, "zeros from byte " + pos);
        }
        // A header written only in part into preallocated space: zeros follow where it was cut.
        return zerosFrom(data, pos + FRAME_HEADER)
            ? new Scan(frames, pos, End.TORN, "a frame header cut short at byte " + pos)
            : new Scan(frames, pos, End.CORRUPT, "bad frame header checksum at byte " + pos);
      }
      if (length < 0 || length > MAX_PAYLOAD) {
        return new Scan(frames, pos, End.CORRUPT, "impossible frame length " + length + " at byte " + pos);
      }
      long end = (long) pos + FRAME_HEADER + length;
      if (end > data.length) {
        return new Scan(frames, pos, End.TORN, "a frame of " + length + " bytes cut short at byte " + pos);
      }
      if (crc(data, pos + FRAME_HEADER, length) != payloadCrc) {
        // A crash can leave the last frame full-length but not fully written (the size reached the disk
        // before the data). With intact data after it, it is damage.
        return zerosFrom(data, (int) end)
            ? new Scan(frames, pos, End.TORN, "an unfinished last frame at byte " + pos)
            : new Scan(frames, pos, End.CORRUPT, "bad checksum of the frame at byte " + pos + " (seq " + seq + ")");
      }
      byte[] payload = new byte[length];
      System.arraycopy(data, pos + FRAME_HEADER, payload, 0, length);
      frames.add(new Frame(seq, payload, pos));
      pos = (int) end;
    }
    return new Scan(frames, pos, End.CLEAN, "");
  }

  private static boolean zerosFrom(byte[] data, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
