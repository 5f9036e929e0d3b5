package dev.ecsemulator.scheduler.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CidrTest {

  @Test
  void networksAndOverlaps() {
    assertThat(Cidr.network("172.17.0.5", 16)).isEqualTo("172.17.0.0/16");
    assertThat(Cidr.network("169.254.170.2", 24)).isEqualTo("169.254.170.0/24");
    assertThat(Cidr.contains("169.254.170.0/24", "169.254.170.2")).isTrue();
    assertThat(Cidr.contains("169.254.170.0/24", "169.254.171.2")).isFalse();
    assertThat(Cidr.overlap("169.254.0.0/16", "169.254.170.0/24")).isTrue();
    assertThat(Cidr.overlap("169.254.170.0/24", "169.254.170.128/25")).isTrue();
    assertThat(Cidr.overlap("172.17.0.0/16", "169.254.170.0/24")).isFalse();
    assertThat(Cidr.overlap("fd00::/64", "169.254.170.0/24")).isFalse();
  }
}
