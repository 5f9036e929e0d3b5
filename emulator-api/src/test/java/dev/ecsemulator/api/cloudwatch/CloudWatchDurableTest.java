package dev.ecsemulator.api.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.Emulator;
import dev.ecsemulator.api.EmulatorConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** Metrics, alarms (with their state) and alarm history in durable state: a restarted emulator has them all. */
class CloudWatchDurableTest {

  @TempDir Path dataDir;

  /** An emulator on the test's data directory, durable; the caller closes it (so restarts it). */
  Emulator durable() {
    return Emulator.start(EmulatorConfig.forTests(0, dataDir).withEphemeral(false));
  }

  static CloudWatchClient client(Emulator emulator) {
    return CloudWatchClient.builder().endpointOverride(URI.create(emulator.url())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "secret")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @Test
  void metricsAlarmsAndHistorySurviveARestart() {
    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(3, ChronoUnit.MINUTES);
    MetricAlarm before;
    try (Emulator first = durable(); CloudWatchClient cw = client(first)) {
      cw.putMetricData(b -> b.namespace("Shop").metricData(d -> d.metricName("Orders").timestamp(minute).value(7.0)));
      // On a metric without data, missing data ignored: no evaluation by the metrics loop changes the state set here.
      cw.putMetricAlarm(b -> b.alarmName("orders").namespace("Shop").metricName("Absent").statistic(Statistic.SUM)
          .period(60).evaluationPeriods(1).threshold(1.0).comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
          .treatMissingData("ignore"));
      cw.setAlarmState(b -> b.alarmName("orders").stateValue(StateValue.ALARM).stateReason("set by a test"));
      before = cw.describeAlarms().metricAlarms().get(0);
    }
    try (Emulator second = durable(); CloudWatchClient cw = client(second)) {
      assertThat(cw.describeAlarms().metricAlarms()).containsExactly(before);
      assertThat(cw.describeAlarmHistory(b -> b.alarmName("orders")).alarmHistoryItems()).hasSize(2);
      assertThat(cw.getMetricStatistics(b -> b.namespace("Shop").metricName("Orders").startTime(minute)
          .endTime(minute.plusSeconds(60)).period(60).statistics(Statistic.SUM)).datapoints())
          .singleElement().satisfies(p -> assertThat(p.sum()).isEqualTo(7.0));
      assertThat(cw.listMetrics().metrics()).hasSize(1);
    }
  }
}
