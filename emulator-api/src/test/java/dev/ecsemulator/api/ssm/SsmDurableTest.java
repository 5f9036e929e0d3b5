package dev.ecsemulator.api.ssm;

import static dev.ecsemulator.api.ssm.SsmAssertions.assertSsmError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.Emulator;
import dev.ecsemulator.api.EmulatorConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.Tag;

/** Parameters in the emulator's durable state: restarted on the same data directory, every version comes back. */
class SsmDurableTest {

  @TempDir Path dataDir;
  final List<Emulator> running = new ArrayList<>();

  @AfterEach
  void stop() {
    running.forEach(Emulator::close);
  }

  Emulator durable() {
    Emulator emulator = Emulator.start(EmulatorConfig.forTests(0, dataDir).withEphemeral(false));
    running.add(emulator);
    return emulator;
  }

  static SsmClient client(Emulator emulator, Region region, String accessKey) {
    return SsmClient.builder()
        .endpointOverride(URI.create(emulator.url()))
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Test
  void parametersTheirVersionsLabelsAndTagsSurviveARestartInEveryScope() {
    Emulator first = durable();
    String ciphertext;
    try (SsmClient east = client(first, Region.US_EAST_1, "test");
        SsmClient other = client(first, Region.EU_WEST_1, "123456789012")) {
      east.putParameter(b -> b.name("/app/db-password").value("first").type(ParameterType.SECURE_STRING)
          .tags(Tag.builder().key("team").value("payments").build()));
      east.putParameter(b -> b.name("/app/db-password").value("second").overwrite(true));
      east.labelParameterVersion(b -> b.name("/app/db-password").parameterVersion(1L).labels("previous"));
      east.putParameter(b -> b.name("/app/gone").value("x").type(ParameterType.STRING));
      east.deleteParameter(b -> b.name("/app/gone"));
      other.putParameter(PutParameterRequest.builder().name("eu-only").value("eu").type(ParameterType.STRING)
          .build());
      ciphertext = east.getParameter(b -> b.name("/app/db-password")).parameter().value();
    }
    first.close();

    Emulator second = durable();
    try (SsmClient east = client(second, Region.US_EAST_1, "test");
        SsmClient other = client(second, Region.EU_WEST_1, "123456789012")) {
      assertThat(east.getParameter(b -> b.name("/app/db-password").withDecryption(true)).parameter().value())
          .isEqualTo("second");
      assertThat(east.getParameter(b -> b.name("/app/db-password")).parameter().value()).isEqualTo(ciphertext);
      assertThat(east.getParameter(b -> b.name("/app/db-password:previous").withDecryption(true)).parameter()
          .value()).isEqualTo("first");
      assertThat(east.getParameterHistory(b -> b.name("/app/db-password")).parameters())
          .extracting(ParameterHistory::version).containsExactly(1L, 2L);
      assertThat(east.listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER)
          .resourceId("/app/db-password")).tagList()).extracting(Tag::key).containsExactly("team");
      assertSsmError(() -> east.getParameter(b -> b.name("/app/gone")), ParameterNotFoundException.class,
          "ParameterNotFound", "");
      assertThat(other.getParameter(b -> b.name("eu-only")).parameter().arn())
          .isEqualTo("arn:aws:ssm:eu-west-1:123456789012:parameter/eu-only");
      assertThat(east.putParameter(b -> b.name("/app/db-password").value("third").overwrite(true)).version())
          .as("version numbers go on from the saved ones").isEqualTo(3L);
    }
  }
}
