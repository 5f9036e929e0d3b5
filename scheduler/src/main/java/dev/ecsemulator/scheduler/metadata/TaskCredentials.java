package dev.ecsemulator.scheduler.metadata;

import dev.ecsemulator.scheduler.metadata.MetadataShapes.Credentials;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary credentials the endpoint hands a task for its role, shaped as STS issues them: an access key
 * ID of {@code ASIA} and 16 base-32 characters, a 40-character secret, a session token, and an expiration
 * {@link #LIFETIME} ahead. They authorize nothing (the emulator checks no signature); they exist so that the
 * SDKs' container credential providers work unchanged.
 *
 * <p>A task keeps one set until it has less than {@link #RENEW_BEFORE} left, then gets a new one, as the ECS
 * backend pushes fresh credentials to the agent well before the old ones expire; so an SDK, which asks again
 * some minutes before expiry, always finds a set that is good for hours. Held in memory only: after a restart a
 * task gets a new set. Thread-safe; time comes from the injected clock.
 */
public final class TaskCredentials {

  /** ECS's default lifetime of task role credentials (the developer guide said 6 hours until 2022). */
  public static final Duration LIFETIME = Duration.ofHours(6);
  /** How long before expiry a new set is issued (ours: ECS publishes no figure). */
  public static final Duration RENEW_BEFORE = Duration.ofHours(1);

  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final char[] SECRET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  private final Clock clock;
  private final Random random;
  private final Map<String, Issued> issued = new ConcurrentHashMap<>();

  private record Issued(Credentials credentials, Instant expiration) {}

  public TaskCredentials(Clock clock) {
    this(clock, new SecureRandom());
  }

  TaskCredentials(Clock clock, Random random) {
    this.clock = clock;
    this.random = random;
  }

  /** The current set for the task whose credentials ID this is, for {@code roleArn}; issues one when due. */
  public Credentials current(String credentialsId, String roleArn) {
    Instant now = clock.instant();
    return issued.compute(credentialsId, (id, held) -> held != null && held.credentials().roleArn().equals(roleArn)
        && now.isBefore(held.expiration().minus(RENEW_BEFORE)) ? held : issue(roleArn, now)).credentials();
  }

  /** Forgets a task's credentials (its task is gone). */
  public void forget(String credentialsId) {
    issued.remove(credentialsId);
  }

  private Issued issue(String roleArn, Instant now) {
    Instant expiration = now.plus(LIFETIME);
    byte[] token = new byte[356];
    random.nextBytes(token);
    // STS session tokens are base64; current ones begin with this version prefix.
    String sessionToken = "IQoJb3JpZ2luX2Vj" + Base64.getEncoder().encodeToString(token);
    return new Issued(new Credentials(roleArn, "ASIA" + chars(BASE32, 16), chars(SECRET, 40), sessionToken,
        GoJson.timeToSecond(expiration)), expiration);
  }

  private String chars(char[] alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(out);
  }
}
