package dev.ecsemulator.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A kept index answers exactly what a scan of the kind answers, through every put, change of group, removal and
 * reset, in reads and inside mutations (whose own writes it must include).
 */
class IndexTest {

  record Thing(String group, int size) {}

  static final Kind<Thing> THING = Kind.of("thing", Thing.class);
  /** Things by group; those of group "none" are not in the index. */
  static final Index<Thing> BY_GROUP = Index.of("group", THING, t -> t.group().equals("none") ? null : t.group());
  static final Scope EAST = new Scope("000000000000", "us-east-1");
  static final List<String> GROUPS = List.of("a", "b", "c", "none");

  final InMemoryStateStore indexed = new InMemoryStateStore(KindRegistry.of(List.of(THING)).withIndexes(List.of(BY_GROUP)));
  final InMemoryStateStore scanned = new InMemoryStateStore(KindRegistry.of(List.of(THING)));

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aKeptIndexAnswersWhatAScanAnswers(long seed) {
    Random random = new Random(seed);
    for (int step = 0; step < 300; step++) {
      int writes = 1 + random.nextInt(4);
      List<Object[]> ops = new ArrayList<>();
      for (int i = 0; i < writes; i++) {
        String key = "k" + random.nextInt(30);
        ops.add(random.nextInt(4) == 0 ? new Object[] {key} : new Object[] {key, thing(random)});
      }
      String probe = GROUPS.get(random.nextInt(GROUPS.size()));
      List<Thing> inIndexedTxn = apply(indexed, ops, probe);
      List<Thing> inScannedTxn = apply(scanned, ops, probe);
      assertThat(inIndexedTxn).as("inside the mutation, step %d", step).isEqualTo(inScannedTxn);
      if (step % 97 == 96) {
        indexed.clear();
        scanned.clear();
      }
      for (String group : GROUPS) {
        List<Thing> fromIndex = indexed.read(EAST, v -> v.listByIndex(BY_GROUP, group));
        List<Thing> fromScan = scanned.read(EAST, v -> v.listByIndex(BY_GROUP, group));
        assertThat(fromIndex).as("group %s after step %d", group, step).isEqualTo(fromScan);
        if (group.equals("none")) {
          assertThat(fromIndex).as("not indexed").isEmpty();
        }
      }
    }
  }

  @Test
  void anEntityMovesBetweenGroupsAndLeavesWithItsRemovalInKeyOrder() {
    write(indexed, "2", new Thing("a", 1));
    write(indexed, "1", new Thing("a", 2));
    write(indexed, "3", new Thing("b", 3));
    assertThat(read("a")).containsExactly(new Thing("a", 2), new Thing("a", 1));

    write(indexed, "1", new Thing("b", 4));
    assertThat(read("a")).containsExactly(new Thing("a", 1));
    assertThat(read("b")).containsExactly(new Thing("b", 4), new Thing("b", 3));

    indexed.write(EAST, txn -> txn.remove(THING, "3"));
    assertThat(read("b")).containsExactly(new Thing("b", 4));
    assertThat(read("c")).isEmpty();
  }

  @Test
  void anIndexOfAKindNotRegisteredIsRefused() {
    Kind<String> other = Kind.of("other", String.class);
    KindRegistry registry = KindRegistry.of(List.of(THING));

    assertThatThrownBy(() -> registry.withIndexes(List.of(Index.of("x", other, s -> s))))
        .hasMessageContaining("'other'");
    assertThat(registry.withIndexes(List.of(BY_GROUP)).with(other).indexed(BY_GROUP)).as("kept when kinds are added")
        .isTrue();
  }

  private List<Thing> read(String group) {
    return indexed.read(EAST, v -> v.listByIndex(BY_GROUP, group));
  }

  private static Thing thing(Random random) {
    return new Thing(GROUPS.get(random.nextInt(GROUPS.size())), random.nextInt(3));
  }

  private static void write(InMemoryStateStore store, String key, Thing thing) {
    store.write(EAST, txn -> {
      txn.put(THING, key, thing);
      return null;
    });
  }

  /** Applies the puts ({key, thing}) and removals ({key}) in one mutation; returns what it lists of {@code probe}. */
  private static List<Thing> apply(InMemoryStateStore store, List<Object[]> ops, String probe) {
    return store.write(EAST, txn -> {
      for (Object[] op : ops) {
        if (op.length == 1) {
          txn.remove(THING, (String) op[0]);
        } else {
          txn.put(THING, (String) op[0], (Thing) op[1]);
        }
      }
      return txn.listByIndex(BY_GROUP, probe);
    });
  }
}
