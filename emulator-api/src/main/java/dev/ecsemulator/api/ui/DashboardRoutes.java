package dev.ecsemulator.api.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ecsemulator.api.edge.Refusal;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.json.EcsJson;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dashboard's endpoints, all under {@code /_emulator/ui/} and behind the same {@link
 * dev.ecsemulator.api.edge.RequestGate} as the API (so only the emulator's own pages may call them from a browser):
 *
 * <ul>
 *   <li>{@code GET /} with {@code Accept: text/html} (a browser's address bar): redirects to the dashboard. Other
 *       {@code GET /} are answered as before (404); the API's {@code POST /} is not touched.
 *   <li>{@code GET /_emulator/ui/}: the page; {@code GET /_emulator/ui/assets/NAME}: its scripts and styles.
 *   <li>{@code GET /_emulator/ui/events?account=ID&region=NAME}: the live feed, as server-sent events ({@link
 *       LiveFeed}); the API's default account and region when not given.
 *   <li>{@code GET /_emulator/ui/api/explanations}: the texts of {@link Explanations}.
 *   <li>{@code GET /_emulator/ui/api/containers/DOCKER_ID}: a container's health check output ({@link
 *       ContainerDetails}).
 *   <li>{@code POST /_emulator/ui/api/sample-app} (JSON): a teaching action on the sample app ({@link
 *       SampleAppControl}).
 * </ul>
 *
 * <p>Every page and file goes with a strict Content-Security-Policy (scripts, styles and connections of the
 * emulator's own origin only; no inline script, no framing), {@code nosniff} and no referrer.
 */
public final class DashboardRoutes {

  /** Where the dashboard lives. */
  public static final String ROOT = "/_emulator/ui/";

  /** The page's policy: nothing but the emulator's own files and its own API. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

  /** Finds the dashboard for a request: waits while the emulator starts; null when the server has none. */
  @FunctionalInterface
  public interface Source {
    Dashboard get(Context ctx) throws Exception;
  }

  private final Source source;
  private final UiAssets assets = new UiAssets();

  private DashboardRoutes(Source source) {
    this.source = source;
  }

  /** Adds the dashboard's routes to a server being configured. */
  public static void install(JavalinConfig config, Source source) {
    DashboardRoutes routes = new DashboardRoutes(source);
    config.routes.get("/", DashboardRoutes::browserRedirect);
    config.routes.get(ROOT, routes::page);
    config.routes.get(ROOT + "assets/{name}", routes::asset);
    config.routes.sse(ROOT + "events", routes::events);
    config.routes.get(ROOT + "api/explanations", DashboardRoutes::explanations);
    config.routes.get(ROOT + "api/containers/{id}", routes::container);
    config.routes.post(ROOT + "api/sample-app", routes::sampleApp);
  }

  /** {@code GET /}: a browser (it asks for HTML) goes to the dashboard; anything else gets the 404 it always got. */
  private static void browserRedirect(Context ctx) {
    String accept = ctx.header("Accept");
    if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/html")) {
      throw new NotFoundResponse();
    }
    ctx.status(302).header("Location", ROOT);
  }

  private void page(Context ctx) {
    if (!ctx.path().endsWith("/")) {
      // The page's files are named relative to it: /_emulator/ui would fetch /_emulator/assets/...
      ctx.status(302).header("Location", ROOT);
      return;
    }
    send(ctx, assets.get("index.html").orElseThrow(NotFoundResponse::new));
  }

  private void asset(Context ctx) {
    send(ctx, assets.get(ctx.pathParam("name")).orElseThrow(NotFoundResponse::new));
  }

  private static void send(Context ctx, UiAssets.Asset asset) {
    secure(ctx);
    ctx.contentType(asset.contentType()).result(asset.bytes());
  }

  /** The headers of everything the dashboard serves. */
  private static void secure(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    ctx.header("Cache-Control", "no-cache");
  }

  private void events(SseClient client) {
    Context ctx = client.ctx();
    Dashboard dashboard;
    try {
      dashboard = source.get(ctx);
    } catch (Exception e) {
      dashboard = null;
    }
    if (dashboard == null) {
      fail(client, "ecs-emulator is not ready: it is starting or stopping");
      return;
    }
    Optional<Scope> scope = scope(ctx.queryParam("account"), ctx.queryParam("region"), dashboard.defaultScope());
    if (scope.isEmpty()) {
      fail(client, "account must be 12 digits and region a region name such as us-east-1");
      return;
    }
    client.keepAlive();
    client.onClose(dashboard.feed().join(new SseSink(client), scope.get()));
  }

  private static void fail(SseClient client, String message) {
    client.sendEvent("failure", EcsJson.compact(Map.of("message", message)));
    client.close();
  }

  /** The scope of {@code account} and {@code region} (each the default when absent); empty when malformed. */
  static Optional<Scope> scope(String account, String region, Scope defaults) {
    String a = account == null || account.isEmpty() ? defaults.accountId() : account;
    String r = region == null || region.isEmpty() ? defaults.region() : region;
    if (!ACCOUNT.matcher(a).matches() || !REGION.matcher(r).matches()) {
      return Optional.empty();
    }
    return Optional.of(new Scope(a, r));
  }

  private static void explanations(Context ctx) throws JsonProcessingException {
    json(ctx, Explanations.catalogue());
  }

  private void container(Context ctx) throws Exception {
    Dashboard dashboard = required(ctx);
    Optional<ContainerDetails.Details> details;
    try {
      details = dashboard.containers().inspect(ctx.pathParam("id"));
    } catch (RuntimeException e) {
      refuse(ctx, new Refusal(503, "ServiceUnavailableException", "The Docker engine did not answer: " + e));
      return;
    }
    if (details.isEmpty()) {
      refuse(ctx, new Refusal(404, "ResourceNotFoundException", "No container " + ctx.pathParam("id")
          + " of this emulator."));
      return;
    }
    json(ctx, details.get());
  }

  private void sampleApp(Context ctx) throws Exception {
    String type = ctx.header("Content-Type");
    if (type == null || !type.split(";", 2)[0].trim().equalsIgnoreCase("application/json")) {
      refuse(ctx, new Refusal(415, "UnsupportedMediaTypeException",
          "POST " + ROOT + "api/sample-app needs the content type application/json."));
      return;
    }
    Dashboard dashboard = required(ctx);
    SampleAppControl.Request request;
    try {
      request = EcsJson.mapper().readValue(ctx.bodyAsBytes(), SampleAppControl.Request.class);
    } catch (IOException e) {
      refuse(ctx, new Refusal(400, "SerializationException", "The body is not the JSON this endpoint reads."));
      return;
    }
    try {
      json(ctx, dashboard.sampleApp().perform(request));
    } catch (SampleAppControl.Refused refused) {
      refuse(ctx, refused.refusal);
    }
  }

  private Dashboard required(Context ctx) throws Exception {
    Dashboard dashboard = source.get(ctx);
    if (dashboard == null) {
      throw new NotFoundResponse();
    }
    return dashboard;
  }

  private static void json(Context ctx, Object body) throws JsonProcessingException {
    secure(ctx);
    ctx.contentType("application/json").result(EcsJson.mapper().writeValueAsBytes(body));
  }

  private static void refuse(Context ctx, Refusal refusal) {
    secure(ctx);
    ctx.status(refusal.status()).header("X-Amzn-ErrorType", refusal.errorCode())
        .contentType(Refusal.CONTENT_TYPE).result(refusal.body());
  }
}
