package dev.ecsemulator.core.state.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal file as the writer leaves it: records of any size, alone or batched, read back whole and in order
 * across the preallocated chunks (the file grows by whole zeroed chunks), and the unused zeroed tail after the last
 * record reads as free space, not as a torn record.
 */
class JournalWriterTest {

  @TempDir
  Path dir;

  @Test
  void recordsOfEverySizeReadBackInOrderAcrossPreallocatedChunks() {
    Random random = new Random(42);
    List<byte[]> written = new ArrayList<>();
    try (JournalWriter journal = JournalWriter.create(dir, 1, Integer.MAX_VALUE)) {
      // Small records, large ones, and enough bytes to need a second and a third chunk mid-record.
      int[] sizes = {1, 1500, 300_000, 17, 2 * JournalWriter.CHUNK / 3, 4096, JournalWriter.CHUNK, 9};
      for (int size : sizes) {
        byte[] payload = new byte[size];
        random.nextBytes(payload);
        assertThat(journal.append(payload)).isEqualTo(written.size() + 1L);
        written.add(payload);
      }
      assertThat(journal.syncs()).isEqualTo(sizes.length);
    }

    JournalReader.Contents contents = JournalReader.read(StateFiles.journal(dir, 1), true);

    assertThat(contents.tornBytes()).as("the zeroed tail after the last record is free space").isZero();
    assertThat(TestFiles.read(StateFiles.journal(dir, 1)).length % JournalWriter.CHUNK).isZero();
    assertThat(contents.frames()).hasSize(written.size());
    for (int i = 0; i < written.size(); i++) {
      assertThat(contents.frames().get(i).seq()).isEqualTo(i + 1L);
      assertThat(contents.frames().get(i).payload()).as("record %d", i + 1).isEqualTo(written.get(i));
    }
  }

  @Test
  void aBatchOfManyQueuedRecordsIsOneSyncAndReadsBackInQueueOrder() {
    List<byte[]> written = new ArrayList<>();
    try (JournalWriter journal = JournalWriter.create(dir, 7, Integer.MAX_VALUE)) {
      long last = 0;
      // 400 records of 1 KB queued before anyone waits: the first waiter writes and syncs them all at once.
      for (int i = 0; i < 400; i++) {
        byte[] payload = new byte[1024];
        Arrays.fill(payload, (byte) i);
        written.add(payload);
        last = journal.enqueue(payload);
      }
      journal.awaitDurable(last);
      assertThat(journal.syncs()).isEqualTo(1);
      // A small batch after it lands right after the large one.
      for (int i = 0; i < 3; i++) {
        byte[] payload = ("after " + i).getBytes(StandardCharsets.UTF_8);
        written.add(payload);
        last = journal.enqueue(payload);
      }
      journal.awaitDurable(last);
      assertThat(journal.syncs()).isEqualTo(2);
    }

    List<Frames.Frame> frames = JournalReader.read(StateFiles.journal(dir, 7), true).frames();

    assertThat(frames).extracting(Frames.Frame::seq).containsExactlyElementsOf(
        LongStream.rangeClosed(7, 7 + written.size() - 1).boxed().toList());
    for (int i = 0; i < written.size(); i++) {
      assertThat(frames.get(i).payload()).as("record %d", i + 7).isEqualTo(written.get(i));
    }
  }
}
