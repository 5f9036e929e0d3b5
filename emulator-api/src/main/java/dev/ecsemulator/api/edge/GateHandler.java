package dev.ecsemulator.api.edge;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first handler of every request: refuses what the {@link RequestGate} refuses before anything else looks at
 * the request (its body is not read), and passes the rest on.
 *
 * <p>The gate is set once, by {@link #gate}, before the server listens; thread-safe afterwards.
 */
public final class GateHandler extends Handler.Wrapper {

  private volatile RequestGate gate;

  public GateHandler(Handler next) {
    super(next);
  }

  /** What to refuse. Before the server starts listening. */
  public void gate(RequestGate requestGate) {
    this.gate = requestGate;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    HttpFields headers = request.getHeaders();
    Optional<Refusal> refusal = gate.check(headers.get(HttpHeader.HOST), headers.get(HttpHeader.ORIGIN),
        headers.get("Sec-Fetch-Site"));
    if (refusal.isPresent()) {
      send(refusal.get(), response, callback, false);
      return true;
    }
    return super.handle(request, response, callback);
  }

  /**
   * Answers with {@code refusal}; with {@code close}, also closes the connection afterwards (when the rest of the
   * request is not going to be read).
   */
  static void send(Refusal refusal, Response response, Callback callback, boolean close) {
    byte[] body = refusal.body();
    response.setStatus(refusal.status());
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, Refusal.CONTENT_TYPE);
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    headers.put("X-Amzn-ErrorType", refusal.errorCode());
    headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
    if (close) {
      headers.put(HttpHeader.CONNECTION, "close");
    }
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
