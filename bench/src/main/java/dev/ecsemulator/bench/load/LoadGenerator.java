package dev.ecsemulator.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.bench.client.EcsRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * The load generator, run as its own JVM so that its CPU and garbage are not the server's
 * ({@link LoadRun} starts it). One platform thread per connection, each a closed loop over one keep-alive
 * {@link HttpConnection}; latencies go to one HdrHistogram per thread, merged at the end. On stdout it prints
 * {@value #WINDOW_START} when the measured window opens, {@value #WINDOW_END} when it closes (so the parent can
 * read the server's CPU time at those instants), then one JSON line, a {@link LoadResult}.
 *
 * <p>Usage: {@code LoadGenerator --host H --port P --operation OP --body-file F --connections N --warm-up-ms W
 * --duration-ms D [--get PATH]}
 */
public final class LoadGenerator {

  public static final String WINDOW_START = "window-start";
  public static final String WINDOW_END = "window-end";
  private static final long HIGHEST_MICROS = 60_000_000L;

  private final LoadSpec spec;

  public LoadGenerator(LoadSpec spec) {
    this.spec = spec;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    String body = Files.readString(Path.of(required(options, "--body-file")));
    LoadSpec spec = new LoadSpec(required(options, "--host"), Integer.parseInt(required(options, "--port")),
        new EcsRequest(EcsRequest.Api.named(required(options, "--api")), required(options, "--operation"), body),
        Integer.parseInt(required(options, "--connections")),
        Duration.ofMillis(Long.parseLong(required(options, "--warm-up-ms"))),
        Duration.ofMillis(Long.parseLong(required(options, "--duration-ms"))), options.get("--get"));
    ScheduledExecutorService markers = Executors.newSingleThreadScheduledExecutor();
    markers.schedule(() -> marker(WINDOW_START), spec.warmUp().toNanos(), TimeUnit.NANOSECONDS);
    markers.schedule(() -> marker(WINDOW_END), spec.warmUp().plus(spec.duration()).toNanos(), TimeUnit.NANOSECONDS);
    LoadResult result = new LoadGenerator(spec).run();
    markers.shutdown();
    markers.awaitTermination(10, TimeUnit.SECONDS);
    System.out.println(new ObjectMapper().writeValueAsString(result));
  }

  private static void marker(String line) {
    System.out.println(line);
    System.out.flush();
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing " + name);
    }
    return value;
  }

  /** Runs the load; returns when every connection has finished its last request. */
  public LoadResult run() throws InterruptedException {
    byte[] request = spec.http();
    List<Worker> workers = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    long[] window = new long[2];
    for (int i = 0; i < spec.connections(); i++) {
      Worker worker = new Worker(new HttpConnection(spec.host(), spec.port()), request, go, window);
      workers.add(worker);
      Thread thread = new Thread(worker, "load-" + i);
      threads.add(thread);
      thread.start();
    }
    long start = System.nanoTime();
    window[0] = start + spec.warmUp().toNanos();
    window[1] = window[0] + spec.duration().toNanos();
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    Histogram all = new Histogram(HIGHEST_MICROS, 3);
    long errors = 0;
    long connects = 0;
    long exchanges = 0;
    String firstError = null;
    for (Worker w : workers) {
      all.add(w.latencies);
      exchanges += w.exchanges;
      errors += w.errors;
      connects += w.connection.connects();
      if (firstError == null) {
        firstError = w.firstError.get();
      }
    }
    double seconds = spec.duration().toNanos() / 1e9;
    long requests = all.getTotalCount();
    return new LoadResult(spec.connections(), requests, errors, seconds, requests / seconds,
        all.getValueAtPercentile(50), all.getValueAtPercentile(90), all.getValueAtPercentile(99),
        all.getMaxValue(), all.getMean(), connects, firstError, exchanges, -1);
  }

  /** One connection's closed loop. The window (measure from, until) is published before {@code go} opens. */
  private static final class Worker implements Runnable {
    final HttpConnection connection;
    final byte[] request;
    final CountDownLatch go;
    final long[] window;
    final Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
    final AtomicReference<String> firstError = new AtomicReference<>();
    long errors;
    long exchanges;

    Worker(HttpConnection connection, byte[] request, CountDownLatch go, long[] window) {
      this.connection = connection;
      this.request = request;
      this.go = go;
      this.window = window;
    }

    @Override
    public void run() {
      try {
        go.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long measureFrom = window[0];
      long until = window[1];
      try {
        while (true) {
          long started = System.nanoTime();
          if (started >= until) {
            break;
          }
          boolean measured = started >= measureFrom;
          int status;
          try {
            status = connection.exchange(request);
          } catch (IOException e) {
            if (measured) {
              errors++;
            }
            firstError.compareAndSet(null, e.toString());
            continue;
          }
          long micros = (System.nanoTime() - started) / 1000;
          exchanges++;
          if (status / 100 != 2) {
            if (measured) {
              errors++;
            }
            firstError.compareAndSet(null, "HTTP " + status + " " + connection.lastBody());
          } else if (measured) {
            latencies.recordValue(Math.min(micros, HIGHEST_MICROS));
          }
        }
      } finally {
        connection.close();
      }
    }
  }
}
