package dev.ecsemulator.api.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * CloudWatch alarms through the AWS SDK v2 client: creation, evaluation against put data (driven here by
 * {@code CloudWatch.evaluateAlarms}, which the metrics loop calls every period), state reasons, SetAlarmState,
 * history, deletion and errors.
 */
class CloudWatchAlarmsApiTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final CloudWatchClient cw = emulator.sdk(CloudWatchClient.builder());

  @AfterAll
  static void closeClient() {
    cw.close();
  }

  static void alarm(String name, String treatMissingData) {
    cw.putMetricAlarm(b -> b.alarmName(name).namespace("Shop").metricName("Latency").statistic(Statistic.AVERAGE)
        .period(60).evaluationPeriods(3).datapointsToAlarm(2).threshold(100.0)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).treatMissingData(treatMissingData));
  }

  static MetricAlarm describe(String name) {
    return cw.describeAlarms(b -> b.alarmNames(name)).metricAlarms().get(0);
  }

  /** Puts {@code values} one a minute, the last in the minute before the current one. */
  static Instant putMinutes(double... values) {
    long minute = Instant.now().getEpochSecond() / 60 * 60;
    for (int i = 0; i < values.length; i++) {
      Instant at = Instant.ofEpochSecond(minute - 60L * (values.length - i));
      double value = values[i];
      cw.putMetricData(b -> b.namespace("Shop").metricData(d -> d.metricName("Latency").timestamp(at).value(value)));
    }
    return Instant.ofEpochSecond(minute);
  }

  @Test
  void aNewAlarmHasInsufficientDataUntilEvaluated() {
    alarm("latency", null);

    MetricAlarm alarm = describe("latency");
    assertThat(alarm.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
    assertThat(alarm.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
    assertThat(alarm.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:latency");
    assertThat(alarm.actionsEnabled()).isTrue();
    assertThat(cw.describeAlarmHistory(b -> b.alarmName("latency")).alarmHistoryItems())
        .singleElement().satisfies(item -> {
          assertThat(item.historyItemType()).isEqualTo(HistoryItemType.CONFIGURATION_UPDATE);
          assertThat(item.historySummary()).isEqualTo("Alarm \"latency\" created");
        });
  }

  @Test
  void twoOfThreeBreachingDatapointsRaiseTheAlarm() throws Exception {
    alarm("latency", null);
    Instant minute = putMinutes(150, 50, 120);

    emulator.emulator().cloudWatch().evaluateAlarms(Instant.now());

    MetricAlarm alarm = describe("latency");
    assertThat(alarm.stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(alarm.stateReason()).startsWith("Threshold Crossed: 2 out of the last 3 datapoints [120.0 (")
        .endsWith(")] were greater than the threshold (100.0) (minimum 2 datapoints for INSUFFICIENT_DATA -> ALARM "
            + "transition).");
    JsonNode data = new ObjectMapper().readTree(alarm.stateReasonData());
    assertThat(data.path("statistic").asText()).isEqualTo("Average");
    assertThat(data.path("period").asInt()).isEqualTo(60);
    assertThat(data.path("threshold").asDouble()).isEqualTo(100.0);
    assertThat(data.path("recentDatapoints").toString()).isEqualTo("[150.0,50.0,120.0]");
    assertThat(data.path("evaluatedDatapoints").get(0).path("value").asDouble()).isEqualTo(120.0);
    assertThat(alarm.stateTransitionedTimestamp()).isAfter(minute.minusSeconds(1));
    assertThat(cw.describeAlarms(b -> b.stateValue(StateValue.ALARM)).metricAlarms()).hasSize(1);
    assertThat(cw.describeAlarmHistory(b -> b.alarmName("latency").historyItemType(HistoryItemType.STATE_UPDATE))
        .alarmHistoryItems()).extracting(AlarmHistoryItem::historySummary)
        .containsExactly("Alarm updated from INSUFFICIENT_DATA to ALARM");
  }

  @Test
  void oneBreachingDatapointOfThreeIsOk() {
    alarm("latency", null);
    putMinutes(150, 50, 60);

    emulator.emulator().cloudWatch().evaluateAlarms(Instant.now());

    MetricAlarm alarm = describe("latency");
    assertThat(alarm.stateValue()).isEqualTo(StateValue.OK);
    assertThat(alarm.stateReason()).contains("were not greater than the threshold (100.0)");
  }

  @Test
  void missingDataFollowsTreatMissingData() {
    alarm("missing", "missing");
    alarm("breaching", "breaching");
    alarm("not-breaching", "notBreaching");
    alarm("ignore", "ignore");

    emulator.emulator().cloudWatch().evaluateAlarms(Instant.now());

    assertThat(describe("missing").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
    assertThat(describe("missing").stateReason()).isEqualTo("Insufficient Data: 3 datapoints were unknown.");
    assertThat(describe("breaching").stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(describe("breaching").stateReason()).isEqualTo("Threshold Crossed: no datapoints were received for 3 "
        + "periods and 3 missing datapoints were treated as [Breaching].");
    assertThat(describe("not-breaching").stateValue()).isEqualTo(StateValue.OK);
    assertThat(describe("ignore").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
    assertThat(describe("ignore").stateReason()).isEqualTo("Unchecked: Initial alarm creation");
  }

  @Test
  void setAlarmStateChangesStateAndHistory() {
    alarm("latency", "ignore");

    cw.setAlarmState(b -> b.alarmName("latency").stateValue(StateValue.ALARM).stateReason("testing")
        .stateReasonData("{\"why\":\"test\"}"));

    MetricAlarm alarm = describe("latency");
    assertThat(alarm.stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(alarm.stateReason()).isEqualTo("testing");
    assertThat(alarm.stateReasonData()).isEqualTo("{\"why\":\"test\"}");
    assertThatThrownBy(() -> cw.setAlarmState(b -> b.alarmName("nope").stateValue(StateValue.OK).stateReason("x")))
        // The SDK has no class for ResourceNotFound (its ResourceNotFoundException is another error shape).
        .isInstanceOfSatisfying(CloudWatchException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
        });
    assertThatThrownBy(() -> cw.setAlarmState(b -> b.alarmName("latency").stateValue(StateValue.OK).stateReason("x")
        .stateReasonData("not json"))).isInstanceOfSatisfying(CloudWatchException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidFormat"));
  }

  @Test
  void deleteAlarmsRemovesThemAndRefusesUnknownNames() {
    alarm("a", null);
    alarm("b", null);

    assertThatThrownBy(() -> cw.deleteAlarms(b -> b.alarmNames("a", "nope")))
        .isInstanceOfSatisfying(CloudWatchException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound"));
    assertThat(cw.describeAlarms().metricAlarms()).hasSize(2);
    cw.deleteAlarms(b -> b.alarmNames("a", "b"));
    assertThat(cw.describeAlarms().metricAlarms()).isEmpty();
    assertThat(cw.describeAlarmHistory(b -> b.alarmName("a")).alarmHistoryItems()).isEmpty();
  }

  @Test
  void putMetricAlarmChecksItsSettings() {
    assertThatThrownBy(() -> cw.putMetricAlarm(b -> b.alarmName("x").namespace("Shop").metricName("Latency")
        .statistic(Statistic.AVERAGE).period(45).evaluationPeriods(1).threshold(1.0)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Period must be 10, 30 or a multiple of 60.");
        });
    assertThatThrownBy(() -> cw.putMetricAlarm(b -> b.alarmName("x").namespace("Shop").metricName("Latency")
        .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(2).datapointsToAlarm(3).threshold(1.0)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)))
        .hasMessageContaining("DatapointsToAlarm must be between 1 and EvaluationPeriods.");
  }
}
