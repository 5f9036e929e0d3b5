package dev.ecsemulator.api.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * CloudWatch metrics through the AWS SDK v2 client over HTTP (which speaks Smithy RPC v2 CBOR in SDK 2.57):
 * PutMetricData, GetMetricStatistics, GetMetricData with math, ListMetrics, and CloudWatch's errors.
 */
class CloudWatchMetricsApiTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final CloudWatchClient cw = emulator.sdk(CloudWatchClient.builder());

  /** A whole minute a few minutes ago, so every datapoint is in the past and in one aligned period. */
  static final Instant MINUTE = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
  static final Dimension APP = Dimension.builder().name("App").value("web").build();

  @AfterAll
  static void closeClient() {
    cw.close();
  }

  static void put(String name, Instant at, double... values) {
    for (double value : values) {
      cw.putMetricData(b -> b.namespace("Shop").metricData(d -> d.metricName(name).dimensions(APP).timestamp(at)
          .value(value).unit("Count")));
    }
  }

  @Test
  void statisticsOfValuesPutInOnePeriod() {
    put("Orders", MINUTE.plusSeconds(5), 1, 2, 9);
    cw.putMetricData(b -> b.namespace("Shop").metricData(d -> d.metricName("Orders").dimensions(APP)
        .timestamp(MINUTE.plusSeconds(10)).unit("Count")
        .statisticValues(StatisticSet.builder().sampleCount(2.0).sum(8.0).minimum(3.0).maximum(5.0).build())));
    cw.putMetricData(b -> b.namespace("Shop").metricData(d -> d.metricName("Orders").dimensions(APP)
        .timestamp(MINUTE.plusSeconds(20)).unit("Count").values(10.0, 0.0).counts(1.0, 3.0)));

    GetMetricStatisticsResponse stats = cw.getMetricStatistics(b -> b.namespace("Shop").metricName("Orders")
        .dimensions(APP).startTime(MINUTE).endTime(MINUTE.plusSeconds(60)).period(60)
        .statistics(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.AVERAGE, Statistic.MINIMUM, Statistic.MAXIMUM));

    assertThat(stats.label()).isEqualTo("Orders");
    assertThat(stats.datapoints()).hasSize(1);
    Datapoint point = stats.datapoints().get(0);
    assertThat(point.timestamp()).isEqualTo(MINUTE);
    assertThat(point.sampleCount()).isEqualTo(9.0); // 3 values, a set of 2, 1 + 3 counted values
    assertThat(point.sum()).isEqualTo(30.0);
    assertThat(point.average()).isEqualTo(30.0 / 9);
    assertThat(point.minimum()).isEqualTo(0.0);
    assertThat(point.maximum()).isEqualTo(10.0);
    assertThat(point.unitAsString()).isEqualTo("Count");
  }

  @Test
  void aMetricIsItsNamespaceNameAndDimensions() {
    put("Orders", MINUTE, 1);
    cw.putMetricData(b -> b.namespace("Shop").metricData(d -> d.metricName("Orders").value(5.0)
        .timestamp(MINUTE)));

    assertThat(cw.listMetrics(b -> b.namespace("Shop")).metrics()).hasSize(2);
    assertThat(cw.listMetrics(b -> b.namespace("Shop").dimensions(f -> f.name("App").value("web"))).metrics())
        .singleElement().satisfies(m -> assertThat(m.dimensions()).containsExactly(APP));
    GetMetricStatisticsResponse withoutDimensions = cw.getMetricStatistics(b -> b.namespace("Shop")
        .metricName("Orders").startTime(MINUTE).endTime(MINUTE.plusSeconds(60)).period(60)
        .statistics(Statistic.SUM));
    assertThat(withoutDimensions.datapoints()).extracting(Datapoint::sum).containsExactly(5.0);
  }

  @Test
  void metricDataWithMathNewestFirst() {
    put("Orders", MINUTE, 4);
    put("Orders", MINUTE.plusSeconds(60), 6);
    put("Refunds", MINUTE, 1);
    put("Refunds", MINUTE.plusSeconds(60), 3);

    GetMetricDataResponse data = cw.getMetricData(b -> b.startTime(MINUTE).endTime(MINUTE.plusSeconds(120))
        .metricDataQueries(
            stat("orders", "Orders", false),
            stat("refunds", "Refunds", false),
            MetricDataQuery.builder().id("net").expression("orders - refunds").label("Net").build(),
            MetricDataQuery.builder().id("total").expression("SUM(METRICS())").build(),
            MetricDataQuery.builder().id("ratio").expression("refunds / orders * 100").build()));

    assertThat(data.metricDataResults()).extracting(MetricDataResult::id).containsExactly("net", "total", "ratio");
    MetricDataResult net = data.metricDataResults().get(0);
    assertThat(net.label()).isEqualTo("Net");
    assertThat(net.timestamps()).containsExactly(MINUTE.plusSeconds(60), MINUTE);
    assertThat(net.values()).containsExactly(3.0, 3.0);
    assertThat(net.statusCodeAsString()).isEqualTo("Complete");
    assertThat(data.metricDataResults().get(1).values()).containsExactly(9.0, 5.0);
    assertThat(data.metricDataResults().get(1).label()).isEqualTo("total");
    assertThat(data.metricDataResults().get(2).values()).containsExactly(50.0, 25.0);
  }

  static MetricDataQuery stat(String id, String name, boolean returnData) {
    return MetricDataQuery.builder().id(id).returnData(returnData).metricStat(s -> s.period(60).stat("Sum")
        .metric(m -> m.namespace("Shop").metricName(name).dimensions(APP))).build();
  }

  @Test
  void errorsAreCloudWatchs() {
    assertThatThrownBy(() -> cw.putMetricData(b -> b.namespace("AWS/ECS").metricData(d -> d.metricName("x")
        .value(1.0)))).isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The value AWS/ECS for parameter Namespace is not valid.");
        });
    assertThatThrownBy(() -> cw.putMetricData(b -> b.namespace("Shop").metricData(d -> d.metricName("x")
        .value(1.0).statisticValues(s -> s.sampleCount(1.0).sum(1.0).minimum(1.0).maximum(1.0)))))
        .isInstanceOf(InvalidParameterCombinationException.class)
        .hasMessageContaining("The parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues are "
            + "mutually exclusive and you have specified both.");
    assertThatThrownBy(() -> cw.getMetricStatistics(b -> b.namespace("Shop").metricName("Orders")
        .startTime(MINUTE.minusSeconds(86_400)).endTime(MINUTE).period(1).statistics(Statistic.SUM)))
        .isInstanceOf(InvalidParameterCombinationException.class)
        .hasMessageContaining("You have requested up to 86,400 datapoints, which exceeds the limit of 1,440.");
    assertThatThrownBy(() -> cw.getMetricStatistics(b -> b.namespace("Shop").metricName("Orders")
        .startTime(MINUTE).endTime(MINUTE).period(60).statistics(Statistic.SUM)))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("The parameter StartTime must be less than the parameter EndTime.");
    assertThatThrownBy(() -> cw.getMetricData(b -> b.startTime(MINUTE).endTime(MINUTE.plusSeconds(60))
        .metricDataQueries(MetricDataQuery.builder().id("e1").expression("nope * 2").build())))
        .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("Unrecognized metric or expression ID: nope");
  }

  @Test
  void validationErrorsNameMembersInLowerCamelCase() {
    assertThatThrownBy(() -> cw.putMetricData(b -> b.namespace("Shop").metricData(d -> d.metricName("")
        .value(1.0)))).isInstanceOfSatisfying(CloudWatchException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
          assertThat(e.awsErrorDetails().errorMessage()).contains("at 'metricData.1.member.metricName' failed to "
              + "satisfy constraint: Member must have length greater than or equal to 1");
        });
  }

  @Test
  void dataIsPerRegion() {
    put("Orders", MINUTE, 1);
    try (CloudWatchClient west = emulator.sdk(CloudWatchClient.builder(), software.amazon.awssdk.regions.Region.US_WEST_2,
        "test")) {
      assertThat(west.listMetrics(b -> b.namespace("Shop")).metrics()).isEmpty();
    }
    assertThat(cw.listMetrics(b -> b.namespace("Shop")).metrics()).extracting(m -> m.metricName())
        .isEqualTo(List.of("Orders"));
  }
}
