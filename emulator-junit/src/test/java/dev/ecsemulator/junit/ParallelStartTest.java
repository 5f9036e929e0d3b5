package dev.ecsemulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ssm.SsmAsyncClient;
import software.amazon.awssdk.regions.Region;

/** Which clients a class is seen to need before its emulator starts, so they are built meanwhile. */
class ParallelStartTest {

  static class Base {
    @FromEmulator
    EcsClient inherited;
  }

  static class Needs extends Base {
    @FromEmulator
    URI endpoint;

    void test(SsmAsyncClient ssm, String text, Region region) {
    }
  }

  @Test
  void theClientsOfServedServicesInFieldsAndParametersAreSeen() {
    assertThat(ParallelStart.clientTypes(Needs.class)).containsExactlyInAnyOrder(EcsClient.class, SsmAsyncClient.class);
  }

  @Test
  void aClassWithoutClientsNeedsNone() {
    assertThat(ParallelStart.clientTypes(ParallelStartTest.class)).isEmpty();
  }
}
