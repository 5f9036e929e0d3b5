package dev.ecsemulator.api.edge;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads each request's body whole before the handler behind it sees the request, without holding a thread while
 * the body arrives, and within a time limit.
 *
 * <p>The handler behind (Javalin's servlet) reads bodies with blocking calls. Given the request as soon as its
 * headers arrived, it held a server thread for as long as the client took to send the body: 300 connections
 * trickling a byte every 5 s held every thread, and the API and {@code /_emulator/health} did not answer for as
 * long as they lasted. Here the body is read as it arrives, by Jetty's asynchronous reads (a thread only runs
 * while there are bytes to copy), and only the whole request is handed on; the handler behind then reads it from
 * memory and never waits on the network.
 *
 * <ul>
 *   <li>A body within {@code maxBytes} is handed on whole. It is kept in a buffer that grows as bytes come, so a
 *       client that announces a large body and sends little costs little.
 *   <li>A larger one is not kept beyond {@code maxBytes + 1} bytes (so the handler behind still sees that it is
 *       too large, and refuses it): the rest is read and dropped, up to {@link #DRAIN_LIMIT}, so the client, once
 *       done sending, can read the refusal. One whose Content-Length already says it is too large is not kept at
 *       all, and not read either when that length is beyond {@link #DRAIN_LIMIT} or the client sent
 *       {@code Expect: 100-continue} (it waits to be told to send): the handler behind refuses it by its length.
 *   <li>A body that has not arrived whole within {@code timeout} of the request's headers is answered with a 408
 *       {@code RequestTimeoutException} and the connection is closed; so is one the connection's idle timeout
 *       ends. Any other failure to read (a malformed chunked body, a client gone) is handed on after what was
 *       read, for the handler behind to answer as a body that could not be read.
 * </ul>
 *
 * <p>Thread-safe: Jetty calls one request's reads one at a time; the time limit and the end of the body race
 * only for who answers, and exactly one does.
 */
public final class WholeBodyHandler extends Handler.Wrapper {

  /** How much of a too-large body is read and dropped so the refusal arrives; a few ms on loopback. */
  static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  private static final int FIRST_BUFFER = 4096;

  private final int maxBytes;
  private final Duration timeout;

  /**
   * @param next the handler that gets each request with its body read
   * @param maxBytes the largest body kept (the API's limit)
   * @param timeout how long a body may take to arrive
   */
  public WholeBodyHandler(Handler next, int maxBytes, Duration timeout) {
    super(next);
    this.maxBytes = maxBytes;
    this.timeout = timeout;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Handler next = getHandler();
    if (next == null) {
      return false;
    }
    long declared = request.getLength();
    boolean chunked = declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if (declared == 0 || (declared < 0 && !chunked)) {
      return next.handle(request, response, callback);
    }
    boolean tooLarge = declared > maxBytes;
    if (tooLarge && (declared > DRAIN_LIMIT || request.getHeaders().contains(HttpHeader.EXPECT, "100-continue"))) {
      return next.handle(request, response, callback); // refused by its length, without reading it
    }
    new Reading(next, request, response, callback, tooLarge ? 0 : maxBytes + 1).run();
    return true;
  }

  /** One request's body, as it arrives. */
  private final class Reading implements Runnable {
    private final Handler next;
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final int keepAtMost;
    /** Set by whoever answers: the end of the body or the time limit. */
    private final AtomicBoolean settled = new AtomicBoolean();
    private byte[] kept = new byte[0];
    private int size;
    private long dropped;
    private Scheduler.Task deadline;

    Reading(Handler next, Request request, Response response, Callback callback, int keepAtMost) {
      this.next = next;
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.keepAtMost = keepAtMost;
    }

    /** Reads what has arrived; asks Jetty to call again when more comes, or hands the request on once it ended. */
    @Override
    public void run() {
      while (!settled.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          armDeadline();
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          if (chunk.getFailure() instanceof TimeoutException) {
            expire();
          } else {
            handOn(chunk);
          }
          return;
        }
        boolean last = chunk.isLast();
        keep(chunk.getByteBuffer());
        chunk.release();
        if (last || dropped > DRAIN_LIMIT) {
          handOn(Content.Chunk.EOF);
          return;
        }
      }
    }

    /**
     * Starts the time limit, counted from the request's headers, the first time the body is not all there: most
     * bodies are, in the packet that ends the headers, and never need one.
     */
    private void armDeadline() {
      if (deadline == null) {
        long left = timeout.toNanos() - (System.nanoTime() - request.getHeadersNanoTime());
        deadline = request.getComponents().getScheduler()
            .schedule(this::expire, Math.max(0, left), TimeUnit.NANOSECONDS);
      }
    }

    /** Keeps what fits of {@code bytes}, growing the buffer (never beyond a declared length); drops the rest. */
    private void keep(ByteBuffer bytes) {
      int take = Math.min(bytes.remaining(), keepAtMost - size);
      if (size + take > kept.length) {
        long capacity = Math.max(size + take, Math.min(Math.max(kept.length * 2, FIRST_BUFFER), keepAtMost));
        long declared = request.getLength();
        kept = Arrays.copyOf(kept, (int) (declared >= size + take ? Math.min(capacity, declared) : capacity));
      }
      bytes.get(kept, size, take);
      size += take;
      dropped += bytes.remaining();
    }

    /** Passes the request on with what was kept of its body, then {@code end} (its end, or a failure). */
    private void handOn(Content.Chunk end) {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      if (deadline != null) {
        deadline.cancel();
      }
      Request whole = new ReadRequest(request, ByteBuffer.wrap(kept, 0, size), end);
      try {
        if (!next.handle(whole, response, callback)) {
          Response.writeError(request, response, callback, 404);
        }
      } catch (Throwable t) {
        Response.writeError(request, response, callback, t);
      }
    }

    private void expire() {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      long seconds = timeout.toSeconds();
      GateHandler.send(new Refusal(408, "RequestTimeoutException", "The request body did not arrive within "
          + (seconds > 0 ? seconds + " s" : timeout.toMillis() + " ms") + " (" + (size + dropped) + " bytes came"
          + (request.getLength() >= 0 ? " of " + request.getLength() : "") + "): ecs-emulator closes connections"
          + " whose request is this slow, so that slow clients cannot take up the server."), response, callback, true);
    }
  }

  /** The request as the handler behind sees it: a body that is all there. */
  private static final class ReadRequest extends Request.Wrapper {
    private Content.Chunk body;
    private final Content.Chunk end;

    ReadRequest(Request request, ByteBuffer body, Content.Chunk end) {
      super(request);
      this.body = body.hasRemaining() ? Content.Chunk.from(body, false) : null;
      this.end = end;
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk chunk = body;
      if (chunk == null) {
        return end;
      }
      body = null;
      return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
      // There is always something to read: the body, then its end.
      getContext().execute(demandCallback);
    }
  }
}
