package dev.ecsemulator.api.ui;

import io.javalin.http.sse.SseClient;

/** An {@link EventSink} on a Javalin server-sent event stream. Sends one at a time. */
final class SseSink implements EventSink {

  private final SseClient client;

  SseSink(SseClient client) {
    this.client = client;
  }

  @Override
  public synchronized boolean send(String event, String data) {
    if (client.terminated()) {
      return false;
    }
    client.sendEvent(event, data);
    return !client.terminated();
  }

  @Override
  public synchronized boolean ping() {
    if (client.terminated()) {
      return false;
    }
    client.sendComment("ping");
    return !client.terminated();
  }

  @Override
  public void close() {
    client.close();
  }
}
