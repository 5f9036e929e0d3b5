package dev.ecsemulator.api.protocol;

import dev.ecsemulator.core.error.RequestEntityTooLargeException;
import dev.ecsemulator.core.error.SerializationException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request's body within {@link #MAX_BYTES}, and refuses a larger one so the client can read the refusal.
 *
 * <p>A server that answers before reading the whole body and then closes the connection makes the kernel reset it
 * (unread data in its receive buffer), and the reset can discard the answer before the client reads it: the client
 * sees a broken connection instead of the 413, about one request in twenty on loopback. So a refused body is read to
 * its end and thrown away, never kept, up to {@link #DISCARD_LIMIT}; beyond that, or when the client asked to be
 * told before sending ({@code Expect: 100-continue}, where it sends nothing until told to), it is not read at all.
 */
final class RequestBody {

  /** Generous for ECS (a task definition is at most 64 KiB), small enough never to be a memory risk. */
  static final long MAX_BYTES = 1024 * 1024;
  /** How much of a refused body is read and dropped so the refusal arrives; a few ms on loopback. */
  static final long DISCARD_LIMIT = 64L * 1024 * 1024;

  private RequestBody() {
  }

  static byte[] read(Context ctx) {
    long declared = ctx.contentLength();
    if (declared > MAX_BYTES) {
      if (declared <= DISCARD_LIMIT) {
        discardRest(ctx);
      }
      throw tooLarge();
    }
    return declared >= 0 ? readDeclared(ctx, (int) declared) : readUndeclared(ctx);
  }

  /**
   * Reads exactly Content-Length bytes from the request. Javalin's {@code bodyAsBytes()} copies every body through
   * an 8 KiB buffer into a growing array; profiles of the API benchmark showed that copy in every request.
   */
  private static byte[] readDeclared(Context ctx, int length) {
    try {
      byte[] bytes = ctx.req().getInputStream().readNBytes(length);
      if (bytes.length < length) {
        throw new SerializationException("The request body ended before its Content-Length.");
      }
      return bytes;
    } catch (IOException e) {
      throw new SerializationException("The request body could not be read.");
    }
  }

  /** A body without Content-Length (chunked): Javalin reads it and stops at the size limit with a 413. */
  private static byte[] readUndeclared(Context ctx) {
    try {
      return ctx.bodyAsBytes();
    } catch (HttpResponseException e) {
      if (e.getStatus() == 413) {
        discardRest(ctx);
        throw tooLarge();
      }
      throw e;
    }
  }

  /** Reads and drops what is left of the body, at most {@link #DISCARD_LIMIT} bytes. */
  private static void discardRest(Context ctx) {
    if ("100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
      return;
    }
    byte[] buffer = new byte[64 * 1024];
    long left = DISCARD_LIMIT;
    try {
      InputStream in = ctx.req().getInputStream();
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException e) {
      // The client went away: there is no one to answer.
    }
  }

  private static RequestEntityTooLargeException tooLarge() {
    return new RequestEntityTooLargeException("Request body exceeds the limit of " + MAX_BYTES + " bytes.");
  }
}
