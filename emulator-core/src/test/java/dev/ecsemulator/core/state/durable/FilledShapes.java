package dev.ecsemulator.core.state.durable;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds an instance of any generated model record with every member set, recursively (lists of two near
 * the top and one deeper, maps of two, nested records down to a depth), from a seeded random source: no member escapes a
 * round-trip test because the hand-written fixtures forgot it.
 */
final class FilledShapes {

  private static final int MAX_DEPTH = 6;

  private final Random random;

  FilledShapes(long seed) {
    this.random = new Random(seed);
  }

  <T> T fill(Class<T> type) {
    return type.cast(value(type, 0));
  }

  private Object value(Type type, int depth) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        List<Object> list = new ArrayList<>();
        int size = depth >= MAX_DEPTH ? 0 : depth < 3 ? 2 : 1;
        for (int i = 0; i < size; i++) {
          list.add(value(args[0], depth + 1));
        }
        return list;
      }
      if (Map.class.isAssignableFrom(raw)) {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("k" + random.nextInt(1000), value(args[1], depth + 1));
        map.put("z" + random.nextInt(1000), value(args[1], depth + 1));
        return map;
      }
      throw new IllegalArgumentException("unexpected generic type " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return "s-" + Long.toString(random.nextLong(), 36) + (random.nextBoolean() ? " ünï \"q\"" : "");
    }
    if (c == Integer.class) {
      return random.nextInt();
    }
    if (c == Long.class) {
      return random.nextLong();
    }
    if (c == Boolean.class) {
      return random.nextBoolean();
    }
    if (c == Double.class) {
      return random.nextBoolean() ? random.nextDouble() * 1e6 : 0.1 * random.nextInt(100);
    }
    if (c == Instant.class) {
      long second = 1_600_000_000L + random.nextInt(400_000_000);
      int nanos = switch (random.nextInt(3)) {
        case 0 -> random.nextInt(1000) * 1_000_000;
        case 1 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      return Instant.ofEpochSecond(second, nanos);
    }
    if (c.isRecord()) {
      if (depth >= MAX_DEPTH) {
        return null;
      }
      RecordComponent[] components = c.getRecordComponents();
      Object[] args = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        args[i] = value(components[i].getGenericType(), depth + 1);
        types[i] = components[i].getType();
      }
      try {
        Constructor<?> constructor = c.getDeclaredConstructor(types);
        return constructor.newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot build " + c, e);
      }
    }
    throw new IllegalArgumentException("no value for " + c);
  }
}
