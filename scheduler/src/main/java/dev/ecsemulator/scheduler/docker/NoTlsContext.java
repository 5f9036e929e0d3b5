package dev.ecsemulator.scheduler.docker;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The SSL context docker-java's Apache client is given for an engine on a Unix socket or a named pipe, where no TLS
 * is ever spoken. Given none, the client builds its TLS strategy from the JVM's default context, which loads JSSE and
 * parses the trust store (about 400 classes and most of a client's construction time, measured in
 * docs/benchmarks.md) for nothing. This one is never initialised, and any use of it is a bug: it throws.
 */
final class NoTlsContext extends SSLContext {

  static final NoTlsContext INSTANCE = new NoTlsContext();

  private NoTlsContext() {
    super(new Unused(), null, "TLS");
  }

  /** True for the hosts that need no TLS: {@code unix://} and {@code npipe://}. */
  static boolean suffices(String host) {
    return host.startsWith("unix://") || host.startsWith("npipe://");
  }

  private static final class Unused extends SSLContextSpi {

    private static UnsupportedOperationException unused() {
      return new UnsupportedOperationException("no TLS on a Unix socket or a named pipe");
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
      throw unused();
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw unused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw unused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw unused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw unused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw unused();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw unused();
    }
  }
}
