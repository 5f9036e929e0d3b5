package dev.ecsemulator.core.state.durable;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.ecsemulator.core.json.EcsJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * The JSON mapping of durable state: {@link EcsJson}'s, except that timestamps keep every digit. The wire
 * format has milliseconds, but the emulator's clock has microseconds, so a task's {@code createdAt} written
 * with the wire mapper would come back 0.4 ms different after a restart, and records would no longer be
 * equal to what was stored. A millisecond instant is written exactly as on the wire ({@code 1621198766.009});
 * a finer one with nine fraction digits ({@code 1621198766.009123400}). Floats are read as exact decimals,
 * so no timestamp goes through a {@code double}.
 */
final class DurableJson {

  private static final ObjectMapper MAPPER = create();

  private DurableJson() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper create() {
    SimpleModule lossless = new SimpleModule("ecs-durable-timestamps");
    lossless.addSerializer(Instant.class, new Serializer());
    lossless.addDeserializer(Instant.class, new Deserializer());
    // Modules registered later take precedence over EcsJson's wire timestamps.
    return EcsJson.mapper().copy()
        .registerModule(lossless)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  static BigDecimal toDecimal(Instant instant) {
    if (instant.getNano() % 1_000_000 == 0) {
      return EcsJson.epochSeconds(instant);
    }
    BigInteger nanos = BigInteger.valueOf(instant.getEpochSecond()).multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(instant.getNano()));
    return new BigDecimal(nanos, 9);
  }

  static Instant fromDecimal(BigDecimal seconds) {
    BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
    long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  private static final class Serializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeNumber(toDecimal(value).toPlainString());
    }
  }

  private static final class Deserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        return fromDecimal(p.getDecimalValue());
      }
      if (token == JsonToken.VALUE_STRING) {
        return Instant.parse(p.getText());
      }
      return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
    }
  }
}
