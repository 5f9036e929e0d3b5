package dev.ecsemulator.scheduler.metadata;

/** IPv4 prefix arithmetic for the few places that need it. Pure. */
public final class Cidr {

  private Cidr() {}

  /** The network {@code address} is in, as {@code a.b.c.d/prefix}: {@code 172.17.0.5}, 16 → {@code 172.17.0.0/16}. */
  public static String network(String address, int prefixLength) {
    long value = toLong(address);
    long mask = prefixLength == 0 ? 0 : (0xffffffffL << (32 - prefixLength)) & 0xffffffffL;
    return toText(value & mask) + "/" + prefixLength;
  }

  /** Whether {@code address} lies in {@code cidr} ({@code a.b.c.d/prefix}); false for anything not IPv4. */
  public static boolean contains(String cidr, String address) {
    try {
      String[] parts = cidr.split("/", 2);
      int prefix = Integer.parseInt(parts[1]);
      return network(address, prefix).equals(network(parts[0], prefix));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether two networks ({@code a.b.c.d/prefix}) share an address; false when either is not IPv4. */
  public static boolean overlap(String first, String second) {
    try {
      int a = Integer.parseInt(first.split("/", 2)[1]);
      int b = Integer.parseInt(second.split("/", 2)[1]);
      return a <= b ? contains(first, second.split("/", 2)[0]) : contains(second, first.split("/", 2)[0]);
    } catch (RuntimeException e) {
      return false;
    }
  }

  static long toLong(String address) {
    String[] octets = address.trim().split("\\.");
    if (octets.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + address);
    }
    long value = 0;
    for (String octet : octets) {
      int n = Integer.parseInt(octet);
      if (n < 0 || n > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + address);
      }
      value = (value << 8) | n;
    }
    return value;
  }

  private static String toText(long value) {
    return ((value >> 24) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 8) & 0xff) + "." + (value & 0xff);
  }
}
