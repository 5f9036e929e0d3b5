package dev.ecsemulator.scheduler.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The IDs in a task's endpoint URIs: one per container ({@code .../v4/<id>}, the agent's "v3 endpoint ID")
 * and one per task ({@code /v2/credentials/<id>}, the agent's credentials ID). The agent draws both at
 * random; here they are an HMAC of the task ARN (and container name) under a secret key, shaped as a
 * version-4 UUID. So a launch retried after a crash, or an emulator restarted with the same key, injects
 * the same IDs; and nobody without the key can derive another task's IDs from its ARN, which the ECS API
 * hands out freely. The key never leaves the emulator. Immutable and thread-safe.
 */
public final class EndpointIds {

  /** Length of the key in bytes (HMAC-SHA256's block-size-independent recommendation: the hash size). */
  public static final int KEY_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;

  private EndpointIds(byte[] key) {
    if (key.length < KEY_BYTES) {
      throw new IllegalArgumentException("an endpoint ID key has at least " + KEY_BYTES + " bytes");
    }
    this.key = key.clone();
  }

  /** IDs under {@code key} (at least {@link #KEY_BYTES} bytes). */
  public static EndpointIds of(byte[] key) {
    return new EndpointIds(key);
  }

  /** IDs under a fresh random key: for an emulator whose IDs need not survive it (ephemeral state). */
  public static EndpointIds random() {
    return new EndpointIds(newKey());
  }

  /** A new random key. */
  public static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** The ID in a container's {@code ECS_CONTAINER_METADATA_URI(_V4)}. */
  public String container(String taskArn, String containerName) {
    return uuid("container\n" + taskArn + "\n" + containerName);
  }

  /** The ID in a task's {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}. */
  public String credentials(String taskArn) {
    return uuid("credentials\n" + taskArn);
  }

  private String uuid(String message) {
    byte[] mac;
    try {
      Mac hmac = Mac.getInstance(ALGORITHM); // not thread-safe: one per call (a few microseconds)
      hmac.init(new SecretKeySpec(key, ALGORITHM));
      mac = hmac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + ALGORITHM, e); // every JDK ships it
    }
    byte[] bytes = Arrays.copyOf(mac, 16);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4, as the agent's uuid.New()
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new UUID(buffer.getLong(), buffer.getLong()).toString();
  }
}
