package dev.ecsemulator.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model read lazily (names now, shapes when first needed) answers as the whole file says: the same names, operations,
 * shapes and message members as the botocore JSON read whole.
 */
class ServiceModelLazyTest {

  @ParameterizedTest
  @ValueSource(strings = {"/aws/ecs-2014-11-13.service.json.gz", "/aws/secretsmanager-2017-10-17.service.json.gz",
      "/aws/ssm-2014-11-06.service.json.gz", "/aws/logs-2014-03-28.service.json.gz",
      "/aws/elbv2-2015-12-01.service.json.gz"})
  void aLazilyReadModelAnswersAsTheWholeFile(String resource) throws IOException {
    JsonNode file = whole(resource);
    ServiceModel lazy = ServiceModel.loadLazily(resource);

    assertThat(lazy.targetPrefix()).isEqualTo(file.path("metadata").path("targetPrefix").asText());
    assertThat(lazy.apiVersion()).isEqualTo(file.path("metadata").path("apiVersion").asText());
    assertThat(lazy.protocol()).isEqualTo(file.path("metadata").path("protocol").asText());
    List<String> operations = new java.util.ArrayList<>();
    file.path("operations").fieldNames().forEachRemaining(operations::add);
    assertThat(lazy.operationNames()).containsExactlyInAnyOrderElementsOf(operations);
    for (String operation : operations) {
      JsonNode input = file.path("operations").path(operation).path("input").path("shape");
      assertThat(lazy.inputShape(operation)).isEqualTo(
          input.isMissingNode() ? java.util.Optional.empty() : java.util.Optional.of(input.asText()));
    }
    file.path("shapes").fields().forEachRemaining(shape -> {
      assertThat(lazy.shape(shape.getKey())).isEqualTo(shape.getValue());
      if (shape.getValue().path("exception").asBoolean()) {
        assertThat(lazy.messageMember(shape.getKey()))
            .isEqualTo(shape.getValue().path("members").has("Message") ? "Message" : "message");
      }
    });
    ServiceModel eager = ServiceModel.load(resource);
    assertThat(lazy.messageMember("SerializationException")).isEqualTo(eager.messageMember("SerializationException"));
  }

  private static JsonNode whole(String resource) throws IOException {
    try (InputStream in = new GZIPInputStream(ServiceModelLazyTest.class.getResourceAsStream(resource))) {
      return new ObjectMapper().readTree(in);
    }
  }
}
