package dev.ecsemulator.core.logs;

import dev.ecsemulator.core.logs.error.InvalidParameterException;
import java.util.List;

/** Retention policies: the day counts AWS allows, and which events a policy has expired. Pure. */
public final class Retention {

  /** The values of {@code retentionInDays} the model's documentation lists. */
  public static final List<Integer> ALLOWED_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
      731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

  static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

  private Retention() {}

  /**
   * @throws InvalidParameterException for a day count AWS does not offer, in the validation wording (the enum form is
   *     what AWS answers for PutRetentionPolicy as third-party emulators copy it; unverified)
   */
  static void check(int days) {
    if (!ALLOWED_DAYS.contains(days)) {
      throw new InvalidParameterException("1 validation error detected: Value '" + days + "' at 'retentionInDays' "
          + "failed to satisfy constraint: Member must satisfy enum value set: " + ALLOWED_DAYS);
    }
  }

  /** The oldest timestamp a group keeps at {@code now}: events before it have expired. No policy: none expires. */
  static long oldestKept(long now, Integer retentionInDays) {
    return retentionInDays == null ? Long.MIN_VALUE : now - retentionInDays * DAY_MILLIS;
  }
}
