package dev.ecsemulator.api.protocol;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * One AWS wire protocol served at the endpoint: it recognises its requests by their shape, finds the
 * {@link AwsService} each addresses, and answers in its own format. See {@link ProtocolRouter}.
 */
public interface WireProtocol extends Handler {

  /**
   * Whether the request has this protocol's shape, judged from its method, path and headers only (its body is not read
   * yet). Thread-safe.
   */
  boolean accepts(Context ctx);
}
