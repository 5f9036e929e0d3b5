package dev.ecsemulator.core.state.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layout of a state directory and the file operations that must be crash-safe:
 *
 * <pre>
 *   state/.lock                          held while a store is open ({@link DataDirLock})
 *   state/snapshot                       every entity as of journal record N (written atomically)
 *   state/snapshot.tmp                   a snapshot being written; deleted at open if a crash left it
 *   state/journal-00000000000000000001   commits from record 1 on; a new file starts at each open and compaction
 *   state.damaged-20261126T115000Z/      a copy of a damaged state, made before refusing to start
 *   state.reset-20261126T115000Z/        a state moved aside by a reset
 * </pre>
 */
final class StateFiles {

  static final String SNAPSHOT = "snapshot";
  static final String SNAPSHOT_TMP = "snapshot.tmp";
  private static final Pattern JOURNAL = Pattern.compile("journal-(\\d{20})");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private StateFiles() {}

  static Path journal(Path dir, long firstSeq) {
    return dir.resolve(String.format("journal-%020d", firstSeq));
  }

  /** The journal files of a directory with their first record numbers, in order. */
  static List<Segment> journals(Path dir) {
    List<Segment> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(f -> {
        Matcher m = JOURNAL.matcher(f.getFileName().toString());
        if (m.matches()) {
          out.add(new Segment(f, Long.parseLong(m.group(1))));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    out.sort(java.util.Comparator.comparingLong(Segment::firstSeq));
    return out;
  }

  record Segment(Path file, long firstSeq) {}

  /** Makes a directory entry change (create, rename, delete) durable. */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** A fresh sibling name {@code <dir>.<what>-<UTC time>[-n]}. */
  static Path aside(Path dir, String what, Clock clock) {
    String base = dir.getFileName() + "." + what + "-" + STAMP.format(clock.instant());
    Path candidate = dir.resolveSibling(base);
    for (int n = 1; Files.exists(candidate); n++) {
      candidate = dir.resolveSibling(base + "-" + n);
    }
    return candidate;
  }

  /** Copies the regular files of {@code dir} (not its lock) to a fresh sibling; returns the copy. */
  static Path copyAside(Path dir, String what, Clock clock) throws IOException {
    Path copy = aside(dir, what, clock);
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f) && !f.getFileName().toString().equals(DataDirLock.FILE_NAME)) {
          Files.copy(f, copy.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return copy;
  }

  /** Renames {@code dir} to a fresh sibling in one atomic step; returns the new name. */
  static Path moveAside(Path dir, String what, Clock clock) throws IOException {
    Path aside = aside(dir, what, clock);
    Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(dir.toAbsolutePath().getParent());
    return aside;
  }
}
