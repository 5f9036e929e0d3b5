package dev.ecsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hint that spares Jetty the platform MBean server (see {@link Prestart#spareJettyTheMBeanServer}). */
class PrestartTest {

  private String saved;

  @BeforeEach
  void saveTheHint() {
    saved = System.getProperty(Prestart.JETTY_REFERENCES_PER_CACHE_LINE);
  }

  @AfterEach
  void restoreTheHint() {
    if (saved == null) {
      System.clearProperty(Prestart.JETTY_REFERENCES_PER_CACHE_LINE);
    } else {
      System.setProperty(Prestart.JETTY_REFERENCES_PER_CACHE_LINE, saved);
    }
  }

  @Test
  void theHintIsWhatJettyWouldFindThroughTheMBeanServer() {
    // Jetty's MemoryUtils: the cache line's bytes (64 unless set) over 4 with compressed references, else over 8.
    boolean compressed = Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
        .getVMOption("UseCompressedOops").getValue());
    int cacheLine = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);

    assertThat(Prestart.jettyReferencesPerCacheLine()).isEqualTo(cacheLine / (compressed ? 4 : 8));
  }

  @Test
  void aHintSetBeforeTheEmulatorIsKept() {
    System.setProperty(Prestart.JETTY_REFERENCES_PER_CACHE_LINE, "3");

    Prestart.spareJettyTheMBeanServer();

    assertThat(System.getProperty(Prestart.JETTY_REFERENCES_PER_CACHE_LINE)).isEqualTo("3");
  }

  @Test
  void anUnsetHintIsSet() {
    System.clearProperty(Prestart.JETTY_REFERENCES_PER_CACHE_LINE);

    Prestart.spareJettyTheMBeanServer();

    assertThat(System.getProperty(Prestart.JETTY_REFERENCES_PER_CACHE_LINE))
        .isEqualTo(String.valueOf(Prestart.jettyReferencesPerCacheLine()));
  }
}
