package dev.ecsemulator.core.state.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File surgery for crash tests: what a kill, a torn write or a bad disk leaves behind. */
final class TestFiles {

  private TestFiles() {}

  static List<String> names(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The siblings of {@code dir} whose names start with {@code dir}'s name and the suffix. */
  static List<Path> siblings(Path dir, String suffix) {
    String prefix = dir.getFileName() + suffix;
    try (Stream<Path> files = Files.list(dir.getParent())) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path onlyJournal(Path dir) {
    List<StateFiles.Segment> journals = StateFiles.journals(dir);
    if (journals.size() != 1) {
      throw new IllegalStateException("expected one journal in " + dir + ", found " + names(dir));
    }
    return journals.get(0).file();
  }

  static List<Frames.Frame> frames(Path file) {
    return Frames.scan(read(file), Frames.FILE_HEADER).frames();
  }

  /** Where the last whole record of a journal ends (its preallocated zeros follow). */
  static long end(Path file) {
    return Frames.scan(read(file), Frames.FILE_HEADER).validLength();
  }

  /** What a crash leaves in preallocated space: the file keeps its length, the bytes from {@code offset} are zeros. */
  static void zeroFrom(Path file, long offset) {
    byte[] data = read(file);
    java.util.Arrays.fill(data, (int) offset, data.length, (byte) 0);
    write(file, data);
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void truncate(Path file, long length) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void flipByte(Path file, long offset) {
    byte[] data = read(file);
    data[(int) offset] ^= 0x5A;
    write(file, data);
  }

  static void append(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, byte[] data) {
    try {
      Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces {@code to} with a copy of {@code from} (regular files only, one level). */
  static void copyDir(Path from, Path to) {
    deleteDir(to);
    try {
      Files.createDirectories(to);
      try (Stream<Path> files = Files.list(from)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteDir(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
