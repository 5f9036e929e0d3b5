package dev.ecsemulator.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The JSON mapping of the ECS wire format, shared by the HTTP edge and durable state:
 *
 * <ul>
 *   <li>absent members are omitted, never sent as null;
 *   <li>timestamps are epoch seconds with a fraction (AWS JSON 1.1: {@code 1621198766.009});
 *   <li>members the model does not know are ignored, so newer clients keep working;
 *   <li>no silent coercion between strings and numbers (the request validator reports those first).
 * </ul>
 */
public final class EcsJson {

  private static final ObjectMapper MAPPER = create();

  private EcsJson() {}

  /** The shared, thread-safe mapper. Do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * {@code value} as this mapping writes it, without whitespace: what the size limits AWS documents for parts of a
   * request ("including the JSON formatting characters") are measured on.
   */
  public static String compact(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a model value that cannot be written as JSON", e);
    }
  }

  private static ObjectMapper create() {
    SimpleModule timestamps = new SimpleModule("ecs-timestamps");
    timestamps.addSerializer(Instant.class, new EpochSecondsSerializer());
    timestamps.addDeserializer(Instant.class, new EpochSecondsDeserializer());
    return JsonMapper.builder()
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .addModule(timestamps)
        .build();
  }

  /** Epoch seconds with millisecond fraction, as AWS sends them. */
  public static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
  }

  private static final class EpochSecondsSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeNumber(epochSeconds(value));
    }
  }

  private static final class EpochSecondsDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        BigDecimal seconds = p.getDecimalValue();
        long millis = seconds.movePointRight(3).longValue();
        return Instant.ofEpochMilli(millis);
      }
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        return Instant.parse(p.getText());
      }
      return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
    }
  }
}
