package dev.ecsemulator.bench.load;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One HTTP/1.1 client connection with keep-alive, as lean as a load generator needs: it writes pre-built request
 * bytes and reads one whole response (Content-Length, chunked, or until close). When the server answers
 * {@code Connection: close} (moto's development server does, on every response) the next exchange opens a new
 * connection, and {@link #connects()} counts it. Not thread-safe: one per load thread.
 */
public final class HttpConnection implements Closeable {

  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int READ_TIMEOUT_MS = 60_000;

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private int connects;
  private byte[] body = new byte[16 * 1024];
  private int bodyLength;

  public HttpConnection(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /**
   * Sends {@code request} (a complete HTTP/1.1 request) and reads the response.
   *
   * @return the response status code; the body is then {@link #lastBody()}
   * @throws IOException when the exchange fails; the connection is closed and the next call reconnects
   */
  public int exchange(byte[] request) throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      out.write(request);
      out.flush();
      return readResponse();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  /** The body of the last response, decoded as UTF-8 (for error reports; allocation is fine there). */
  public String lastBody() {
    return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
  }

  /** How many TCP connections this client has opened. */
  public int connects() {
    return connects;
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setSoTimeout(READ_TIMEOUT_MS);
    s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
    out = s.getOutputStream();
    connects++;
  }

  private int readResponse() throws IOException {
    String statusLine = readLine();
    if (statusLine == null) {
      throw new EOFException("the server closed the connection before answering");
    }
    // "HTTP/1.1 200 OK"
    int status = Integer.parseInt(statusLine.substring(9, 12));
    boolean http10 = statusLine.startsWith("HTTP/1.0");
    long contentLength = -1;
    boolean chunked = false;
    boolean close = http10;
    String line;
    while ((line = readLine()) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.toLowerCase().contains("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        close = value.equalsIgnoreCase("close") || (http10 && !value.equalsIgnoreCase("keep-alive"));
      }
    }
    bodyLength = 0;
    if (chunked) {
      readChunked();
    } else if (contentLength >= 0) {
      readBody(contentLength);
    } else {
      readToEnd();
      close = true;
    }
    if (close) {
      close();
    }
    return status;
  }

  private void readChunked() throws IOException {
    while (true) {
      String sizeLine = readLine();
      if (sizeLine == null) {
        throw new EOFException("chunked body cut short");
      }
      int semicolon = sizeLine.indexOf(';');
      long size = Long.parseLong((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
      if (size == 0) {
        String trailer;
        while ((trailer = readLine()) != null && !trailer.isEmpty()) {
          // trailers are ignored
        }
        return;
      }
      readBody(size);
      readLine();
    }
  }

  private void readBody(long length) throws IOException {
    ensureCapacity(bodyLength + length);
    int read = in.readNBytes(body, bodyLength, (int) length);
    if (read < length) {
      throw new EOFException("body cut short: " + read + " of " + length + " bytes");
    }
    bodyLength += read;
  }

  private void readToEnd() throws IOException {
    int b;
    while ((b = in.read()) >= 0) {
      ensureCapacity(bodyLength + 1L);
      body[bodyLength++] = (byte) b;
    }
  }

  private void ensureCapacity(long needed) {
    if (needed > body.length) {
      body = Arrays.copyOf(body, (int) Math.max(needed, body.length * 2L));
    }
  }

  /** One header or status line without its CRLF, or null at end of stream before any byte. */
  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder(64);
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a broken connection: nothing left to do
      }
      socket = null;
      in = null;
      out = null;
    }
  }
}
