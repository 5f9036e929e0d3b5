package dev.ecsemulator.api.edge;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call the emulator: the decisions that keep web pages out. Whoever reaches the API can run containers
 * on the user's Docker engine, so a page the user merely visits must not reach it, neither directly (a form or a
 * {@code fetch} to {@code http://127.0.0.1:4566}) nor by DNS rebinding.
 *
 * <ul>
 *   <li>The {@code Host} must be one the emulator answers to ({@link HostRules}): 403.
 *   <li>A request with an {@code Origin} must come from the emulator's own origin, the one its {@code Host}
 *       names (its own pages, such as a dashboard under {@code /_emulator/}): 403. Browsers send {@code Origin}
 *       with every POST and every cross-origin {@code fetch}; the AWS SDKs and the CLI never send it.
 *   <li>A request a browser marks {@code Sec-Fetch-Site: cross-site} or {@code same-site} (another port of
 *       localhost is the same site, but another origin) is refused too: that covers the requests a browser sends
 *       without an {@code Origin}, such as an image or a link to the emulator: 403.
 *   <li>{@code POST /_emulator/reset} needs a JSON content type ({@link #resetContentType}): 415. A page can post a
 *       form to any origin without asking, but not JSON.
 * </ul>
 *
 * <p>Pure and thread-safe: it decides from header values only.
 */
public final class RequestGate {

  /** The content types reset accepts. */
  static final Set<String> JSON_TYPES = Set.of("application/json", "application/x-amz-json-1.1");

  private static final String OPTION = "--allowed-hosts (or the environment variable ECS_EMULATOR_ALLOWED_HOSTS)";

  private final HostRules hosts;

  public RequestGate(HostRules hosts) {
    this.hosts = hosts;
  }

  /**
   * The refusal for a request with these headers (each null when absent), or empty when it may go on.
   *
   * @param host the {@code Host} header
   * @param origin the {@code Origin} header
   * @param fetchSite the {@code Sec-Fetch-Site} header
   */
  public Optional<Refusal> check(String host, String origin, String fetchSite) {
    if (!hosts.allows(host)) {
      return Optional.of(forbidden("ecs-emulator refused a request with Host '" + host + "': it answers only requests"
          + " addressed to " + hosts.describe() + ", so that no web page can reach it through a DNS name of its own"
          + " (DNS rebinding). To call it by another name, allow that name with " + OPTION + "."));
    }
    if (origin != null && !sameOrigin(origin, host)) {
      return Optional.of(forbidden("ecs-emulator refused a request from a web page of another origin (Origin '"
          + origin + "'): it answers web pages only of its own origin" + (host == null ? "" : " (http://" + host + ")")
          + ", so that no page you visit can run containers on your machine. AWS SDKs and the CLI send no Origin"
          + " header; " + OPTION + " does not change this rule."));
    }
    if (fetchSite != null && isCrossOrigin(fetchSite)) {
      return Optional.of(forbidden("ecs-emulator refused a request a browser marked Sec-Fetch-Site: " + fetchSite
          + ": it answers web pages only of its own origin, so that no page you visit can run containers on your"
          + " machine. AWS SDKs and the CLI send no such header."));
    }
    return Optional.empty();
  }

  /** The refusal of {@code POST /_emulator/reset} with this {@code Content-Type} (null when absent), if any. */
  public static Optional<Refusal> resetContentType(String contentType) {
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (JSON_TYPES.contains(mediaType)) {
      return Optional.empty();
    }
    return Optional.of(new Refusal(415, "UnsupportedMediaTypeException",
        "POST /_emulator/reset needs the content type application/json or application/x-amz-json-1.1, got "
            + (contentType == null ? "none" : "'" + contentType + "'")
            + ", so that no web page can reset the emulator by posting a form to it"
            + " (e.g. curl -X POST -H 'Content-Type: application/json' http://127.0.0.1:4566/_emulator/reset)."));
  }

  private static Refusal forbidden(String message) {
    return new Refusal(403, "AccessDeniedException", message);
  }

  private static boolean isCrossOrigin(String fetchSite) {
    String site = fetchSite.trim().toLowerCase(Locale.ROOT);
    return site.equals("cross-site") || site.equals("same-site");
  }

  /**
   * Whether {@code origin} ({@code scheme://host[:port]}) is the origin whose Host header is {@code host}: the
   * same host and port, a missing port being the scheme's default. {@code null} origins (sandboxed frames, files)
   * and a missing Host never are.
   */
  static boolean sameOrigin(String origin, String host) {
    if (host == null) {
      return false;
    }
    String value = origin.trim().toLowerCase(Locale.ROOT);
    int defaultPort;
    if (value.startsWith("http://")) {
      defaultPort = 80;
    } else if (value.startsWith("https://")) {
      defaultPort = 443;
    } else {
      return false;
    }
    String authority = value.substring(value.indexOf("//") + 2);
    return !authority.contains("/") && !authority.isEmpty()
        && withPort(authority, defaultPort).equals(withPort(host.trim().toLowerCase(Locale.ROOT), defaultPort));
  }

  private static String withPort(String authority, int defaultPort) {
    String host = HostRules.hostOf(authority);
    String rest = authority.substring(host.length());
    return host + ":" + (rest.startsWith(":") && rest.length() > 1 ? rest.substring(1) : String.valueOf(defaultPort));
  }
}
