package dev.ecsemulator.core.elbv2;

import java.util.Random;

/** Makes ELBv2's resource IDs (16 hex characters) and DNS name numbers. Injectable for tests; thread-safe. */
public final class Elbv2Ids {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final Random random;

  private Elbv2Ids(Random random) {
    this.random = random;
  }

  public static Elbv2Ids random() {
    return new Elbv2Ids(new java.security.SecureRandom());
  }

  public static Elbv2Ids seeded(long seed) {
    return new Elbv2Ids(new Random(seed));
  }

  /** 16 lowercase hex characters, as the last part of ELBv2 ARNs. */
  public synchronized String resourceId() {
    char[] out = new char[16];
    for (int i = 0; i < out.length; i++) {
      out[i] = HEX[random.nextInt(16)];
    }
    return new String(out);
  }

  /** 10 decimal digits, as AWS puts in a load balancer's DNS name ({@code my-lb-1234567890.us-east-1...}). */
  public synchronized String dnsNumber() {
    return String.valueOf(1_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 9_000_000_000L);
  }
}
