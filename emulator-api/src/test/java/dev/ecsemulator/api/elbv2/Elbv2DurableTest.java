package dev.ecsemulator.api.elbv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.Emulator;
import dev.ecsemulator.api.EmulatorConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * ELBv2 in the durable state: after a restart on the same data directory its resources are there, the listener's port
 * is open again and routes to the target, which is healthy as before; a stop closes the port.
 */
class Elbv2DurableTest {

  @TempDir Path dataDir;
  final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  Emulator durable() {
    Emulator emulator =
        Emulator.start(Elbv2Fixture.fastChecks(EmulatorConfig.forTests(0, dataDir).withEphemeral(false)));
    open.add(emulator);
    return emulator;
  }

  ElasticLoadBalancingV2Client client(Emulator emulator) {
    ElasticLoadBalancingV2Client client = ElasticLoadBalancingV2Client.builder()
        .endpointOverride(URI.create(emulator.url()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
    open.add(client);
    return client;
  }

  @Test
  void listenersReopenAfterARestartAndRouteToTheirTargets() {
    TestTarget app = new TestTarget("app");
    open.add(app);
    int port = Elbv2Fixture.freePort();
    Emulator first = durable();
    Elbv2Fixture fixture = new Elbv2Fixture(client(first));
    String lb = fixture.loadBalancer("durable");
    String group = fixture.targetGroup("durable-tg");
    fixture.listener(lb, port, group);
    fixture.register(group, app);
    await().atMost(Duration.ofSeconds(45)).until(() -> fixture.state(group, app) == TargetHealthStateEnum.HEALTHY);
    first.close();
    assertThat(first.loadBalancing().openPorts()).isEmpty();

    Emulator second = durable();
    Elbv2Fixture after = new Elbv2Fixture(client(second));
    assertThat(after.state(group, app)).isEqualTo(TargetHealthStateEnum.HEALTHY);
    await().atMost(Duration.ofSeconds(30)).until(() -> second.loadBalancing().openPorts().contains(port));
    assertThat(Elbv2Fixture.get(port, "/again").body()).isEqualTo("app /again");
  }
}
