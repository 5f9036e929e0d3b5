package dev.ecsemulator.api.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which {@code Host} header values the emulator answers: its guard against DNS rebinding, where a web page
 * on {@code evil.example} re-points that name at 127.0.0.1 and then calls the emulator as its "own" server.
 * Such a request still says {@code Host: evil.example}, so a server that answers only the names it is known
 * by cannot be driven that way.
 *
 * <p>Accepted, by the host name alone (the port is not compared: Docker port mappings, SSH tunnels and
 * {@code kubectl port-forward} change it legitimately, and a rebinding page can pick its own port):
 * <ul>
 *   <li>{@code localhost};
 *   <li>the bind address as written ({@code --bind});
 *   <li>loopback addresses ({@code 127.0.0.0/8}, {@code [::1]}) when bound to loopback or to a wildcard;
 *   <li>any IP address literal when bound to a wildcard ({@code 0.0.0.0}, {@code ::}): an address literal
 *       cannot be re-pointed by DNS, and a browser sends one only for a page loaded from that very address;
 *   <li>the names the user allows ({@code --allowed-hosts}), where {@code *} allows any host.
 * </ul>
 * A request without a Host header (HTTP/1.0) is accepted: browsers always send one.
 *
 * <p>Immutable and thread-safe. Deciding never touches DNS; only {@link #forBind} resolves a bind address
 * given as a name, once, as binding to it does.
 */
public final class HostRules {

  /** The {@code --allowed-hosts} entry that allows any host. */
  public static final String ANY = "*";

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("\\[([0-9a-f.]*:[0-9a-f:.]*)]");
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?");

  private final Set<String> names;
  private final List<String> allowed;
  private final Binding binding;
  private final String bind;

  /** How the bind address widens what is accepted. */
  enum Binding { LOOPBACK, WILDCARD, OTHER }

  HostRules(String bind, Binding binding, List<String> allowed) {
    this.bind = bind;
    this.binding = binding;
    this.allowed = List.copyOf(allowed);
    Set<String> known = new LinkedHashSet<>();
    known.add("localhost");
    String bound = hostOf(bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind);
    known.add(bound);
    known.addAll(this.allowed);
    this.names = Set.copyOf(known);
  }

  /**
   * The rules for a server bound to {@code bind}, also accepting {@code allowedHosts} (as {@link #parseAllowed}
   * returns them). A bind address given as a name is resolved here to tell loopback from other addresses.
   */
  public static HostRules forBind(String bind, List<String> allowedHosts) {
    return new HostRules(bind, classify(bind), allowedHosts);
  }

  private static Binding classify(String bind) {
    try {
      InetAddress address = InetAddress.getByName(bind);
      return address.isAnyLocalAddress() ? Binding.WILDCARD
          : address.isLoopbackAddress() ? Binding.LOOPBACK : Binding.OTHER;
    } catch (UnknownHostException e) {
      return Binding.OTHER; // the server cannot bind to it either, and says so
    }
  }

  /**
   * Parses {@code --allowed-hosts}: names or address literals separated by commas, without ports; {@code *}
   * for any host. Returns them in lower case, blanks dropped.
   *
   * @throws IllegalArgumentException naming the first entry that is not a host name
   */
  public static List<String> parseAllowed(String text) {
    List<String> hosts = new ArrayList<>();
    if (text == null) {
      return hosts;
    }
    for (String entry : text.split(",")) {
      String host = entry.trim().toLowerCase(Locale.ROOT);
      if (host.isEmpty()) {
        continue;
      }
      if (!host.equals(ANY) && !NAME.matcher(host).matches() && ipLiteral(host) == null) {
        throw new IllegalArgumentException("'" + entry.trim() + "' is not a host name (give names without a port or"
            + " scheme, IPv6 addresses in brackets, or * for any host)");
      }
      hosts.add(host);
    }
    return hosts;
  }

  /** Whether a request with this {@code Host} header value (null when absent) is answered. */
  public boolean allows(String hostHeader) {
    if (hostHeader == null) {
      return true;
    }
    if (allowed.contains(ANY)) {
      return true;
    }
    String host = hostOf(hostHeader.trim());
    if (names.contains(host)) {
      return true;
    }
    InetAddress literal = ipLiteral(host);
    if (literal == null) {
      return false;
    }
    return binding == Binding.WILDCARD || (binding == Binding.LOOPBACK && literal.isLoopbackAddress());
  }

  /** What is accepted, in words, for a refusal's message. */
  public String describe() {
    String base = switch (binding) {
      case LOOPBACK -> "localhost and loopback addresses (it is bound to " + bind + ")";
      case WILDCARD -> "localhost and IP addresses (it is bound to " + bind + ")";
      case OTHER -> "localhost and " + bind + " (its bind address)";
    };
    return allowed.isEmpty() ? base : base + ", and the allowed hosts " + String.join(", ", allowed);
  }

  /** The host part of a Host header value, in lower case: without the port, brackets kept for IPv6. */
  static String hostOf(String hostHeader) {
    String value = hostHeader.toLowerCase(Locale.ROOT);
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? value : value.substring(0, end + 1);
    }
    int colon = value.lastIndexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }

  /**
   * The address a dotted-quad IPv4 or bracketed IPv6 literal names, else null. Checked by pattern first (an IPv6
   * one must hold a colon), so that {@link InetAddress#getByName} only ever parses a literal and never asks DNS.
   */
  static InetAddress ipLiteral(String host) {
    String literal;
    Matcher v4 = IPV4.matcher(host);
    Matcher v6 = IPV6.matcher(host);
    if (v4.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(v4.group(i)) > 255) {
          return null;
        }
      }
      literal = host;
    } else if (v6.matches()) {
      literal = v6.group(1);
    } else {
      return null;
    }
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
