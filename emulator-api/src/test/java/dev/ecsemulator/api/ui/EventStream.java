package dev.ecsemulator.api.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of a server-sent event stream, as a browser's EventSource reads it: events (name and JSON data) in the
 * order they came. {@link #close} drops the connection, as a closed tab does.
 */
final class EventStream implements AutoCloseable {

  /** One event: its name and its data as JSON. */
  record Event(String name, JsonNode data) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final InputStream body;
  private final int status;
  private final Thread reader;

  private EventStream(HttpResponse<InputStream> response) {
    this.status = response.statusCode();
    this.body = response.body();
    this.reader = new Thread(this::read, "test-event-stream");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens {@code url} with {@code Accept: text/event-stream}. */
  static EventStream open(String url) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET().build();
    try {
      return new EventStream(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  int status() {
    return status;
  }

  /** Waits until the server has ended the stream; fails the test when it has not within {@code timeout}. */
  void awaitEnd(Duration timeout) throws InterruptedException {
    reader.join(timeout.toMillis());
    if (reader.isAlive()) {
      throw new AssertionError("the stream did not end within " + timeout);
    }
  }

  /** The next event, waiting up to {@code timeout}; fails the test when none comes. */
  Event next(Duration timeout) throws InterruptedException {
    Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no event within " + timeout);
    }
    return event;
  }

  /** The next event of that name, skipping others (stats, scopes), waiting up to {@code timeout} in all. */
  Event next(String name, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (event.name().equals(name)) {
        return event;
      }
    }
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String name = "message";
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new Event(name, JSON.readTree(data.toString())));
          }
          name = "message";
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).trim());
        }
      }
    } catch (IOException e) {
      // closed
    }
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      // already gone
    }
    reader.interrupt();
  }
}
