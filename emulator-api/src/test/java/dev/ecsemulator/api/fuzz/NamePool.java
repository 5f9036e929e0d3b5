package dev.ecsemulator.api.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Names and ARNs that exist in one service, by the kind of thing they name ({@code cluster}, {@code secret},
 * {@code log-group}, ...): what generated requests pick from so that they reach past "not found" into the handlers.
 * Starts with the names a fixture creates and grows with those its answers name (at most {@value #MAX_PER_KIND} per
 * kind). Not thread-safe.
 */
final class NamePool {

  static final int MAX_PER_KIND = 200;
  /** Longer values are not kept: a name echoed from a huge hostile value would only slow every later request. */
  static final int MAX_LENGTH = 512;
  /** The kind under which every ARN an answer names is kept, whatever it names. */
  static final String ARN = "arn";

  private final Map<String, List<String>> byKind = new LinkedHashMap<>();
  private final Random random;

  NamePool(Random random) {
    this.random = random;
  }

  /** Adds a name of a kind (ignored when {@code kind} is null, the name is known, too long, or the kind full). */
  void add(String kind, String name) {
    if (kind == null || name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
      return;
    }
    List<String> names = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
    if (names.size() < MAX_PER_KIND && !names.contains(name)) {
      names.add(name);
    }
  }

  /** The names of a kind; empty if none is known. */
  List<String> of(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** A name of the kind, or {@code fallback} when none is known. */
  String pick(String kind, String fallback) {
    List<String> names = of(kind);
    return names.isEmpty() ? fallback : names.get(random.nextInt(names.size()));
  }

  /** Every name of every kind. */
  List<String> all() {
    List<String> all = new ArrayList<>();
    byKind.values().forEach(all::addAll);
    return all;
  }
}
