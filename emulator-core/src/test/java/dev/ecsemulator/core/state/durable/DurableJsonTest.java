package dev.ecsemulator.core.state.durable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.core.json.EcsJson;
import dev.ecsemulator.core.model.Resource;
import dev.ecsemulator.core.model.ServiceEvent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurableJsonTest {

  final ObjectMapper durable = DurableJson.mapper();

  @ParameterizedTest
  @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-11-26T11:50:17.009Z", "2026-11-26T11:50:17.999Z",
      "2026-11-26T11:50:18.123456Z", "2026-11-26T11:50:19.987654321Z", "2026-11-26T11:50:19.000000001Z",
      "1969-12-31T23:59:59.999999999Z", "1900-01-01T00:00:00.5Z", "+50000-01-01T00:00:00.000001Z"})
  void everyInstantRoundTripsExactly(String text) throws IOException {
    ServiceEvent event = ServiceEvent.builder().id("e").createdAt(Instant.parse(text)).message("m").build();

    String json = durable.writeValueAsString(event);

    assertThat(durable.readValue(json, ServiceEvent.class)).isEqualTo(event);
  }

  @Test
  void millisecondInstantsAreWrittenExactlyAsOnTheWire() throws IOException {
    ServiceEvent event = ServiceEvent.builder().id("e").createdAt(Instant.parse("2026-11-26T11:50:17.009Z")).build();

    assertThat(durable.writeValueAsString(event)).isEqualTo(EcsJson.mapper().writeValueAsString(event))
        .contains("1795693817.009");
  }

  @Test
  void theWireMapperReadsDurableTimestampsToTheMillisecond() throws IOException {
    ServiceEvent event = ServiceEvent.builder().createdAt(Instant.parse("2026-11-26T11:50:18.123456Z")).build();

    ServiceEvent onTheWire = EcsJson.mapper().readValue(durable.writeValueAsString(event), ServiceEvent.class);

    assertThat(onTheWire.createdAt()).isEqualTo(Instant.parse("2026-11-26T11:50:18.123Z"));
  }

  @Test
  void doublesAndLongsKeepTheirValueThroughATree() throws IOException {
    Resource resource = Resource.builder().doubleValue(0.1).longValue(9_007_199_254_740_993L).integerValue(-1).build();

    Resource back = durable.treeToValue(durable.readTree(durable.writeValueAsBytes(resource)), Resource.class);

    assertThat(back).isEqualTo(resource);
  }

  static Stream<Class<?>> modelRecords() throws IOException, URISyntaxException {
    Path dir = Path.of(ServiceEvent.class.getResource("ServiceEvent.class").toURI()).getParent();
    try (Stream<Path> files = Files.list(dir)) {
      List<Class<?>> records = files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$"))
          .<Class<?>>map(n -> load("dev.ecsemulator.core.model." + n.substring(0, n.length() - 6)))
          .filter(Class::isRecord)
          .sorted(java.util.Comparator.comparing(Class::getSimpleName))
          .toList();
      assertThat(records).hasSizeGreaterThan(300);
      return records.stream();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every shape of the model, every member set, through bytes and through a tree (as recovery reads). */
  @ParameterizedTest
  @MethodSource("modelRecords")
  void everyModelShapeRoundTripsWithEveryMemberSet(Class<?> type) throws IOException {
    for (long seed = 1; seed <= 3; seed++) {
      Object filled = new FilledShapes(seed * 31 + type.getName().hashCode()).fill(type);

      byte[] json = durable.writeValueAsBytes(filled);

      assertThat(durable.readValue(json, type)).isEqualTo(filled);
      assertThat(durable.treeToValue(durable.readTree(json), type)).isEqualTo(filled);
    }
  }
}
