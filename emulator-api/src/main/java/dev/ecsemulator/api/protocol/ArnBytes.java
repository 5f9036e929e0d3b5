package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ARNs written into answers from JSON bytes made once per ARN, instead of character by character on every answer
 * that names them. The same ARNs are answered over and over (every ListTasks and DescribeTasks of a cluster names
 * its tasks, their cluster, task definition and containers), and Jackson's character-by-character string writing
 * was the largest single cost of ListTasks at one connection: 19 % of the server's CPU in a profile of 100 task
 * ARNs. The bytes are exactly what Jackson writes otherwise: only ARNs with nothing to escape are kept.
 *
 * <p>Only for answers: the durable state's journal writes each ARN about once, so it keeps the plain mapper. At most
 * {@link #MAX_CACHED} ARNs are kept; past that the cache starts again empty, which costs one encoding per ARN still
 * in use (ARNs of removed resources would otherwise stay forever).
 */
final class ArnBytes {

  static final int MAX_CACHED = 20_000;

  private ArnBytes() {}

  /** A copy of {@code base} that writes ARNs from their cached bytes, and everything else as {@code base} does. */
  static ObjectMapper writingArnsFromCache(ObjectMapper base) {
    return writingArnsFrom(base, new Cache());
  }

  static ObjectMapper writingArnsFrom(ObjectMapper base, Cache cache) {
    SimpleModule module = new SimpleModule("ecs-arn-bytes");
    module.addSerializer(String.class, new Serializer(cache));
    return base.copy().registerModule(module);
  }

  /** The ARNs' encoded forms; thread-safe. */
  static final class Cache {
    private final ConcurrentHashMap<String, SerializedString> encoded = new ConcurrentHashMap<>();

    /** The ARN's encoded form; null for text that is not an ARN or not plain printable ASCII (see {@link #plain}). */
    SerializedString of(String arn) {
      if (!arn.startsWith("arn:")) {
        return null;
      }
      SerializedString known = encoded.get(arn);
      if (known != null) {
        return known;
      }
      if (!plain(arn)) {
        return null;
      }
      if (encoded.size() >= MAX_CACHED) {
        encoded.clear();
      }
      SerializedString made = new SerializedString(arn);
      SerializedString raced = encoded.putIfAbsent(arn, made);
      return raced != null ? raced : made;
    }

    /**
     * Printable ASCII with nothing to escape: every ARN the emulator makes. Anything else is written as Jackson
     * writes it, because its escaping of some characters (characters outside the BMP, as two escaped surrogates)
     * differs from how a {@link SerializedString} encodes them, and answers must not depend on the cache.
     */
    static boolean plain(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
          return false;
        }
      }
      return true;
    }

    int size() {
      return encoded.size();
    }
  }

  private static final class Serializer extends JsonSerializer<String> {
    private final Cache cache;

    Serializer(Cache cache) {
      this.cache = cache;
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      SerializedString encoded = cache.of(value);
      if (encoded != null) {
        // SerializedString keeps its quoted UTF-8 once made; the generator copies it in.
        gen.writeString(encoded);
      } else {
        gen.writeString(value);
      }
    }
  }
}
