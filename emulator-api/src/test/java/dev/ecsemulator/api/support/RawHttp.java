package dev.ecsemulator.api.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP exchange over a raw socket, for requests no HTTP client library sends: a foreign {@code Host} (a DNS
 * rebinding page), browser headers, HTTP/1.0 without a Host. The request is sent as given, with
 * {@code Connection: close}, and the answer is read to the end of the connection.
 */
public final class RawHttp {

  /** A parsed answer; header names in lower case. */
  public record Answer(int status, Map<String, String> headers, String body) {}

  private RawHttp() {
  }

  /**
   * Sends {@code head} (request line and headers, without the blank line; {@code Connection: close} and a
   * Content-Length are added) and {@code body} to the server of {@code url}.
   */
  public static Answer exchange(String url, String head, String body) {
    URI uri = URI.create(url);
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    String request = head + "\r\nConnection: close\r\n"
        + (content.length > 0 || head.startsWith("POST") ? "Content-Length: " + content.length + "\r\n" : "") + "\r\n";
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(content);
      socket.getOutputStream().flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses an HTTP/1.x answer: status line, headers, body. */
  public static Answer parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("not an HTTP answer: " + raw);
    }
    String[] lines = raw.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    return new Answer(status, headers, raw.substring(end + 4));
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
