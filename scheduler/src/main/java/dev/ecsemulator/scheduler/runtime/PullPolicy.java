package dev.ecsemulator.scheduler.runtime;

import java.util.Locale;

/**
 * When the runtime pulls an image, after the ECS agent's {@code ECS_IMAGE_PULL_BEHAVIOR}
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/pull-behavior.html).
 *
 * <p>Difference from the agent, by design of issue 4: our {@link #ALWAYS} falls back to a cached image
 * when the pull fails, which is what the agent calls {@code default}; the agent's {@code always} fails the
 * task instead. Offline, a fallback is what a developer wants.
 */
public enum PullPolicy {
  /** Use the local image when present, else pull. The emulator's default. */
  PREFER_CACHED,
  /** Pull every time; if the pull fails, use the cached image when there is one. */
  ALWAYS,
  /** Pull the first time this emulator needs the image (or when it was removed since), then use the cache. */
  ONCE;

  /**
   * Whether to pull now. A failed pull then falls back to the cached image whenever there is one (for
   * {@link #PREFER_CACHED} a pull only happens when there is none).
   *
   * @param cached whether the image is present locally
   * @param pulledBefore whether this emulator pulled it successfully before
   */
  public boolean shouldPull(boolean cached, boolean pulledBefore) {
    return switch (this) {
      case PREFER_CACHED -> !cached;
      case ALWAYS -> true;
      case ONCE -> !cached || !pulledBefore;
    };
  }

  /** Parses {@code prefer-cached}, {@code always}, {@code once} (any case, {@code _} or {@code -}). */
  public static PullPolicy parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** The setting's spelling, e.g. {@code prefer-cached}. */
  public String setting() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
