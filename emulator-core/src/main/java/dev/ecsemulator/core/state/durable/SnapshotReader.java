package dev.ecsemulator.core.state.durable;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a snapshot written by {@link SnapshotWriter}. A snapshot is only ever renamed into place whole,
 * so anything short of a complete, checksummed file with its trailer is damage: no torn tail is forgiven.
 */
final class SnapshotReader {

  private SnapshotReader() {}

  record Contents(long journalSeq, List<StateCodec.Entry> entries, long bytes) {}

  /** @throws StateDamagedException naming the file */
  static Contents read(Path file, StateCodec codec) {
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StateDamagedException(file, "cannot be read: " + e.getMessage());
    }
    if (data.length < Frames.FILE_HEADER || !Arrays.equals(data, 0, 4, SnapshotWriter.MAGIC, 0, 4)) {
      throw new StateDamagedException(file, "not an ecs-emulator snapshot (" + data.length + " bytes, bad magic)");
    }
    int version = ByteBuffer.wrap(data, 4, 4).getInt();
    if (version != SnapshotWriter.VERSION) {
      throw new StateDamagedException(file, "snapshot format version " + version
          + " is not supported (this emulator reads version " + SnapshotWriter.VERSION + ")");
    }
    Frames.Scan scan = Frames.scan(data, Frames.FILE_HEADER);
    if (scan.end() != Frames.End.CLEAN) {
      throw new StateDamagedException(file, "truncated or corrupt snapshot: " + scan.detail());
    }
    List<Frames.Frame> frames = scan.frames();
    for (int i = 0; i < frames.size(); i++) {
      if (frames.get(i).seq() != i) {
        throw new StateDamagedException(file, "snapshot frame " + i + " is numbered " + frames.get(i).seq());
      }
    }
    if (frames.size() < 2) {
      throw new StateDamagedException(file, "truncated snapshot: no trailer");
    }
    JsonNode header = codec.tree(frames.get(0).payload(), file, "snapshot header");
    JsonNode trailer = codec.tree(frames.get(frames.size() - 1).payload(), file, "snapshot trailer");
    long entities = frames.size() - 2L;
    if (!trailer.path("end").asBoolean(false)) {
      throw new StateDamagedException(file, "truncated snapshot: its last frame is not the trailer");
    }
    if (trailer.path("entities").asLong(-1) != entities) {
      throw new StateDamagedException(file, "snapshot trailer counts " + trailer.path("entities") + " entities, found " + entities);
    }
    if (!header.path("journalSeq").canConvertToLong()) {
      throw new StateDamagedException(file, "snapshot header has no journalSeq");
    }
    List<StateCodec.Entry> entries = new ArrayList<>((int) entities);
    for (int i = 1; i <= entities; i++) {
      entries.add(codec.decodeEntity(frames.get(i).payload(), file, i));
    }
    return new Contents(header.path("journalSeq").asLong(), entries, data.length);
  }
}
