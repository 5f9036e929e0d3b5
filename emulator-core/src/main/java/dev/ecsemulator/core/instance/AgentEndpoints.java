package dev.ecsemulator.core.instance;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.DiscoverPollEndpointResponse;

/**
 * DiscoverPollEndpoint: the endpoints an ECS agent connects to, as AWS answers them for a call that does not come
 * through an interface VPC endpoint (aws/aws-cli {@code awscli/examples/ecs/discover-poll-endpoint.rst}:
 * {@code https://ecs-a-16.us-west-2.amazonaws.com/}, {@code https://ecs-t-16.us-west-2.amazonaws.com/} and
 * {@code https://ecs-sc.us-west-2.api.aws}; Guide {@code vpc-endpoints.md}: "numbered hostnames, such as
 * ecs-a-1.region.amazonaws.com and ecs-t-1.region.amazonaws.com"). The emulator serves neither the agent's nor the
 * telemetry WebSocket: the answer is for clients that read it. Which number AWS picks is its own; this answer always
 * says 1. Pure.
 */
public final class AgentEndpoints {

  private AgentEndpoints() {}

  /** The answer for the region of {@code scope}, whatever container instance or cluster the request names. */
  public static DiscoverPollEndpointResponse discover(Scope scope) {
    String region = scope.region();
    return DiscoverPollEndpointResponse.builder()
        .endpoint("https://ecs-a-1." + region + ".amazonaws.com/")
        .telemetryEndpoint("https://ecs-t-1." + region + ".amazonaws.com/")
        .serviceConnectEndpoint("https://ecs-sc." + region + ".api.aws")
        .build();
  }
}
