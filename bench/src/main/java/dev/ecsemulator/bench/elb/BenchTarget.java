package dev.ecsemulator.bench.elb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The target behind the load balancer: a Jetty server on 127.0.0.1 answering every path with a small fixed body
 * (keep-alive, with Content-Length, head and body in one write). The same server is called directly (the baseline)
 * and through the listener. Not the JDK's HTTP server: it writes headers and body apart, and Nagle's algorithm with
 * delayed ACKs then adds 40 ms to every keep-alive exchange.
 */
final class BenchTarget implements AutoCloseable {

  static final byte[] BODY = "{\"app\":\"bench-target\",\"ok\":true}".getBytes(StandardCharsets.UTF_8);

  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);

  BenchTarget() {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BODY.length);
        response.write(true, ByteBuffer.wrap(BODY), callback);
        return true;
      }
    });
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the bench target", e);
    }
  }

  int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // best effort: the harness is ending
    }
  }
}
