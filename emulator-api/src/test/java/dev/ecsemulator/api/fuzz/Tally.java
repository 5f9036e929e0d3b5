package dev.ecsemulator.api.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one service answered during the fuzz: statuses, error codes, 200s by operation, time spent waiting for answers,
 * and the failures (a 5xx, no answer, a secret value shown). Not thread-safe.
 */
final class Tally {

  final Map<Integer, Integer> statuses = new TreeMap<>();
  final Map<String, Integer> errors = new TreeMap<>();
  final Map<String, Integer> accepted = new TreeMap<>();
  /** The message of the first answer of each error code. */
  final Map<String, String> examples = new TreeMap<>();
  /** 5xx answers and requests that got no answer. */
  final List<String> serverErrors = new ArrayList<>();
  /** Answers that showed a secret value where they must not. */
  final List<String> leaks = new ArrayList<>();
  int requests;
  long nanos;

  void count(String operation, WireClient.Answer answer, long tookNanos) {
    requests++;
    nanos += tookNanos;
    statuses.merge(answer.status(), 1, Integer::sum);
    if (answer.status() == 200) {
      accepted.merge(operation, 1, Integer::sum);
    } else if (answer.status() >= 400 && answer.status() < 500) {
      errors.merge(answer.errorType(), 1, Integer::sum);
      examples.putIfAbsent(answer.errorType(), answer.body().length() <= 300 ? answer.body()
          : answer.body().substring(0, 300) + "...");
    }
  }

  int unanswered() {
    return statuses.getOrDefault(0, 0);
  }

  int serverErrorCount() {
    return (int) statuses.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() == 0)
        .mapToLong(Map.Entry::getValue).sum();
  }

  /** One paragraph of figures. */
  String summary(String service, int operations) {
    StringBuilder text = new StringBuilder(String.format("%s: %d requests to %d operations, %.1f s waiting for answers, "
            + "statuses %s, 5xx or no answer %d, secret values shown %d%n    errors %s%n    200s by operation %s",
        service, requests, operations, nanos / 1e9, statuses, serverErrorCount(), leaks.size(), errors, accepted));
    examples.forEach((type, body) -> text.append(String.format("%n    first %s: %s", type, body)));
    return text.toString();
  }
}
