package dev.ecsemulator.core.state.durable;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.state.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds the state of a directory: the snapshot (if any), then every journal record after the one the
 * snapshot covers, in order. Records are whole values or removals, never deltas, so replaying a record the
 * snapshot already reflects changes nothing: the snapshot may be taken while writes continue.
 *
 * <p>Forgiven: an unfinished record at the very end of the newest journal file (a crash during an append;
 * that commit was never acknowledged). Everything else that does not read back is damage and throws
 * {@link StateDamagedException}: a bad record followed by good data, a torn record in an older file, a
 * truncated or unreadable snapshot, a gap in the record numbers, an unknown kind. Reads only; never writes.
 */
final class Recovery {

  private Recovery() {}

  /** The recovered entities per scope, kind and key, and what it took to get them. */
  record Result(Map<Scope, Map<Kind<?>, Map<String, Object>>> image, long lastSeq, long snapshotBytes,
      int snapshotEntities, int replayedRecords, List<Path> journals, long tornBytes, String tornDetail) {

    int entities() {
      return image.values().stream().flatMap(k -> k.values().stream()).mapToInt(Map::size).sum();
    }
  }

  static Result recover(Path dir, StateCodec codec) {
    Map<Scope, Map<Kind<?>, Map<String, Object>>> image = new TreeMap<>();
    long seq = 0;
    long snapshotBytes = 0;
    int snapshotEntities = 0;
    Path snapshotFile = dir.resolve(StateFiles.SNAPSHOT);
    if (Files.exists(snapshotFile)) {
      SnapshotReader.Contents snapshot = SnapshotReader.read(snapshotFile, codec);
      snapshot.entries().forEach(e -> apply(image, e));
      seq = snapshot.journalSeq();
      snapshotBytes = snapshot.bytes();
      snapshotEntities = snapshot.entries().size();
    }
    List<StateFiles.Segment> segments = StateFiles.journals(dir);
    List<Path> journals = new ArrayList<>();
    int replayed = 0;
    long tornBytes = 0;
    String tornDetail = "";
    for (int i = 0; i < segments.size(); i++) {
      StateFiles.Segment segment = segments.get(i);
      journals.add(segment.file());
      JournalReader.Contents contents = JournalReader.read(segment.file(), i == segments.size() - 1);
      if (contents.tornBytes() > 0) {
        tornBytes = contents.tornBytes();
        tornDetail = segment.file().getFileName() + ": " + contents.tornDetail();
      }
      long expected = segment.firstSeq();
      for (Frames.Frame frame : contents.frames()) {
        if (frame.seq() != expected) {
          throw new StateDamagedException(segment.file(), "record " + frame.seq() + " at byte " + frame.offset()
              + " where record " + expected + " belongs");
        }
        expected++;
        if (frame.seq() <= seq) {
          continue; // already in the snapshot
        }
        if (frame.seq() != seq + 1) {
          throw new StateDamagedException(segment.file(), "records " + (seq + 1) + " to " + (frame.seq() - 1)
              + " are missing (journal files or the snapshot were removed?)");
        }
        StateCodec.Commit commit = codec.decodeCommit(frame.payload(), segment.file(), frame.seq());
        if (commit.clear()) {
          image.clear();
        }
        commit.entries().forEach(e -> apply(image, e));
        seq = frame.seq();
        replayed++;
      }
    }
    return new Result(image, seq, snapshotBytes, snapshotEntities, replayed, journals, tornBytes, tornDetail);
  }

  private static void apply(Map<Scope, Map<Kind<?>, Map<String, Object>>> image, StateCodec.Entry entry) {
    Map<String, Object> table = image.computeIfAbsent(entry.scope(), s -> new HashMap<>())
        .computeIfAbsent(entry.kind(), k -> new TreeMap<>());
    if (entry.value() == null) {
      table.remove(entry.key());
    } else {
      table.put(entry.key(), entry.value());
    }
  }
}
