package dev.ecsemulator.api.protocol;

import dev.ecsemulator.core.Scope;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the (account, region) a request addresses. SigV4 signatures are accepted without verification;
 * the region is the third element of the credential scope
 * ({@code Credential=AKID/20250101/us-west-2/ecs/aws4_request}), else the configured default.
 * The account is the configured one, unless the access key ID is itself a 12-digit number, which is
 * then taken as the account (as LocalStack does), so one emulator can serve several accounts.
 */
public final class ScopeResolver {

  private static final Pattern CREDENTIAL =
      Pattern.compile("Credential=([^/,\\s]+)/\\d{8}/([^/,\\s]+)/[^/,\\s]+/aws4_request");
  private static final Pattern SERVICE =
      Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/,\\s]+/([^/,\\s]+)/aws4_request");
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private final String defaultAccountId;
  private final String defaultRegion;

  public ScopeResolver(String defaultAccountId, String defaultRegion) {
    this.defaultAccountId = defaultAccountId;
    this.defaultRegion = defaultRegion;
  }

  public Scope resolve(String authorization) {
    if (authorization != null) {
      Matcher m = CREDENTIAL.matcher(authorization);
      if (m.find()) {
        String accessKey = m.group(1);
        String account = ACCOUNT_ID.matcher(accessKey).matches() ? accessKey : defaultAccountId;
        return new Scope(account, m.group(2));
      }
    }
    return new Scope(defaultAccountId, defaultRegion);
  }

  /**
   * The service a SigV4 signature is scoped to ({@code elasticloadbalancing} in
   * {@code Credential=AKID/20250101/us-east-1/elasticloadbalancing/aws4_request}), or null when unsigned.
   */
  public static String signedService(String authorization) {
    if (authorization == null) {
      return null;
    }
    Matcher m = SERVICE.matcher(authorization);
    return m.find() ? m.group(1) : null;
  }
}
