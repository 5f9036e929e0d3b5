package dev.ecsemulator.core.taskdef;

import static dev.ecsemulator.core.taskdef.Requests.withContainers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.error.ClientException;
import dev.ecsemulator.core.json.EcsJson;
import dev.ecsemulator.core.model.RegisterTaskDefinitionRequest;
import dev.ecsemulator.core.model.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 64 KiB of a task definition, at the byte: measured on its compact JSON, without its tags. */
class DefinitionLimitsTest {

  /** A definition whose compact JSON is exactly {@code bytes} long (an image name pads it; 'é' is two bytes). */
  static RegisterTaskDefinitionRequest ofSize(int bytes, String padding) {
    RegisterTaskDefinitionRequest empty = withContainers("{'name':'web','image':'','memory':128}");
    int base = EcsJson.compact(empty).getBytes(StandardCharsets.UTF_8).length;
    int each = padding.getBytes(StandardCharsets.UTF_8).length;
    String image = padding.repeat((bytes - base) / each) + "x".repeat((bytes - base) % each);
    RegisterTaskDefinitionRequest sized = withContainers("{'name':'web','image':'" + image + "','memory':128}");
    assertThat(EcsJson.compact(sized).getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
    return sized;
  }

  @Test
  void exactly64KiBIsAcceptedOneByteMoreIsNot() {
    assertThatCode(() -> DefinitionLimits.check(ofSize(65536, "x"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> DefinitionLimits.check(ofSize(65537, "x")))
        .isInstanceOf(ClientException.class)
        .hasMessage("Actual length: '65537'. Max allowed length is '65536' bytes.");
  }

  @Test
  void bytesAreCountedNotCharacters() {
    assertThatThrownBy(() -> DefinitionLimits.check(ofSize(65538, "é")))
        .isInstanceOf(ClientException.class)
        .hasMessage("Actual length: '65538'. Max allowed length is '65536' bytes.");
  }

  @Test
  void tagsAreNotPartOfTheDefinition() {
    List<Tag> tags = List.of(new Tag("k", "v".repeat(256)));
    assertThatCode(() -> DefinitionLimits.check(ofSize(65536, "x").toBuilder().tags(tags).build()))
        .doesNotThrowAnyException();
  }
}
