package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.elbv2.error.ValidationError;
import java.util.List;
import java.util.function.Function;

/** ELBv2's {@code Marker}/{@code PageSize} paging (page size 1 to 400, all when absent). */
final class Elbv2Paging {

  static final int MAX_PAGE = 400;

  private Elbv2Paging() {}

  static <T> Paging.Page<T> page(List<T> ordered, Function<T, String> key, Integer pageSize, String marker) {
    int size = pageSize == null ? MAX_PAGE : pageSize;
    return Paging.after(ordered, key, size, marker, () -> new ValidationError("Invalid marker"));
  }
}
