package dev.ecsemulator.api.protocol;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/**
 * The endpoint's API handler: hands each request to the first {@link WireProtocol} that accepts its shape, else to the
 * default one (AWS JSON, which answers a request it cannot place with UnknownOperationException, as before there were
 * several services). See {@code package-info.java} for the protocols planned next. Immutable; thread-safe.
 */
public final class ProtocolRouter implements Handler {

  private final WireProtocol fallback;
  private final List<WireProtocol> protocols;

  /** @param others asked in order before {@code fallback} */
  public ProtocolRouter(WireProtocol fallback, WireProtocol... others) {
    this.fallback = fallback;
    this.protocols = List.of(others);
  }

  @Override
  public void handle(Context ctx) throws Exception {
    for (WireProtocol protocol : protocols) {
      if (protocol.accepts(ctx)) {
        protocol.handle(ctx);
        return;
      }
    }
    fallback.handle(ctx);
  }
}
