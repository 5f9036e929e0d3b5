package dev.ecsemulator.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 over a plain socket, for requests no HTTP client would send (malformed, oversized, cut short). */
public final class RawHttp {

  private RawHttp() {}

  /**
   * Sends {@code request} as is on a new connection to {@code url}'s host and port (half-closing it afterwards when
   * asked) and returns what comes back until the server closes or a JSON answer has arrived. Reads wait at most
   * 90 s, longer than any server timeout, so a server that answers late fails on what it answers.
   */
  public static String exchange(String url, String request, boolean halfClose) {
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
}
