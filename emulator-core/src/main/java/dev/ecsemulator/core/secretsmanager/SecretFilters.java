package dev.ecsemulator.core.secretsmanager;

import dev.ecsemulator.core.secretsmanager.error.InvalidParameterException;
import dev.ecsemulator.core.secretsmanager.model.Filter;
import dev.ecsemulator.core.secretsmanager.model.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * ListSecrets' and BatchGetSecretValue's filters, as the API reference's Filter describes them: {@code name},
 * {@code tag-key}, {@code tag-value}, {@code primary-region} and {@code owning-service} match a prefix, case-sensitive;
 * {@code description} a prefix, not case-sensitive; {@code all} breaks the value into words, each of which must begin
 * a word of the name, description or a tag, not case-sensitive. A value starting with {@code !} matches the secrets
 * the rest does not match. A secret matches a filter when it matches one of its values, and a list of filters when
 * it matches each. Pure.
 */
public final class SecretFilters {

  /** Where the words of {@code all} break: white space and the punctuation a name may hold. */
  private static final String WORD_BREAKS = "[\\s/_+=.@-]+";

  private SecretFilters() {}

  /**
   * @param region the secret's region (a secret that is not replicated is its own primary)
   * @throws InvalidParameterException for a filter without a key or without values (the model requires neither)
   */
  public static boolean matches(StoredSecret secret, String region, List<Filter> filters) {
    for (Filter filter : filters == null ? List.<Filter>of() : filters) {
      if (filter.key() == null) {
        // Unverified wording (moto's).
        throw new InvalidParameterException("Invalid filter key");
      }
      if (filter.values() == null || filter.values().isEmpty()) {
        // Unverified wording (moto's).
        throw new InvalidParameterException("Invalid filter values for key: " + filter.key());
      }
      if (filter.values().stream().noneMatch(value -> matches(secret, region, filter.key(), value))) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(StoredSecret secret, String region, String key, String value) {
    if (value.startsWith("!")) {
      return !matches(secret, region, key, value.substring(1));
    }
    return switch (key) {
      case "name" -> value.isEmpty() || secret.name().startsWith(value);
      case "description" -> secret.description() != null
          && lower(secret.description()).startsWith(lower(value));
      case "tag-key" -> anyStartsWith(secret.tags().stream().map(Tag::key).toList(), value);
      case "tag-value" -> anyStartsWith(secret.tags().stream().map(Tag::value).toList(), value);
      case "primary-region" -> region.startsWith(value);
      case "all" -> everyWordBegins(secret, value);
      default -> false; // owning-service: no secret here is managed by another service
    };
  }

  private static boolean everyWordBegins(StoredSecret secret, String value) {
    List<String> attributes = new ArrayList<>();
    attributes.add(secret.name());
    if (secret.description() != null) {
      attributes.add(secret.description());
    }
    secret.tags().forEach(tag -> {
      attributes.add(tag.key());
      attributes.add(tag.value());
    });
    // A tag may have no value (the model requires neither member of a Tag)
    List<String> words = attributes.stream().filter(Objects::nonNull).flatMap(a -> words(a).stream()).toList();
    return words(value).stream().allMatch(word -> anyStartsWith(words, word));
  }

  private static List<String> words(String text) {
    return Arrays.stream(lower(text).split(WORD_BREAKS)).filter(w -> !w.isEmpty()).toList();
  }

  private static boolean anyStartsWith(List<String> candidates, String prefix) {
    return candidates.stream().anyMatch(c -> c != null && c.startsWith(prefix));
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
