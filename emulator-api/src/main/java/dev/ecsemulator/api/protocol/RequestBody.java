package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ecsemulator.core.error.AwsException;
import dev.ecsemulator.core.error.RequestEntityTooLargeException;
import dev.ecsemulator.core.error.SerializationException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request's body within {@link #MAX_BYTES}, and refuses a larger one so the client can read the refusal;
 * then {@link #parse parses} it as the one JSON object it must be.
 *
 * <p>A server that answers before reading the whole body and then closes the connection makes the kernel reset it
 * (unread data in its receive buffer), and the reset can discard the answer before the client reads it: the client
 * sees a broken connection instead of the 413, about one request in twenty on loopback. So a refused body is read to
 * its end and thrown away, never kept, up to {@link #DISCARD_LIMIT}; beyond that, or when the client asked to be
 * told before sending ({@code Expect: 100-continue}, where it sends nothing until told to), it is not read at all.
 *
 * <p>Whatever goes wrong while reading (the client goes away, a chunk is malformed, the body ends early) is the
 * client's: a 400 {@code SerializationException}, never a 500.
 */
final class RequestBody {

  /** Generous for ECS (a task definition is at most 64 KiB), small enough never to be a memory risk. */
  static final long MAX_BYTES = 1024 * 1024;
  /** How much of a refused body is read and dropped so the refusal arrives; a few ms on loopback. */
  static final long DISCARD_LIMIT = 64L * 1024 * 1024;

  private RequestBody() {
  }

  /**
   * The body's bytes.
   *
   * @throws RequestEntityTooLargeException (413) beyond {@link #MAX_BYTES}, declared or sent
   * @throws SerializationException (400) when it cannot be read whole
   */
  static byte[] read(Context ctx) {
    try {
      // As a long: a Content-Length of 2^31 or more is -1 ("unknown") as an int, and was then read as if chunked
      // until the idle timeout.
      long declared = ctx.req().getContentLengthLong();
      if (declared > MAX_BYTES) {
        if (declared <= DISCARD_LIMIT) {
          discardRest(ctx);
        }
        throw tooLarge();
      }
      return declared >= 0 ? readDeclared(ctx, (int) declared) : readUndeclared(ctx);
    } catch (AwsException e) {
      throw e;
    } catch (Exception e) {
      // Javalin (Kotlin) and Jetty throw I/O failures unchecked too (e.g. Jetty's early EOF).
      throw unreadable(e);
    }
  }

  /**
   * The body as a JSON object: empty is {@code {}}; anything but one object, alone, is a {@code SerializationException}
   * (also data after the object, which a lenient parser would ignore).
   */
  static JsonNode parse(ObjectMapper json, byte[] bytes) {
    if (bytes.length == 0) {
      return JsonNodeFactory.instance.objectNode();
    }
    try (JsonParser parser = json.createParser(bytes)) {
      JsonNode node = json.readTree(parser);
      if (node == null || node.isMissingNode()) {
        return JsonNodeFactory.instance.objectNode();
      }
      if (!node.isObject()) {
        throw new SerializationException("The request body must be a JSON object.");
      }
      if (parser.nextToken() != null) {
        // Our wording: AWS's for this case was not found.
        throw new SerializationException("The request body is not valid JSON: it has more after the JSON object.");
      }
      return node;
    } catch (JsonProcessingException e) {
      // Where, never what: Jackson's own message quotes the offending token, which may be part of a secret value
      // (a PutSecretValue body cut short), and an answer must not show it.
      throw new SerializationException(invalidJson(e));
    } catch (IOException e) {
      throw new SerializationException("The request body could not be read.");
    }
  }

  private static String invalidJson(JsonProcessingException e) {
    var at = e.getLocation();
    return at == null || at.getLineNr() < 0
        ? "The request body is not valid JSON."
        : "The request body is not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + ".";
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
      throw unreadable(e);
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

  private static SerializationException unreadable(Exception e) {
    return new SerializationException("The request body could not be read: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + ".");
  }

  private static RequestEntityTooLargeException tooLarge() {
    return new RequestEntityTooLargeException("Request body exceeds the limit of " + MAX_BYTES + " bytes.");
  }
}
