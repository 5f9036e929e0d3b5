package dev.ecsemulator.core.ssm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * What a SecureString's value reads as without WithDecryption. AWS answers the KMS ciphertext blob, base64-encoded
 * (the user guide: "the command returns an encrypted GUID"; such blobs begin {@code AQICAH}). The emulator has no KMS:
 * it answers a blob of that shape and of a length that grows with the value's, but random, made once per version, so
 * nothing of the value can be read from it. Pure but for the random source.
 */
final class Ciphertexts {

  /** The first bytes of a KMS ciphertext blob of a symmetric key: {@code AQICAH} once encoded. */
  private static final byte[] HEADER = {0x01, 0x02, 0x02, 0x00, 0x78};
  /** What a blob carries besides the encrypted value: key reference, IV, authentication tag (roughly). */
  private static final int OVERHEAD = 156;

  private Ciphertexts() {}

  static String of(RandomGenerator random, String value) {
    byte[] blob = new byte[HEADER.length + OVERHEAD + value.getBytes(StandardCharsets.UTF_8).length];
    System.arraycopy(HEADER, 0, blob, 0, HEADER.length);
    for (int i = HEADER.length; i < blob.length; i++) {
      blob[i] = (byte) random.nextInt(256);
    }
    return Base64.getEncoder().encodeToString(blob);
  }
}
