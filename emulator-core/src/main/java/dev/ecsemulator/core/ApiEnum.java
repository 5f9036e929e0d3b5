package dev.ecsemulator.core;

/**
 * An enum of an API model whose values the generated shapes hold as strings (a shape keeps whatever was
 * sent or stored, known or not). A constant's {@link #name()} is exactly the value the API shows: write
 * it with {@code name()}, compare with {@link #is}. Implemented by enums only.
 */
public interface ApiEnum {

  /** The constant's name: the value as the API shows it. */
  String name();

  /** Whether {@code value} (null is no constant) is this constant. */
  default boolean is(String value) {
    return name().equals(value);
  }
}
