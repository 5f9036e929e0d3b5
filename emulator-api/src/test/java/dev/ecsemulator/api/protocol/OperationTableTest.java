package dev.ecsemulator.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A table filled on first use is filled once, by its first read, and checked as an eagerly filled one is. */
class OperationTableTest {

  private static final OperationHandler<Object> NOTHING = (context, request) -> null;

  @Test
  void aLazyTableIsFilledByItsFirstReadAndOnlyOnce() {
    AtomicInteger fills = new AtomicInteger();
    OperationTable table = OperationTable.filledOnFirstUse(t -> {
      fills.incrementAndGet();
      t.register("GetThing", Object.class, NOTHING).register("PutThing", Object.class, NOTHING);
    });

    assertThat(fills).hasValue(0);
    assertThat(table.find("GetThing")).map(OperationTable.Entry::operation).contains("GetThing");
    assertThat(table.operations()).containsExactly("GetThing", "PutThing");
    assertThat(table.find("Other")).isEmpty();
    assertThat(fills).hasValue(1);
  }

  @Test
  void checksRunOnTheFilledTableAndAFailedFillIsTriedAgain() {
    List<Set<String>> checked = new ArrayList<>();
    AtomicInteger fills = new AtomicInteger();
    OperationTable table = OperationTable.filledOnFirstUse(t -> {
      t.register("GetThing", Object.class, NOTHING);
      if (fills.incrementAndGet() == 1) {
        t.register("Unknown", Object.class, NOTHING);
      }
    });
    table.check(names -> {
      checked.add(Set.copyOf(names));
      if (names.contains("Unknown")) {
        throw new IllegalArgumentException("Unknown is not an operation");
      }
    });
    assertThat(checked).isEmpty();

    assertThatThrownBy(() -> table.find("GetThing")).hasMessage("Unknown is not an operation");
    assertThat(table.operations()).containsExactly("GetThing");
    assertThat(checked).containsExactly(Set.of("GetThing", "Unknown"), Set.of("GetThing"));
  }

  @Test
  void anEagerTableIsCheckedAtOnce() {
    OperationTable table = new OperationTable().register("Unknown", Object.class, NOTHING);

    assertThatThrownBy(() -> table.check(names -> {
      throw new IllegalArgumentException(names + " unknown");
    })).hasMessage("[Unknown] unknown");
  }
}
