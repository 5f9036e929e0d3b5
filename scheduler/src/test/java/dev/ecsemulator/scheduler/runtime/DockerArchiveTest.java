package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The docker-save archive, read back entry by entry (a tiny ustar reader). */
class DockerArchiveTest {

  static Map<String, byte[]> entries(byte[] tar) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    int at = 0;
    while (at + 512 <= tar.length && tar[at] != 0) {
      String name = new String(tar, at, 100, StandardCharsets.US_ASCII).replaceAll("\0.*", "");
      int size = Integer.parseInt(new String(tar, at + 124, 11, StandardCharsets.US_ASCII), 8);
      int checksum = Integer.parseInt(new String(tar, at + 148, 6, StandardCharsets.US_ASCII), 8);
      int sum = 0;
      for (int i = 0; i < 512; i++) {
        sum += (i >= 148 && i < 156) ? ' ' : tar[at + i] & 0xff;
      }
      assertThat(checksum).as("checksum of %s", name).isEqualTo(sum);
      assertThat(new String(tar, at + 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
      entries.put(name, Arrays.copyOfRange(tar, at + 512, at + 512 + size));
      at += 512 + ((size + 511) / 512) * 512;
    }
    assertThat(tar.length % 512).isZero();
    return entries;
  }

  @Test
  void holdsAManifestAConfigAndOneLayerWithTheExecutable() throws Exception {
    byte[] program = PauseBinary.executable(PauseBinary.Arch.ARM64);
    DockerArchive.Image image = DockerArchive.singleExecutable("ecs-emulator/pause:test", "arm64", "pause", program,
        Map.of("ecs-emulator.managed", "true"));
    ObjectMapper json = new ObjectMapper();

    Map<String, byte[]> entries = entries(image.tar());
    JsonNode manifest = json.readTree(entries.get("manifest.json")).get(0);
    String configName = manifest.get("Config").asText();
    String layerName = manifest.get("Layers").get(0).asText();
    JsonNode config = json.readTree(entries.get(configName));
    Map<String, byte[]> layer = entries(entries.get(layerName));

    assertThat(manifest.get("RepoTags").get(0).asText()).isEqualTo("ecs-emulator/pause:test");
    assertThat("sha256:" + configName.replace(".json", "")).isEqualTo(image.imageId())
        .isEqualTo("sha256:" + DockerArchive.sha256(entries.get(configName)));
    assertThat(config.get("architecture").asText()).isEqualTo("arm64");
    assertThat(config.get("os").asText()).isEqualTo("linux");
    assertThat(config.get("config").get("Entrypoint").get(0).asText()).isEqualTo("/pause");
    assertThat(config.get("config").get("Labels").get("ecs-emulator.managed").asText()).isEqualTo("true");
    assertThat(config.get("rootfs").get("diff_ids").get(0).asText())
        .isEqualTo("sha256:" + DockerArchive.sha256(entries.get(layerName)));
    assertThat(layer).containsOnlyKeys("pause");
    assertThat(layer.get("pause")).isEqualTo(program);
    int mode = Integer.parseInt(new String(entries.get(layerName), 100, 7, StandardCharsets.US_ASCII), 8);
    assertThat(mode).isEqualTo(0755);
  }

  @Test
  void isDeterministicSoTheImageIdIsStable() {
    byte[] program = PauseBinary.executable(PauseBinary.Arch.AMD64);
    Map<String, String> labels = Map.of("b", "2", "a", "1");
    DockerArchive.Image first = DockerArchive.singleExecutable("x:1", "amd64", "pause", program, labels);
    DockerArchive.Image second = DockerArchive.singleExecutable("x:1", "amd64", "pause", program, Map.of("a", "1", "b", "2"));

    assertThat(first.tar()).isEqualTo(second.tar());
    assertThat(first.imageId()).isEqualTo(second.imageId())
        .isEqualTo(DockerArchive.singleExecutable("other:2", "amd64", "pause", program, labels).imageId());
  }
}
