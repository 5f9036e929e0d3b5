package dev.ecsemulator.core.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TagRulesTest {

  @Test
  void theLimitOf50CountsTheTagsAResourceAlreadyHas() {
    List<Tag> existing = tags("old", 30);
    assertThat(TagRules.validate(existing, tags("new", 20))).hasSize(50);
    assertThatThrownBy(() -> TagRules.validate(existing, tags("new", 21)))
        .isInstanceOf(InvalidParameterException.class).hasMessage("A resource can have at most 50 tags.");
  }

  @Test
  void replacingValuesDoesNotCountTwiceAndKeepsOrder() {
    List<Tag> merged = TagRules.validate(List.of(tag("a", "1"), tag("b", "2")), List.of(tag("a", "9")));
    assertThat(merged).containsExactly(tag("a", "9"), tag("b", "2"));
  }

  @Test
  void theAwsPrefixIsReservedInAnyCase() {
    assertThatThrownBy(() -> TagRules.validate(List.of(tag("AwS:x", "v"))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("Tag keys starting with 'aws:' are reserved for AWS use.");
    assertThatThrownBy(() -> TagRules.validateRemoval(List.of("aws:cloudformation:stack-name")))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void duplicateKeysAreRefused() {
    assertThatThrownBy(() -> TagRules.validate(List.of(tag("k", "1"), tag("k", "2"))))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'k'");
  }

  @Test
  void aMissingValueIsStoredAsEmpty() {
    assertThat(TagRules.validate(List.of(Tag.builder().key("k").build()))).containsExactly(tag("k", ""));
  }

  static List<Tag> tags(String prefix, int n) {
    List<Tag> out = new ArrayList<>();
    IntStream.range(0, n).forEach(i -> out.add(tag(prefix + i, "v")));
    return out;
  }

  static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
