package dev.ecsemulator.core.state.durable;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.state.Kind;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a snapshot atomically: everything goes to {@code snapshot.tmp}, which is synced, renamed over
 * {@code snapshot}, and the directory synced, so a crash leaves either the old snapshot or the new one.
 * Layout (see {@link Frames}): file header {@code ECSS} v1, frame 0 the header
 * {@code {"journalSeq":N,"createdAt":..}} (the snapshot holds every commit up to journal record N), frames
 * 1..n one entity each, frame n+1 the trailer {@code {"end":true,"entities":n}}, whose absence marks a
 * truncated file. Not thread-safe: one writer at a time.
 */
final class SnapshotWriter implements AutoCloseable {

  static final byte[] MAGIC = {'E', 'C', 'S', 'S'};
  static final int VERSION = 1;

  private final Path dir;
  private final Path tmp;
  private final StateCodec codec;
  private final FileChannel channel;
  private final OutputStream out;
  private long ordinal;
  private long bytes;
  private boolean committed;

  private SnapshotWriter(Path dir, StateCodec codec) throws IOException {
    this.dir = dir;
    this.tmp = dir.resolve(StateFiles.SNAPSHOT_TMP);
    this.codec = codec;
    this.channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
  }

  /** Starts a snapshot of the state as of journal record {@code journalSeq}. */
  static SnapshotWriter begin(Path dir, long journalSeq, Instant createdAt, StateCodec codec) throws IOException {
    SnapshotWriter writer = new SnapshotWriter(dir, codec);
    try {
      writer.writeRaw(ByteBuffer.wrap(Frames.fileHeader(MAGIC, VERSION)));
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("journalSeq", journalSeq);
      header.put("createdAt", createdAt.toString());
      writer.writeFrame(codec.encodeObject(header));
    } catch (IOException | RuntimeException e) {
      writer.close();
      throw e;
    }
    return writer;
  }

  void add(Scope scope, Kind<?> kind, String key, Object value) throws IOException {
    writeFrame(codec.encodeEntity(scope, kind, key, value));
  }

  /** Writes the trailer, syncs and renames the file into place; returns the snapshot's size in bytes. */
  long commit() throws IOException {
    long entities = ordinal - 1;
    writeFrame(codec.encodeObject(Map.of("end", true, "entities", entities)));
    out.flush();
    channel.force(true);
    channel.close();
    Files.move(tmp, dir.resolve(StateFiles.SNAPSHOT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    StateFiles.syncDirectory(dir);
    committed = true;
    return bytes;
  }

  long entities() {
    return Math.max(0, ordinal - 1);
  }

  private void writeFrame(byte[] payload) throws IOException {
    writeRaw(Frames.frame(ordinal++, payload));
  }

  private void writeRaw(ByteBuffer buf) throws IOException {
    bytes += buf.remaining();
    out.write(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining());
  }

  /** Abandons an uncommitted snapshot (deleting its temporary file). */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // deleting it below is what matters
    }
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      // a leftover snapshot.tmp is deleted at the next open
    }
  }
}
