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
 * rebinding page), browser headers, HTTP/1.0 without a Host, malformed or cut-short requests.
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

  /**
   * Sends {@code request} as is (no header added) on a new connection to {@code url}'s host and port, half-closing
   * it afterwards when asked, and returns what comes back until the server closes or a JSON answer has arrived: for
   * requests that are malformed, oversized or cut short. Reads wait at most 90 s, longer than any server timeout, so
   * a server that answers late fails on what it answers.
   */
  public static String sendAsIs(String url, String request, boolean halfClose) {
    URI uri = URI.create(url);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(90_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      if (halfClose) {
        socket.shutdownOutput();
      }
      StringBuilder seen = new StringBuilder();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      int n;
      while (!seen.toString().endsWith("}") && (n = in.read(buffer)) > 0) {
        seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
      return seen.toString();
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
