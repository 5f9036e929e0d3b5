package dev.ecsemulator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.error.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.IntStream;
import java.util.stream.Stream;

class PagingTest {

  /** Every list size from 0 to 40 with every page size from 1 to 10: small enough to try them all. */
  static Stream<Arguments> sizes() {
    return IntStream.rangeClosed(0, 40).boxed()
        .flatMap(size -> IntStream.rangeClosed(1, 10).mapToObj(page -> Arguments.of(size, page)));
  }

  @ParameterizedTest(name = "{0} items, pages of {1}")
  @MethodSource("sizes")
  void walkingAllPagesYieldsEveryItemOnceInOrder(int size, int pageSize) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      items.add(String.format("item-%03d", i));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      Paging.Page<String> page = Paging.page(items, Function.identity(), pageSize, token, 100, 100);
      assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
      seen.addAll(page.items());
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(seen).isEqualTo(items);
    assertThat(pages).isEqualTo(Math.max(1, (size + pageSize - 1) / pageSize));
  }

  @Test
  void aTokenSurvivesTheDeletionOfTheLastItemReturned() {
    List<String> items = List.of("a", "b", "c", "d");
    Paging.Page<String> first = Paging.page(items, Function.identity(), 2, null, 100, 100);

    Paging.Page<String> second = Paging.page(List.of("a", "c", "d"), Function.identity(), 2, first.nextToken(), 100, 100);

    assertThat(second.items()).containsExactly("c", "d");
    assertThat(second.nextToken()).isNull();
  }

  @Test
  void rejectsMaxResultsOutsideTheOperationsRange() {
    assertThatThrownBy(() -> Paging.page(List.of("a"), Function.identity(), 0, null, 100, 100))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> Paging.page(List.of("a"), Function.identity(), 101, null, 100, 100))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void rejectsATokenThatIsNotOurs() {
    assertThatThrownBy(() -> Paging.page(List.of("a"), Function.identity(), 1, "%%%not-base64", 100, 100))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void afterAnswersATokenThatIsNotOursWithTheCallersError() {
    assertThatThrownBy(() -> Paging.after(List.of("a"), Function.identity(), 1, "%%%not-base64",
        () -> new IllegalStateException("the caller's"))).isInstanceOf(IllegalStateException.class)
        .hasMessage("the caller's");
  }
}
