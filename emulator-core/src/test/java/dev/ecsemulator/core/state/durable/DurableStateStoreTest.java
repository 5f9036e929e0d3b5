package dev.ecsemulator.core.state.durable;

import static dev.ecsemulator.core.state.durable.Shapes.EAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.state.Change;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.state.Kind;
import dev.ecsemulator.core.state.KindRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurableStateStoreTest {

  record Note(String text, java.time.Instant at) {}

  static final Kind<Note> NOTE = Kind.of("note", Note.class);
  static final KindRegistry KINDS = KindRegistry.of(EcsKinds.all()).with(NOTE);
  static final Scope WEST = new Scope("111111111111", "eu-west-1");

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

  DurableStateStore open() {
    return open(DurableOptions.defaults());
  }

  /**
   * A store whose close is graceful (a final snapshot) or leaves the files exactly as the last
   * acknowledged write did, as a kill -9 would.
   */
  DurableStateStore openForRestart(boolean graceful) {
    return open(DurableOptions.defaults().withCompactOnClose(graceful));
  }

  DurableStateStore restart(DurableStateStore store) {
    store.close();
    return open();
  }

  @AfterEach
  void closeAll() {
    opened.forEach(DurableStateStore::close);
  }

  static List<String> clusters(DurableStateStore store, Scope scope) {
    return store.read(scope, v -> v.keys(EcsKinds.CLUSTER));
  }

  static <V> java.util.Optional<V> get(DurableStateStore store, Scope scope, Kind<V> kind, String key) {
    return store.read(scope, v -> v.get(kind, key));
  }

  static Void put(dev.ecsemulator.core.state.StateTxn txn, String name) {
    txn.put(EcsKinds.CLUSTER, name, Shapes.cluster(name));
    return null;
  }

  /** Indexes are not stored: the store rebuilds them from the state it reads back (snapshot and journal). */
  @ParameterizedTest(name = "graceful={0}")
  @ValueSource(booleans = {true, false})
  void indexesAreRebuiltFromTheStateReadBack(boolean graceful) {
    dev.ecsemulator.core.state.Index<Note> byText = dev.ecsemulator.core.state.Index.of("text", NOTE, Note::text);
    KindRegistry indexed = KINDS.withIndexes(List.of(byText));
    java.time.Instant at = java.time.Instant.parse("2026-11-26T00:00:00Z");
    DurableStateStore store = DurableStateStore.open(dir(), indexed, DurableOptions.defaults().withCompactOnClose(graceful));
    opened.add(store);
    store.write(EAST, txn -> {
      txn.put(NOTE, "1", new Note("red", at));
      txn.put(NOTE, "2", new Note("blue", at));
      txn.put(NOTE, "3", new Note("red", at));
      return null;
    });
    store.write(EAST, txn -> txn.remove(NOTE, "1"));
    store.close();

    DurableStateStore reopened = DurableStateStore.open(dir(), indexed, DurableOptions.defaults());
    opened.add(reopened);
    List<Note> red = reopened.read(EAST, v -> v.listByIndex(byText, "red"));

    assertThat(red).containsExactly(new Note("red", at));
  }

  @ParameterizedTest(name = "graceful={0}")
  @ValueSource(booleans = {true, false})
  void everyEcsKindComesBackEqualAfterARestart(boolean graceful) {
    DurableStateStore store = openForRestart(graceful);
    store.write(EAST, txn -> {
      Shapes.putOneOfEach(txn);
      return null;
    });
    store.write(WEST, txn -> put(txn, "west"));
    var before = Dump.of(store, KINDS);

    DurableStateStore reopened = restart(store);

    assertThat(Dump.of(reopened, KINDS)).isEqualTo(before);
    assertThat(get(reopened, EAST, EcsKinds.TASK, EcsKinds.taskKey("prod", "0a1b2c")))
        .contains(Shapes.task("prod", "0a1b2c"));
    assertThat(get(reopened, EAST, EcsKinds.SERVICE, EcsKinds.serviceKey("prod", "web")))
        .contains(Shapes.service("prod", "web"));
    assertThat(get(reopened, EAST, EcsKinds.TASK_DEFINITION, EcsKinds.taskDefinitionKey("web", 3)))
        .contains(Shapes.taskDefinition("web", 3));
    assertThat(reopened.scopes()).containsExactly(EAST, WEST);
  }

  @ParameterizedTest(name = "graceful={0}")
  @ValueSource(booleans = {true, false})
  void overwritesAndRemovalsSurviveARestart(boolean graceful) {
    DurableStateStore store = openForRestart(graceful);
    store.write(EAST, txn -> put(txn, "a"));
    store.write(EAST, txn -> put(txn, "b"));
    Cluster inactive = Shapes.cluster("a").toBuilder().status("INACTIVE").build();
    store.write(EAST, txn -> {
      txn.put(EcsKinds.CLUSTER, "a", inactive);
      txn.remove(EcsKinds.CLUSTER, "b");
      return null;
    });

    DurableStateStore reopened = restart(store);

    List<Cluster> clusters = reopened.read(EAST, v -> v.list(EcsKinds.CLUSTER));
    assertThat(clusters).containsExactly(inactive);
  }

  @ParameterizedTest(name = "graceful={0}")
  @ValueSource(booleans = {true, false})
  void clearIsDurable(boolean graceful) {
    DurableStateStore store = openForRestart(graceful);
    store.write(EAST, txn -> put(txn, "a"));
    store.write(WEST, txn -> put(txn, "b"));
    store.clear();
    store.write(WEST, txn -> put(txn, "after"));

    DurableStateStore reopened = restart(store);

    assertThat(clusters(reopened, EAST)).isEmpty();
    assertThat(clusters(reopened, WEST)).containsExactly("after");
  }

  @Test
  void aCommitIsInTheJournalWhenWriteReturns() {
    DurableStateStore store = open();

    store.write(EAST, txn -> put(txn, "a"));

    // Read the files behind the open store's back, as a restart after a kill would.
    Recovery.Result onDisk = Recovery.recover(dir(), new StateCodec(KINDS));
    assertThat(onDisk.lastSeq()).isEqualTo(1);
    assertThat(onDisk.image().get(EAST).get(EcsKinds.CLUSTER)).containsOnlyKeys("a");
  }

  @Test
  void aMutationThatThrowsWritesNothing() {
    DurableStateStore store = open();
    store.write(EAST, txn -> put(txn, "keep"));

    assertThatThrownBy(() -> store.write(EAST, txn -> {
      put(txn, "half");
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    store.write(EAST, txn -> txn.get(EcsKinds.CLUSTER, "keep")); // read-only: no record either

    assertThat(Recovery.recover(dir(), new StateCodec(KINDS)).lastSeq()).isEqualTo(1);
  }

  @Test
  void anUnregisteredKindIsRefusedAtTheFirstPut() {
    DurableStateStore store = open();
    Kind<Note> stray = Kind.of("stray", Note.class);

    assertThatThrownBy(() -> store.write(EAST, txn -> {
      txn.put(stray, "k", new Note("x", null));
      return null;
    })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'stray'");
  }

  @Test
  void theEphemeralStoreChecksKindsTheSameWay() {
    InMemoryStateStore ephemeral = new InMemoryStateStore(KINDS);

    assertThatThrownBy(() -> ephemeral.write(EAST, txn -> {
      txn.put(Kind.of("stray", Note.class), "k", new Note("x", null));
      return null;
    })).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listenersSeeEachCommitOnceAsInMemory() {
    DurableStateStore store = open();
    List<List<Change>> commits = new ArrayList<>();
    store.subscribe(commits::add);
    Note first = new Note("one", Shapes.MICROS);

    store.write(EAST, txn -> {
      txn.put(NOTE, "n", first);
      return null;
    });
    store.write(EAST, txn -> {
      txn.put(NOTE, "n", first); // equal: not a change, not journaled
      return null;
    });
    store.clear();

    assertThat(commits).containsExactly(
        List.of(new Change(EAST, NOTE, "n", null, first)),
        List.of(new Change(EAST, NOTE, "n", first, null)));
  }

  @Test
  void recoveryLoadsStateWithoutNotifyingAnyone() {
    DurableStateStore store = open();
    store.write(EAST, txn -> put(txn, "a"));
    store.close();

    DurableStateStore reopened = open();
    List<List<Change>> commits = new ArrayList<>();
    reopened.subscribe(commits::add);

    assertThat(clusters(reopened, EAST)).containsExactly("a");
    assertThat(commits).isEmpty();
  }

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefused() {
    DurableStateStore store = open();

    assertThatThrownBy(this::open).isInstanceOf(DataDirLockedException.class)
        .hasMessageContaining(dir().toString()).hasMessageContaining("in use");

    store.close();
    DurableStateStore next = open();
    next.write(EAST, txn -> put(txn, "x"));
    assertThat(clusters(next, EAST)).containsExactly("x");
  }

  @Test
  void writesAfterCloseAreRefused() {
    DurableStateStore store = open();
    store.close();

    assertThatThrownBy(() -> store.write(EAST, txn -> put(txn, "late"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(store::clear).isInstanceOf(IllegalStateException.class);
    store.close(); // idempotent
  }

  @Test
  void aGracefulCloseLeavesOneSnapshotAndTheNextStartAFreshJournal() {
    DurableStateStore store = open();
    store.write(EAST, txn -> put(txn, "a"));
    store.write(EAST, txn -> put(txn, "b"));
    assertThat(TestFiles.names(dir())).containsExactly(".lock", "journal-00000000000000000001");

    store.close();
    assertThat(TestFiles.names(dir())).containsExactly(".lock", "snapshot");

    DurableStateStore reopened = open();
    reopened.write(EAST, txn -> put(txn, "c"));
    assertThat(TestFiles.names(dir())).containsExactly(".lock", "journal-00000000000000000003", "snapshot");
  }

  @Test
  void compactionFoldsTheJournalIntoASnapshotWhileWritesContinue() {
    DurableStateStore store = open(DurableOptions.defaults().withCompactOnClose(false));
    for (int i = 0; i < 10; i++) {
      String name = "c" + i;
      store.write(EAST, txn -> put(txn, name));
    }
    store.compact();
    assertThat(TestFiles.names(dir())).containsExactly(".lock", "journal-00000000000000000011", "snapshot");
    store.write(EAST, txn -> put(txn, "after"));
    var before = Dump.of(store, KINDS);

    store.close();
    DurableStateStore reopened = open();

    assertThat(Dump.of(reopened, KINDS)).isEqualTo(before);
    assertThat(clusters(reopened, EAST)).hasSize(11);
  }

  @Test
  void compactingAgainWithNothingNewIsHarmless() {
    DurableStateStore store = open(DurableOptions.defaults().withCompactOnClose(false));
    store.compact(); // nothing written yet
    store.write(EAST, txn -> put(txn, "a"));
    store.compact();
    store.compact();
    store.write(EAST, txn -> put(txn, "b"));

    assertThat(TestFiles.names(dir())).containsExactly(".lock", "journal-00000000000000000002", "snapshot");
    store.close();
    assertThat(clusters(open(), EAST)).containsExactly("a", "b");
  }

  @Test
  void aGrowingJournalIsCompactedBySize() {
    DurableStateStore store = open(DurableOptions.defaults().withCompactAfterBytes(2048).withCompactOnClose(false));
    for (int i = 0; i < 40; i++) {
      String name = "c" + i;
      store.write(EAST, txn -> put(txn, name));
    }
    var before = Dump.of(store, KINDS);

    store.close();

    // Compaction runs in the background: whether it finished or not, nothing is lost.
    assertThat(TestFiles.names(dir())).contains("snapshot");
    assertThat(Dump.of(open(), KINDS)).isEqualTo(before);
  }
}
