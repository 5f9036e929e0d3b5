package dev.ecsemulator.api.elbv2.plane;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;

/**
 * Jetty's reverse proxy with the headers an application load balancer adds instead of Jetty's own ({@code Via},
 * {@code Forwarded}): {@code X-Forwarded-For} (the client's address appended), {@code X-Forwarded-Proto},
 * {@code X-Forwarded-Port} (the listener's) and, when the request has none, an {@code X-Amzn-Trace-Id}
 * ({@code Root=1-<epoch seconds in hex>-<24 hex digits>}).
 */
final class AlbProxy extends ProxyHandler.Reverse {

  /** Set on a request when the proxy, not the target, answered it (the target could not be reached or failed). */
  static final String OWN_ANSWER = AlbProxy.class.getName() + ".ownAnswer";

  AlbProxy(Function<Request, HttpURI> rewriter) {
    super(rewriter);
  }

  @Override
  protected void addProxyHeaders(Request clientToProxyRequest, org.eclipse.jetty.client.Request proxyToServerRequest) {
    String client = Request.getRemoteAddr(clientToProxyRequest);
    int port = Request.getLocalPort(clientToProxyRequest);
    proxyToServerRequest.headers(headers -> {
      String prior = headers.get("X-Forwarded-For");
      headers.put("X-Forwarded-For", prior == null ? client : prior + ", " + client);
      headers.put("X-Forwarded-Proto", "http");
      headers.put("X-Forwarded-Port", String.valueOf(port));
      if (!headers.contains("X-Amzn-Trace-Id")) {
        headers.put("X-Amzn-Trace-Id", traceId());
      }
    });
  }

  @Override
  protected void onServerToProxyResponseFailure(Request clientToProxyRequest,
      org.eclipse.jetty.client.Request proxyToServerRequest, org.eclipse.jetty.client.Response serverToProxyResponse,
      org.eclipse.jetty.server.Response proxyToClientResponse, org.eclipse.jetty.util.Callback proxyToClientCallback,
      Throwable failure) {
    clientToProxyRequest.setAttribute(OWN_ANSWER, Boolean.TRUE);
    super.onServerToProxyResponseFailure(clientToProxyRequest, proxyToServerRequest, serverToProxyResponse,
        proxyToClientResponse, proxyToClientCallback, failure);
  }

  private static String traceId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("Root=1-%08x-%08x%016x", System.currentTimeMillis() / 1000, random.nextInt(),
        random.nextLong());
  }
}
