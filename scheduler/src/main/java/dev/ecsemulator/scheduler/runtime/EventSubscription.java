package dev.ecsemulator.scheduler.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.EventsCmd;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.ecsemulator.scheduler.runtime.ContainerEvent.Kind;
import dev.ecsemulator.scheduler.runtime.ObservedContainer.Health;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription to Docker's event stream, filtered by the engine to our instance's containers and to
 * {@code start}, {@code die}, {@code oom} and {@code health_status}. Docker pushes events as they happen
 * over a long-lived HTTP response, so a death reaches the listener within milliseconds.
 *
 * <p>When the stream ends (engine restart, dropped connection), it reconnects with a short backoff
 * (100 ms doubling to 2 s), asking Docker to replay events {@code since} the last one delivered and
 * dropping duplicates. Docker only replays what it still holds (not across its own restart), so after
 * every reconnection it also delivers {@link Kind#STREAM_RESUMED}: the listener should resync.
 */
final class EventSubscription implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EventSubscription.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

  private final DockerClient client;
  private final Map<String, String> labels;
  private final Consumer<ContainerEvent> listener;
  private final ScheduledExecutorService reconnects;

  private final Object lock = new Object();
  private boolean closed;
  private Closeable stream;
  private boolean connectedBefore;
  private int failedAttempts;
  private Duration backoff = FIRST_BACKOFF;
  private long lastTimeNano;
  private final Set<String> deliveredAtLastTime = new HashSet<>();
  private final CountDownLatch firstAttempt = new CountDownLatch(1);

  EventSubscription(DockerClient client, Map<String, String> labels, Consumer<ContainerEvent> listener) {
    this.client = client;
    this.labels = Map.copyOf(labels);
    this.listener = listener;
    this.reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "ecs-emulator-events");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Connects, and waits (up to {@code wait}) until the stream is established or the first attempt failed,
   * so that events after this returns are not missed when the engine is up.
   */
  EventSubscription start(Duration wait) {
    reconnects.execute(this::connect);
    try {
      firstAttempt.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return this;
  }

  private void connect() {
    EventsCmd cmd;
    synchronized (lock) {
      if (closed) {
        return;
      }
      cmd = client.eventsCmd()
          .withEventTypeFilter(EventType.CONTAINER)
          .withEventFilter("start", "die", "oom", "health_status")
          .withLabelFilter(labels);
      if (lastTimeNano > 0) {
        cmd.withSince(lastTimeNano / 1_000_000_000L + "." + String.format("%09d", lastTimeNano % 1_000_000_000L));
      }
    }
    cmd.exec(new Callback());
  }

  private final class Callback extends ResultCallback.Adapter<Event> {

    @Override
    public void onStart(Closeable closeable) {
      super.onStart(closeable);
      boolean resync;
      synchronized (lock) {
        if (closed) {
          closeQuietly(closeable);
          return;
        }
        stream = closeable;
        resync = connectedBefore;
        connectedBefore = true;
        failedAttempts = 0;
        backoff = FIRST_BACKOFF;
      }
      firstAttempt.countDown();
      if (resync) {
        log.info("Docker event stream connected again; asking for a resync");
        deliver(new ContainerEvent(Kind.STREAM_RESUMED, null, Instant.now(), null, null, Map.of()));
      }
    }

    @Override
    public void onNext(Event event) {
      ContainerEvent mapped = map(event);
      if (mapped != null && firstDelivery(event)) {
        deliver(mapped);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      log.debug("Docker event stream failed: {}", throwable.toString());
      ended(true);
    }

    @Override
    public void onComplete() {
      ended(false);
    }
  }

  /** Drops what a {@code since} replay sends again: events older than, or already delivered at, the last time. */
  private boolean firstDelivery(Event event) {
    long time = event.getTimeNano() == null ? 0 : event.getTimeNano();
    String key = event.getId() + "/" + event.getAction();
    synchronized (lock) {
      if (time < lastTimeNano) {
        return false;
      }
      if (time > lastTimeNano) {
        lastTimeNano = time;
        deliveredAtLastTime.clear();
      }
      return deliveredAtLastTime.add(key);
    }
  }

  private void ended(boolean failed) {
    firstAttempt.countDown();
    Duration delay;
    synchronized (lock) {
      stream = null;
      if (closed) {
        return;
      }
      if (failed) {
        failedAttempts++;
      }
      delay = failedAttempts <= 1 ? Duration.ZERO : backoff;
      if (failedAttempts > 1) {
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    }
    reconnects.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void deliver(ContainerEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      log.warn("A container event listener failed on {}: {}", event, e.toString(), e);
    }
  }

  /** Docker's event → ours; null for events we do not report or that are not ours. */
  ContainerEvent map(Event event) {
    Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
        ? Map.of() : event.getActor().getAttributes();
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!label.getValue().equals(attributes.get(label.getKey()))) {
        return null; // the engine filtered already; never report another instance's container
      }
    }
    String action = event.getAction() == null ? event.getStatus() : event.getAction();
    if (action == null) {
      return null;
    }
    String id = event.getActor() != null && event.getActor().getId() != null ? event.getActor().getId() : event.getId();
    Instant time = event.getTimeNano() != null
        ? Instant.ofEpochSecond(0, event.getTimeNano())
        : Instant.ofEpochSecond(event.getTime() == null ? 0 : event.getTime());
    if (action.equals("start")) {
      return new ContainerEvent(Kind.START, id, time, null, null, attributes);
    }
    if (action.equals("die")) {
      String code = attributes.get("exitCode");
      return new ContainerEvent(Kind.DIE, id, time, code == null ? null : Integer.valueOf(code), null, attributes);
    }
    if (action.equals("oom")) {
      return new ContainerEvent(Kind.OOM, id, time, null, null, attributes);
    }
    if (action.startsWith("health_status")) {
      String status = action.substring(action.indexOf(':') + 1).trim();
      Health.Status health = switch (status) {
        case "healthy" -> Health.Status.HEALTHY;
        case "unhealthy" -> Health.Status.UNHEALTHY;
        case "starting" -> Health.Status.STARTING;
        default -> Health.Status.NONE;
      };
      return new ContainerEvent(Kind.HEALTH_STATUS, id, time, null, health, attributes);
    }
    return null;
  }

  @Override
  public void close() {
    Closeable current;
    synchronized (lock) {
      closed = true;
      current = stream;
      stream = null;
    }
    closeQuietly(current);
    reconnects.shutdownNow();
  }

  private static void closeQuietly(Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (java.io.IOException | RuntimeException e) {
      // closing a stream that is going away anyway
    }
  }
}
