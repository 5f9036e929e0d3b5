package dev.ecsemulator.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.Scope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryStateStoreTest {

  record Thing(String name, int size) {}

  static final Kind<Thing> THING = Kind.of("thing", Thing.class);
  static final Scope EAST = new Scope("000000000000", "us-east-1");
  static final Scope WEST = new Scope("000000000000", "us-west-2");

  final InMemoryStateStore store = new InMemoryStateStore();

  java.util.Optional<Thing> get(Scope scope, String key) {
    return store.read(scope, v -> v.get(THING, key));
  }

  List<Thing> things(Scope scope) {
    return store.read(scope, v -> v.list(THING));
  }

  List<String> keys(Scope scope) {
    return store.read(scope, v -> v.keys(THING));
  }

  @Test
  void writesAreVisibleToLaterReadsAndListedInKeyOrder() {
    store.write(EAST, txn -> {
      txn.put(THING, "b", new Thing("b", 2));
      txn.put(THING, "a", new Thing("a", 1));
      return null;
    });

    assertThat(get(EAST, "a")).contains(new Thing("a", 1));
    assertThat(things(EAST)).extracting(Thing::name).containsExactly("a", "b");
    assertThat(keys(EAST)).containsExactly("a", "b");
  }

  @Test
  void aKeyPrefixSelectsARangeInKeyOrderInReadsAndInMutations() {
    store.write(EAST, txn -> {
      for (String key : List.of("ab/1", "a/2", "a/1", "b/1", "a", "a/3")) {
        txn.put(THING, key, new Thing(key, 1));
      }
      return null;
    });

    List<Thing> cluster = store.read(EAST, v -> v.listByKeyPrefix(THING, "a/"));
    List<Thing> none = store.read(EAST, v -> v.listByKeyPrefix(THING, "c/"));
    assertThat(cluster).extracting(Thing::name).containsExactly("a/1", "a/2", "a/3");
    assertThat(none).isEmpty();
    List<Thing> inTxn = store.write(EAST, txn -> {
      txn.remove(THING, "a/2");
      txn.put(THING, "a/0", new Thing("a/0", 2));
      return txn.listByKeyPrefix(THING, "a/");
    });
    assertThat(inTxn).extracting(Thing::name).containsExactly("a/0", "a/1", "a/3");
  }

  @Test
  void scopesAreSeparate() {
    store.write(EAST, txn -> {
      txn.put(THING, "a", new Thing("a", 1));
      return null;
    });

    assertThat(things(WEST)).isEmpty();
    assertThat(store.scopes()).containsExactly(EAST);
  }

  @Test
  void aMutationThatThrowsLeavesNothingBehind() {
    store.write(EAST, txn -> {
      txn.put(THING, "keep", new Thing("keep", 1));
      return null;
    });

    assertThatThrownBy(() -> store.write(EAST, txn -> {
      txn.put(THING, "half", new Thing("half", 1));
      txn.remove(THING, "keep");
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(keys(EAST)).containsExactly("keep");
  }

  @Test
  void aMutationSeesItsOwnWrites() {
    List<String> seen = store.write(EAST, txn -> {
      txn.put(THING, "a", new Thing("a", 1));
      txn.put(THING, "b", new Thing("b", 1));
      txn.remove(THING, "a");
      return txn.keys(THING);
    });

    assertThat(seen).containsExactly("b");
  }

  @Test
  void listenersReceiveEachCommitOnceWithBeforeAndAfter() {
    List<List<Change>> commits = new ArrayList<>();
    store.subscribe(commits::add);

    store.write(EAST, txn -> {
      txn.put(THING, "a", new Thing("a", 1));
      return null;
    });
    store.write(EAST, txn -> {
      txn.put(THING, "a", new Thing("a", 2));
      return null;
    });
    store.write(EAST, txn -> txn.get(THING, "a")); // a read-only write commits nothing
    store.clear();

    assertThat(commits).hasSize(3);
    assertThat(commits.get(0)).containsExactly(new Change(EAST, THING, "a", null, new Thing("a", 1)));
    assertThat(commits.get(1)).containsExactly(new Change(EAST, THING, "a", new Thing("a", 1), new Thing("a", 2)));
    assertThat(commits.get(2)).containsExactly(new Change(EAST, THING, "a", new Thing("a", 2), null));
    assertThat(things(EAST)).isEmpty();
  }

  @Test
  void writingAnEqualValueIsNotAChange() {
    List<List<Change>> commits = new ArrayList<>();
    store.write(EAST, txn -> {
      txn.put(THING, "a", new Thing("a", 1));
      return null;
    });
    store.subscribe(commits::add);

    store.write(EAST, txn -> {
      txn.put(THING, "a", new Thing("a", 1));
      return null;
    });

    assertThat(commits).isEmpty();
  }
}
