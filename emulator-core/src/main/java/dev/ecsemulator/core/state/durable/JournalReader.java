package dev.ecsemulator.core.state.durable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one journal file. Whether a torn tail is acceptable depends on where the file is: only the last
 * journal can end in a commit that a crash cut short (that commit was never acknowledged); anywhere else it
 * is damage, as is any corrupt frame with intact data after it. Zeros after the last whole record are the
 * file's preallocated space (see {@link JournalWriter}), in any file.
 */
final class JournalReader {

  static final byte[] MAGIC = {'E', 'C', 'S', 'J'};
  static final int VERSION = 1;

  private JournalReader() {}

  /**
   * The complete records of a journal file.
   *
   * @param tornBytes how many bytes at the end belong to an unfinished record (0 if none)
   */
  record Contents(Path file, List<Frames.Frame> frames, long validLength, long tornBytes, String tornDetail) {}

  /**
   * @param last whether this is the newest journal file, the only one allowed a torn tail
   * @throws StateDamagedException naming the file, for damage
   */
  static Contents read(Path file, boolean last) {
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StateDamagedException(file, "cannot be read: " + e.getMessage());
    }
    if (data.length < Frames.FILE_HEADER || allZeros(data)) {
      // A crash right after the file was created: it never held a record.
      if (!last) {
        throw new StateDamagedException(file, "only " + data.length + " bytes, but a newer journal file exists");
      }
      return new Contents(file, List.of(), 0, data.length, "a file header never completed");
    }
    checkHeader(file, data);
    Frames.Scan scan = Frames.scan(data, Frames.FILE_HEADER);
    switch (scan.end()) {
      case CORRUPT -> throw new StateDamagedException(file, scan.detail() + ", with more data after it");
      case TORN -> {
        if (!last) {
          throw new StateDamagedException(file, scan.detail() + ", but a newer journal file exists");
        }
        return new Contents(file, scan.frames(), scan.validLength(), data.length - scan.validLength(), scan.detail());
      }
      default -> {
        // CLEAN or ZEROS: every record whole.
        return new Contents(file, scan.frames(), scan.validLength(), 0, "");
      }
    }
  }

  private static boolean allZeros(byte[] data) {
    for (byte b : data) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static void checkHeader(Path file, byte[] data) {
    if (!Arrays.equals(data, 0, 4, MAGIC, 0, 4)) {
      throw new StateDamagedException(file, "not an ecs-emulator journal (bad magic)");
    }
    int version = java.nio.ByteBuffer.wrap(data, 4, 4).getInt();
    if (version != VERSION) {
      throw new StateDamagedException(file, "journal format version " + version
          + " is not supported (this emulator reads version " + VERSION + ")");
    }
  }
}
