package dev.ecsemulator.core.tag;

/** ECS {@code Tag}: a key and an optional value. */
public record Tag(String key, String value) {}
