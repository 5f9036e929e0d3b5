package dev.ecsemulator.api.elbv2.plane;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A listener's request handling: matches the request against the listener's rules ({@link ListenerRoutes}) and
 * answers a fixed response, redirects, or forwards to a target through Jetty's reverse proxy, counting the request as
 * in flight for that target until its answer is complete. No target to send to: 503, as an application load balancer
 * answers. Every answer of a listener with routes is counted in the {@link RequestMeter} (the target's status and
 * response time, from the request's arrival to the end of its answer, or the load balancer's own answer). Thread-safe;
 * the routes are swapped whole.
 */
final class ListenerHandler extends Handler.Wrapper {

  private static final String TARGET = ListenerHandler.class.getName() + ".target";
  /** The body of an application load balancer's 503 (its own page's title; the page itself differs). */
  private static final String UNAVAILABLE = "<html><head><title>503 Service Temporarily Unavailable</title></head>"
      + "<body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>";

  private final AtomicReference<ListenerRoutes> routes = new AtomicReference<>();
  private final InFlight inFlight;
  private final RequestMeter meter;
  private final Runnable onIdleDraining;

  /**
   * @param onRequestDone called after a proxied request completes, so a draining target's end is noticed at once
   */
  ListenerHandler(InFlight inFlight, RequestMeter meter, Runnable onRequestDone) {
    this.inFlight = inFlight;
    this.meter = meter;
    this.onIdleDraining = onRequestDone;
    AlbProxy proxy = new AlbProxy(ListenerHandler::rewrite);
    proxy.setUseServerThreadPool(true);
    setHandler(proxy);
  }

  private static HttpURI rewrite(Request request) {
    Endpoint target = (Endpoint) request.getAttribute(TARGET);
    return HttpURI.build(request.getHttpURI()).scheme("http").host(target.host()).port(target.port());
  }

  void route(ListenerRoutes next) {
    routes.set(next);
  }

  ListenerRoutes routes() {
    return routes.get();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    ListenerRoutes current = routes.get();
    if (current == null) {
      return unavailable(response, callback);
    }
    HttpURI uri = request.getHttpURI();
    String host = request.getHeaders().get(HttpHeader.HOST);
    ListenerRoutes.Decision decision = current.decide(host, uri.getPath() == null ? "/" : uri.getPath());
    if (decision instanceof ListenerRoutes.FixedResponse fixed) {
      boolean handled = FixedAnswers.fixed(fixed.config(), response, callback);
      meter.loadBalancerAnswered(current.listenerArn(), null, RequestMeter.OwnAnswer.FIXED_RESPONSE,
          response.getStatus());
      return handled;
    }
    if (decision instanceof ListenerRoutes.Redirect redirect) {
      boolean handled = FixedAnswers.redirect(redirect.config(), request, current.port(), response, callback);
      meter.loadBalancerAnswered(current.listenerArn(), null, RequestMeter.OwnAnswer.REDIRECT, response.getStatus());
      return handled;
    }
    String group = ((ListenerRoutes.Forward) decision).groups().next();
    TargetPool pool = group == null ? null : current.pool(group);
    Endpoint target = pool == null ? null : pool.pick();
    if (target == null) {
      meter.loadBalancerAnswered(current.listenerArn(), group, RequestMeter.OwnAnswer.NO_TARGET, 503);
      return unavailable(response, callback);
    }
    request.setAttribute(TARGET, target);
    long begin = System.nanoTime();
    inFlight.begin(target.key());
    Callback done = new Callback() {
      @Override
      public void succeeded() {
        finish();
        callback.succeeded();
      }

      @Override
      public void failed(Throwable x) {
        finish();
        callback.failed(x);
      }

      @Override
      public InvocationType getInvocationType() {
        return callback.getInvocationType();
      }

      private void finish() {
        inFlight.end(target.key());
        if (request.getAttribute(AlbProxy.OWN_ANSWER) != null) {
          meter.loadBalancerAnswered(current.listenerArn(), group, RequestMeter.OwnAnswer.TARGET_FAILED,
              response.getStatus());
        } else {
          meter.targetAnswered(current.listenerArn(), group, response.getStatus(), (System.nanoTime() - begin) / 1e9);
        }
        onIdleDraining.run();
      }
    };
    try {
      return super.handle(request, response, done);
    } catch (Exception | Error e) {
      inFlight.end(target.key());
      throw e;
    }
  }

  private static boolean unavailable(Response response, Callback callback) {
    response.setStatus(503);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html");
    response.write(true, ByteBuffer.wrap(UNAVAILABLE.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
