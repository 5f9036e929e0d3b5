package dev.ecsemulator.scheduler.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP front for the real engine's Unix socket that a test can take down and bring back, the way an
 * engine restart looks from a client: while {@link #down()}, open connections are cut and new ones closed
 * at once. Byte-for-byte forwarding otherwise.
 */
final class EngineProxy implements AutoCloseable {

  private final Path socket;
  private final ServerSocket server;
  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean up = true;

  EngineProxy(Path socket) throws IOException {
    this.socket = socket;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "engine-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String dockerHost() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  int refusedConnections() {
    return refused.get();
  }

  /** Cuts every connection and refuses new ones. */
  void down() {
    up = false;
    for (AutoCloseable connection : open) {
      closeQuietly(connection);
    }
    open.clear();
  }

  void up() {
    up = true;
  }

  /**
   * Refuses new connections but goes on serving the open ones: what dockerd does while it shuts down
   * (it closes its listener first, then stops its containers).
   */
  void refuseNew() {
    up = false;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (!up) {
          refused.incrementAndGet();
          client.close();
          continue;
        }
        SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        open.add(client);
        open.add(engine);
        // Not Channels.newInputStream/newOutputStream: both lock the channel's blockingLock, so a blocked
        // read would stall the request's write. SocketChannel reads and writes are independent.
        InputStream fromClient = client.getInputStream();
        OutputStream toClient = client.getOutputStream();
        pump(() -> {
          byte[] buffer = new byte[8192];
          for (int n; (n = fromClient.read(buffer)) >= 0; ) {
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
            while (chunk.hasRemaining()) {
              engine.write(chunk);
            }
          }
        }, client, engine);
        pump(() -> {
          ByteBuffer buffer = ByteBuffer.allocate(8192);
          while (engine.read(buffer) >= 0) {
            toClient.write(buffer.array(), 0, buffer.position());
            toClient.flush();
            buffer.clear();
          }
        }, client, engine);
      } catch (IOException e) {
        // server closed, or one connection failed: keep accepting while open
      }
    }
  }

  private interface Copy {
    void run() throws IOException;
  }

  private void pump(Copy copy, AutoCloseable a, AutoCloseable b) {
    Thread thread = new Thread(() -> {
      try {
        copy.run();
      } catch (IOException e) {
        // a side closed
      } finally {
        closeQuietly(a);
        closeQuietly(b);
      }
    }, "engine-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing
    }
  }

  @Override
  public void close() {
    down();
    closeQuietly(server);
  }
}
