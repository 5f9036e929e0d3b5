package dev.ecsemulator.scheduler.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.scheduler.metadata.NetworkRates.Totals;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NetworkRatesTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void theRateSpansTheTimeSinceThePreviousSampleOfTheSameContainer() {
    NetworkRates rates = new NetworkRates();

    assertThat(rates.next("a", new Totals(T0, 1000, 500))).isEqualTo(new NetworkRates.Rates(0, 0));
    assertThat(rates.next("a", new Totals(T0.plusMillis(2500), 6000, 1500)))
        .isEqualTo(new NetworkRates.Rates(2000, 400));
    assertThat(rates.next("b", new Totals(T0.plusMillis(2500), 6000, 1500))).isEqualTo(new NetworkRates.Rates(0, 0));
  }

  @Test
  void aCounterResetOrNoElapsedTimeGivesZero() {
    assertThat(NetworkRates.between(new Totals(T0, 5000, 5000), new Totals(T0.plusSeconds(1), 100, 6000)))
        .isEqualTo(new NetworkRates.Rates(0, 1000));
    assertThat(NetworkRates.between(new Totals(T0, 0, 0), new Totals(T0, 100, 100)))
        .isEqualTo(new NetworkRates.Rates(0, 0));
  }
}
