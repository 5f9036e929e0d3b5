package dev.ecsemulator.core.state.durable;

import static dev.ecsemulator.core.state.durable.Shapes.EAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.state.Kind;
import dev.ecsemulator.core.state.KindRegistry;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a kill -9, a torn append or a damaged disk leaves, and what the next start makes of it: an
 * unfinished last commit is dropped (it was never acknowledged); anything else unreadable is refused,
 * naming the file, with a copy kept; a reset moves it all aside.
 */
class CrashRecoveryTest {

  record Note(String text) {}

  static final Kind<Note> NOTE = Kind.of("note", Note.class);
  static final KindRegistry KINDS = KindRegistry.of(EcsKinds.all()).with(NOTE);
  static final Scope WEST = new Scope("222222222222", "eu-west-1");
  static final DurableOptions AS_KILLED = DurableOptions.defaults().withCompactOnClose(false);

  @TempDir Path root;
  final List<DurableStateStore> opened = new ArrayList<>();

  Path dir() {
    return root.resolve("state");
  }

  DurableStateStore open(DurableOptions options) {
    DurableStateStore store = DurableStateStore.open(dir(), KINDS, options);
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(DurableStateStore::close);
  }

  /** Commit i of a history: creates, overwrites, removals, tags, two scopes; the last one is small. */
  static void commit(StateTxn txn, int i, int last) {
    if (i == last) {
      txn.put(NOTE, "last", new Note("n" + i));
      return;
    }
    txn.put(EcsKinds.CLUSTER, "c" + i, Shapes.cluster("c" + i));
    txn.put(EcsKinds.RESOURCE_TAGS, "arn:c" + i, Shapes.tags("arn:c" + i));
    if (i % 3 == 0) {
      txn.remove(EcsKinds.CLUSTER, "c" + (i - 2));
    }
    if (i % 5 == 0) {
      txn.put(NOTE, "overwritten", new Note("at " + i));
    }
  }

  static Scope scopeOf(int i) {
    return i % 4 == 0 ? WEST : EAST;
  }

  /**
   * Runs commits 1..n against the durable store (closed as a kill leaves it) and a model; returns the
   * model's content after each commit (index 0: empty).
   */
  List<Map<Scope, Map<String, Map<String, Object>>>> history(int n, Consumer<DurableStateStore> midway) {
    StateStore model = new InMemoryStateStore(KINDS);
    DurableStateStore store = open(AS_KILLED);
    List<Map<Scope, Map<String, Map<String, Object>>>> after = new ArrayList<>();
    after.add(Dump.of(model, KINDS));
    for (int i = 1; i <= n; i++) {
      int k = i;
      store.write(scopeOf(k), txn -> {
        commit(txn, k, n);
        return null;
      });
      model.write(scopeOf(k), txn -> {
        commit(txn, k, n);
        return null;
      });
      after.add(Dump.of(model, KINDS));
      if (i == n / 2) {
        midway.accept(store);
      }
    }
    store.close();
    return after;
  }

  List<Map<Scope, Map<String, Map<String, Object>>>> history(int n) {
    return history(n, s -> {});
  }

  Map<Scope, Map<String, Map<String, Object>>> reopenedContent() {
    DurableStateStore store = open(DurableOptions.defaults());
    try {
      return Dump.of(store, KINDS);
    } finally {
      store.close();
    }
  }

  /**
   * The bytes from {@code start} (inclusive) to {@code end} (exclusive) at which the cut tests cut a file: every byte
   * of the first frame header's length (where the length and checksum themselves are torn), then every 7th and the
   * last. Each cut reopens a store, so every byte would take this lane's budget: {@link CrashRecoveryEveryByteIT} cuts
   * at every byte.
   */
  LongStream cuts(long start, long end) {
    return LongStream.range(start, end)
        .filter(cut -> cut - start <= Frames.FRAME_HEADER || (cut - start) % 7 == 0 || cut == end - 1);
  }

  @Test
  void aCommitTornAtAnyByteIsDroppedAndEveryAcknowledgedOneKept() {
    int n = 12;
    var after = history(n);
    Path journal = TestFiles.onlyJournal(dir());
    List<Frames.Frame> frames = TestFiles.frames(journal);
    assertThat(frames).hasSize(n);
    long lastStart = frames.get(n - 1).offset();
    long end = TestFiles.end(journal);
    assertThat(end - lastStart).as("the last record's size").isGreaterThan(Frames.FRAME_HEADER + 20);
    assertThat(TestFiles.read(journal).length).as("the file is preallocated").isEqualTo(JournalWriter.CHUNK);
    Path pristine = root.resolve("pristine");
    TestFiles.copyDir(dir(), pristine);

    cuts(lastStart, end).forEach(cut -> {
      // Cut short, as a file system without preallocated space would leave it...
      TestFiles.copyDir(pristine, dir());
      TestFiles.truncate(journal, cut);
      assertThat(reopenedContent()).as("journal cut at byte %d of %d", cut, end).isEqualTo(after.get(n - 1));
      // ...and written only in part into the preallocated zeros, as an append interrupted by a kill leaves it.
      TestFiles.copyDir(pristine, dir());
      TestFiles.zeroFrom(journal, cut);
      assertThat(reopenedContent()).as("journal zeroed from byte %d of %d", cut, end).isEqualTo(after.get(n - 1));
    });
    TestFiles.copyDir(pristine, dir());
    assertThat(reopenedContent()).isEqualTo(after.get(n));
  }

  @Test
  void afterDroppingATornCommitTheStoreWritesOnAndRestartsCleanly() {
    int n = 6;
    var after = history(n);
    Path journal = TestFiles.onlyJournal(dir());
    TestFiles.truncate(journal, TestFiles.frames(journal).get(n - 1).offset() + 7);

    DurableStateStore store = open(AS_KILLED);
    store.write(EAST, txn -> {
      txn.put(NOTE, "after-crash", new Note("x"));
      return null;
    });
    store.close();

    var expected = new java.util.TreeMap<>(after.get(n - 1));
    Map<Scope, Map<String, Map<String, Object>>> content = reopenedContent();
    assertThat(content.get(EAST).get("note")).containsEntry("after-crash", new Note("x"));
    content.get(EAST).get("note").remove("after-crash");
    content.get(EAST).values().removeIf(Map::isEmpty);
    assertThat(content).isEqualTo(expected);
  }

  @Test
  void aResetCutShortByACrashIsWholeNotHalf() {
    history(8);
    DurableStateStore store = open(AS_KILLED);
    store.clear(); // one reset record, then one removal commit per scope
    store.close();
    Path journal = StateFiles.journals(dir()).get(0).file();
    List<Frames.Frame> frames = TestFiles.frames(journal);
    assertThat(frames).hasSize(3);
    // The crash came right after the reset record: no scope's removals were written.
    TestFiles.truncate(journal, frames.get(1).offset());

    assertThat(reopenedContent()).isEmpty();
  }

  @Test
  void aTailOfZerosIsWhatACrashLeftNotDamage() {
    int n = 5;
    var after = history(n);
    TestFiles.append(TestFiles.onlyJournal(dir()), new byte[4096]);

    assertThat(reopenedContent()).isEqualTo(after.get(n));
  }

  @Test
  void aLastRecordWithABadChecksumCountsAsUnfinished() {
    int n = 5;
    var after = history(n);
    Path journal = TestFiles.onlyJournal(dir());
    Frames.Frame last = TestFiles.frames(journal).get(n - 1);
    TestFiles.flipByte(journal, last.offset() + Frames.FRAME_HEADER + 3);

    assertThat(reopenedContent()).isEqualTo(after.get(n - 1));
  }

  @Test
  void aCorruptRecordInTheMiddleIsRefusedNamingTheFileAndKeepingACopy() {
    int n = 8;
    history(n);
    Path journal = TestFiles.onlyJournal(dir());
    Frames.Frame middle = TestFiles.frames(journal).get(3);
    TestFiles.flipByte(journal, middle.offset() + Frames.FRAME_HEADER + 10);
    byte[] damaged = TestFiles.read(journal);

    StateDamagedException refused = refusal();

    assertThat(refused.file()).isEqualTo(journal);
    assertThat(refused.getMessage()).contains(journal.toString(), "bad checksum", "seq 4", refused.copy().toString());
    assertThat(TestFiles.siblings(dir(), ".damaged-")).containsExactly(refused.copy());
    assertThat(TestFiles.read(refused.copy().resolve(journal.getFileName()))).isEqualTo(damaged);
    assertThat(TestFiles.read(journal)).as("the original is left in place").isEqualTo(damaged);
    assertThat(refusal().getMessage()).as("refused again at the next start").contains(journal.toString());
  }

  @Test
  void aDamagedLengthInTheMiddleIsNotMistakenForATornTail() {
    int n = 8;
    history(n);
    Path journal = TestFiles.onlyJournal(dir());
    // The high byte of record 3's length: read naively, the frame would run past the end of the file.
    TestFiles.flipByte(journal, TestFiles.frames(journal).get(2).offset());

    assertThat(refusal().getMessage()).contains(journal.toString(), "bad frame header checksum");
  }

  @Test
  void aTornRecordInAnOlderJournalFileIsDamage() {
    int n = 6;
    history(n);
    Path journal = TestFiles.onlyJournal(dir());
    TestFiles.truncate(journal, TestFiles.end(journal) - 3);
    TestFiles.write(StateFiles.journal(dir(), n + 1), Frames.fileHeader(JournalReader.MAGIC, JournalReader.VERSION));

    assertThat(refusal().getMessage()).contains(journal.toString(), "a newer journal file exists");
  }

  @Test
  void aTruncatedSnapshotIsRefusedWhereverItWasCut() {
    DurableStateStore store = open(DurableOptions.defaults());
    store.write(EAST, txn -> {
      txn.put(NOTE, "a", new Note("a"));
      txn.put(NOTE, "b", new Note("b"));
      return null;
    });
    store.close();
    Path snapshot = dir().resolve(StateFiles.SNAPSHOT);
    byte[] whole = TestFiles.read(snapshot);

    cuts(0, whole.length).forEach(cut -> {
      TestFiles.write(snapshot, java.util.Arrays.copyOf(whole, (int) cut));

      StateDamagedException refused = refusal();

      assertThat(refused.file()).as("cut at %d", cut).isEqualTo(snapshot);
      assertThat(refused.getMessage()).doesNotContain("\n");
    });
    TestFiles.write(snapshot, whole);
    assertThat(reopenedContent().get(EAST).get("note")).containsOnlyKeys("a", "b");
  }

  @Test
  void anUnreadableSnapshotIsRefused() {
    open(DurableOptions.defaults()).close();
    TestFiles.write(dir().resolve(StateFiles.SNAPSHOT), "{\"not\":\"a snapshot\"}".getBytes());

    assertThat(refusal().getMessage()).contains(dir().resolve("snapshot").toString(), "not an ecs-emulator snapshot");
  }

  @Test
  void aKindNobodyRegisteredIsDamageNotSilentlyDropped() {
    history(4);
    KindRegistry withoutNotes = KindRegistry.of(EcsKinds.all());

    assertThatThrownBy(() -> DurableStateStore.open(dir(), withoutNotes, DurableOptions.defaults()))
        .isInstanceOf(StateDamagedException.class)
        .hasMessageContaining("kind 'note'")
        .hasMessageContaining(TestFiles.onlyJournal(dir()).toString());
  }

  @Test
  void recordsMissingBetweenSnapshotAndJournalAreDamage() {
    history(10, DurableStateStore::compact);
    assertThat(TestFiles.names(dir())).containsExactly(".lock", "journal-00000000000000000006", "snapshot");
    try {
      Files.delete(dir().resolve(StateFiles.SNAPSHOT));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    assertThat(refusal().getMessage()).contains("records 1 to 5 are missing");
  }

  @Test
  void aCrashBetweenSnapshotAndJournalDeletionLosesNothing() {
    var after = history(10, store -> {
      TestFiles.copyDir(dir(), root.resolve("before-compaction"));
      store.compact();
    });
    // Put back the journal file the compaction deleted, as if the crash came just before the delete.
    Path first = StateFiles.journal(dir(), 1);
    TestFiles.write(first, TestFiles.read(root.resolve("before-compaction").resolve(first.getFileName())));
    assertThat(StateFiles.journals(dir())).hasSize(2);

    assertThat(reopenedContent()).isEqualTo(after.get(10));
  }

  @Test
  void aLeftoverTemporarySnapshotIsIgnored() {
    var after = history(4);
    TestFiles.write(dir().resolve(StateFiles.SNAPSHOT_TMP), new byte[] {1, 2, 3});

    assertThat(reopenedContent()).isEqualTo(after.get(4));
    assertThat(TestFiles.names(dir())).doesNotContain(StateFiles.SNAPSHOT_TMP);
  }

  @Test
  void resetMovesDamagedStateAsideAndStartsEmpty() {
    history(6);
    Path journal = TestFiles.onlyJournal(dir());
    TestFiles.flipByte(journal, TestFiles.frames(journal).get(1).offset() + Frames.FRAME_HEADER + 1);
    byte[] damaged = TestFiles.read(journal);
    refusal();

    DurableStateStore fresh = open(DurableOptions.defaults().withResetState(true));

    assertThat(Dump.of(fresh, KINDS)).isEmpty();
    List<Path> aside = TestFiles.siblings(dir(), ".reset-");
    assertThat(aside).hasSize(1);
    assertThat(TestFiles.read(aside.get(0).resolve(journal.getFileName()))).isEqualTo(damaged);
    fresh.write(EAST, txn -> {
      txn.put(NOTE, "new", new Note("life"));
      return null;
    });
    fresh.close();
    assertThat(reopenedContent().get(EAST).get("note")).containsOnlyKeys("new");
  }

  @Test
  void resetOfAnEmptyDirectoryMovesNothing() {
    DurableStateStore store = open(DurableOptions.defaults().withResetState(true));

    assertThat(TestFiles.siblings(dir(), ".reset-")).isEmpty();
    assertThat(Dump.of(store, KINDS)).isEmpty();
  }

  private StateDamagedException refusal() {
    try {
      DurableStateStore store = DurableStateStore.open(dir(), KINDS, DurableOptions.defaults());
      store.close();
      throw new AssertionError("expected the damaged state to be refused");
    } catch (StateDamagedException e) {
      assertThat(e.getMessage()).doesNotContain("\n").contains(e.file().toString());
      assertThat(e.copy()).isDirectory();
      return e;
    }
  }
}
