package dev.ecsemulator.scheduler.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogFrameDecoderTest {

  static final String T1 = "2026-12-07T13:05:46.084267289Z";
  static final String T2 = "2026-12-07T13:05:46.396625257Z";

  /** One stdcopy frame: the stream, then the payload's length, big endian. */
  static byte[] frame(int stream, String payload) {
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(stream);
    out.writeBytes(new byte[] {0, 0, 0});
    out.write(body.length >>> 24);
    out.write(body.length >>> 16);
    out.write(body.length >>> 8);
    out.write(body.length);
    out.writeBytes(body);
    return out.toByteArray();
  }

  static List<DockerLogLine> decode(boolean tty, byte[]... parts) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    LogFrameDecoder decoder = new LogFrameDecoder(new ByteArrayInputStream(all.toByteArray()), tty);
    List<DockerLogLine> lines = new ArrayList<>();
    for (DockerLogLine line = decoder.next(); line != null; line = decoder.next()) {
      lines.add(line);
    }
    return lines;
  }

  static long nanos(String timestamp) {
    Instant instant = Instant.parse(timestamp);
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  @Test
  void framesAreTimestampedLinesOfStdoutAndStderr() throws IOException {
    List<DockerLogLine> lines = decode(false, frame(1, T1 + " line 1\n"), frame(2, T2 + " err 1\n"),
        frame(1, T2 + " \n"));

    assertThat(lines).containsExactly(new DockerLogLine(nanos(T1), false, "line 1"),
        new DockerLogLine(nanos(T2), true, "err 1"), new DockerLogLine(nanos(T2), false, ""));
    assertThat(lines.get(0).timestampMillis()).isEqualTo(Instant.parse(T1).toEpochMilli());
  }

  @Test
  void partsOfALongLineAreJoinedAndALastPartWithoutNewlineIsALine() throws IOException {
    List<DockerLogLine> lines = decode(false, frame(1, T1 + " first half,"), frame(2, T1 + " other\n"),
        frame(1, T1 + " second half\n"), frame(1, T2 + " no newline at the end"));

    assertThat(lines).extracting(DockerLogLine::text)
        .containsExactly("other", "first half,second half", "no newline at the end");
  }

  @Test
  void aTtyGivesRawTimestampedLines() throws IOException {
    byte[] raw = (T1 + " one\r\n" + T2 + " two\r\n" + T2 + " tail").getBytes(StandardCharsets.UTF_8);

    assertThat(decode(true, raw)).containsExactly(new DockerLogLine(nanos(T1), false, "one\r"),
        new DockerLogLine(nanos(T2), false, "two\r"), new DockerLogLine(nanos(T2), false, "tail"));
  }

  @Test
  void otherTimestampFormsAreParsedAndInvalidUtf8IsReplaced() throws IOException {
    byte[] latin1 = frame(1, "2026-12-07T14:05:46.5+01:00 caf\n");
    byte[] withInvalid = new byte[latin1.length + 1];
    System.arraycopy(latin1, 0, withInvalid, 0, latin1.length - 1);
    withInvalid[latin1.length - 1] = (byte) 0xe9;
    withInvalid[latin1.length] = '\n';
    withInvalid[7]++; // one more byte of payload

    List<DockerLogLine> lines = decode(false, withInvalid);

    assertThat(lines.get(0).timestampNanos()).isEqualTo(nanos("2026-12-07T13:05:46.5Z"));
    assertThat(lines.get(0).text()).isEqualTo("caf\uFFFD");
  }

  @Test
  void aBodyCutInsideAFrameIsAnError() {
    byte[] frame = frame(1, T1 + " line\n");
    byte[] cut = java.util.Arrays.copyOf(frame, frame.length - 3);

    assertThatThrownBy(() -> decode(false, cut)).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> decode(false, frame(1, "no-timestamp-here\n"))).isInstanceOf(IOException.class);
  }
}
