package dev.ecsemulator.core.state.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The framing rules alone: what counts as a torn tail and what as damage. */
class FramesTest {

  static byte[] file(String... payloads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Frames.fileHeader(JournalReader.MAGIC, JournalReader.VERSION));
    long seq = 1;
    for (String p : payloads) {
      ByteBuffer frame = Frames.frame(seq++, p.getBytes(StandardCharsets.UTF_8));
      out.write(frame.array(), 0, frame.limit());
    }
    return out.toByteArray();
  }

  static Frames.Scan scan(byte[] data) {
    return Frames.scan(data, Frames.FILE_HEADER);
  }

  @Test
  void intactFramesReadBackWithTheirNumbersAndOffsets() {
    Frames.Scan scan = scan(file("{\"a\":1}", "{}", "{\"b\":[2]}"));

    assertThat(scan.end()).isEqualTo(Frames.End.CLEAN);
    assertThat(scan.frames()).extracting(Frames.Frame::seq).containsExactly(1L, 2L, 3L);
    assertThat(new String(scan.frames().get(2).payload(), StandardCharsets.UTF_8)).isEqualTo("{\"b\":[2]}");
    assertThat(scan.frames().get(0).offset()).isEqualTo(Frames.FILE_HEADER);
  }

  @Test
  void everyCutOfTheLastFrameIsATornTailThatKeepsTheOthers() {
    byte[] whole = file("{\"a\":1}", "{\"last\":\"frame\"}");
    int lastStart = Frames.FILE_HEADER + Frames.FRAME_HEADER + 7;

    for (int cut = lastStart; cut < whole.length; cut++) {
      Frames.Scan scan = scan(Arrays.copyOf(whole, cut));

      assertThat(scan.end()).as("cut at %d", cut).isIn(cut == lastStart ? Frames.End.CLEAN : Frames.End.TORN);
      assertThat(scan.frames()).hasSize(1);
      assertThat(scan.validLength()).isEqualTo(lastStart);
    }
  }

  @Test
  void aBadFrameWithDataAfterItIsCorrupt() {
    byte[] data = file("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    byte[] payloadFlipped = data.clone();
    payloadFlipped[Frames.FILE_HEADER + Frames.FRAME_HEADER + 2] ^= 1;
    byte[] headerFlipped = data.clone();
    headerFlipped[Frames.FILE_HEADER + 5] ^= 1;

    assertThat(scan(payloadFlipped).end()).isEqualTo(Frames.End.CORRUPT);
    assertThat(scan(payloadFlipped).frames()).isEmpty();
    assertThat(scan(headerFlipped).end()).isEqualTo(Frames.End.CORRUPT);
    assertThat(scan(headerFlipped).detail()).contains("header checksum");
  }

  @Test
  void zerosAfterTheLastFrameAreUnusedSpaceNotATornTail() {
    byte[] data = file("{\"a\":1}");
    byte[] padded = Arrays.copyOf(data, data.length + 100);

    assertThat(scan(padded).end()).isEqualTo(Frames.End.ZEROS);
    assertThat(scan(padded).frames()).hasSize(1);
    assertThat(scan(padded).validLength()).isEqualTo(data.length);
  }

  @Test
  void everyPartWrittenOfTheLastFrameIntoZeroedSpaceIsATornTail() {
    byte[] whole = file("{\"a\":1}", "{\"last\":\"frame\"}");
    int lastStart = Frames.FILE_HEADER + Frames.FRAME_HEADER + 7;
    byte[] preallocated = Arrays.copyOf(whole, whole.length + 64);

    for (int cut = lastStart + 1; cut < whole.length; cut++) {
      byte[] data = preallocated.clone();
      Arrays.fill(data, cut, data.length, (byte) 0);
      Frames.Scan scan = scan(data);

      assertThat(scan.end()).as("written up to %d", cut).isIn(Frames.End.TORN, Frames.End.ZEROS);
      assertThat(scan.frames()).hasSize(1);
      assertThat(scan.validLength()).isEqualTo(lastStart);
    }
  }

  @Test
  void aDamagedHeaderWithDataAfterItIsNotMistakenForAHeaderCutShort() {
    byte[] data = file("{\"a\":1}", "{\"b\":2}");
    byte[] padded = Arrays.copyOf(data, data.length + 64);
    // The second frame's length byte damaged: its payload still follows, so this is not a torn write.
    padded[Frames.FILE_HEADER + Frames.FRAME_HEADER + 7 + 3] ^= 1;

    assertThat(scan(padded).end()).isEqualTo(Frames.End.CORRUPT);
  }

  @Test
  void anImpossibleLengthWithAGoodHeaderChecksumIsCorrupt() {
    ByteBuffer header = ByteBuffer.allocate(Frames.FRAME_HEADER);
    header.putInt(Frames.MAX_PAYLOAD + 1).putLong(1).putInt(0);
    header.putInt(Frames.crc(header.array(), 0, 16));
    byte[] data = new byte[Frames.FILE_HEADER + Frames.FRAME_HEADER + 4];
    System.arraycopy(header.array(), 0, data, Frames.FILE_HEADER, Frames.FRAME_HEADER);

    assertThat(scan(data).end()).isEqualTo(Frames.End.CORRUPT);
  }
}
