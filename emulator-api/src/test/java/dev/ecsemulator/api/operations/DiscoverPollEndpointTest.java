package dev.ecsemulator.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DiscoverPollEndpointResponse;

/** DiscoverPollEndpoint through the AWS SDK v2: AWS's endpoint names for the region the request is signed for. */
class DiscoverPollEndpointTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.withoutDocker();

  @Test
  void theAgentAndTelemetryEndpointsOfTheRegionAreAnswered() {
    DiscoverPollEndpointResponse response = EMULATOR.client().discoverPollEndpoint(b -> b.cluster("default")
        .containerInstance("d5f596ccb5794833b778c680c318ff78"));

    assertThat(response.endpoint()).isEqualTo("https://ecs-a-1.us-east-1.amazonaws.com/");
    assertThat(response.telemetryEndpoint()).isEqualTo("https://ecs-t-1.us-east-1.amazonaws.com/");
    assertThat(response.serviceConnectEndpoint()).isEqualTo("https://ecs-sc.us-east-1.api.aws");
  }

  @Test
  void theRegionIsTheOneTheRequestIsSignedFor() {
    try (EcsClient frankfurt = EMULATOR.emulator().client(Region.EU_CENTRAL_1, "test")) {
      DiscoverPollEndpointResponse response = frankfurt.discoverPollEndpoint(b -> {});

      assertThat(response.endpoint()).isEqualTo("https://ecs-a-1.eu-central-1.amazonaws.com/");
      assertThat(response.telemetryEndpoint()).isEqualTo("https://ecs-t-1.eu-central-1.amazonaws.com/");
    }
  }
}
