package dev.ecsemulator.scheduler.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.scheduler.metadata.MetadataShapes.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskCredentialsTest {

  private static final String ROLE = "arn:aws:iam::000000000000:role/app";
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00.250Z"));
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private final TaskCredentials credentials = new TaskCredentials(clock);

  @Test
  void aSetIsShapedAsStsIssuesIt() {
    Credentials set = credentials.current("id-1", ROLE);

    assertThat(set.roleArn()).isEqualTo(ROLE);
    assertThat(set.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
    assertThat(set.secretAccessKey()).matches("[A-Za-z0-9+/]{40}");
    assertThat(set.token()).matches("[A-Za-z0-9+/=]{400,}");
    assertThat(set.expiration()).isEqualTo("2026-12-07T16:00:00Z");
  }

  @Test
  void aTaskKeepsItsSetUntilAnHourBeforeExpiryThenGetsANewOne() {
    Credentials first = credentials.current("id-1", ROLE);

    now.set(now.get().plus(Duration.ofHours(4).plusMinutes(59)));
    assertThat(credentials.current("id-1", ROLE)).isEqualTo(first);

    now.set(now.get().plus(Duration.ofMinutes(1)));
    Credentials renewed = credentials.current("id-1", ROLE);
    assertThat(renewed.accessKeyId()).isNotEqualTo(first.accessKeyId());
    assertThat(renewed.expiration()).isEqualTo("2026-12-07T21:00:00Z");
  }

  @Test
  void tasksNeverShareASetAndAForgottenTaskStartsAfresh() {
    Credentials one = credentials.current("id-1", ROLE);
    Credentials two = credentials.current("id-2", ROLE);

    assertThat(one.accessKeyId()).isNotEqualTo(two.accessKeyId());
    credentials.forget("id-1");
    assertThat(credentials.current("id-1", ROLE).accessKeyId()).isNotEqualTo(one.accessKeyId());
  }
}
