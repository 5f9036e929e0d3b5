package dev.ecsemulator.api.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.core.cloudwatch.CloudWatchKinds;
import dev.ecsemulator.core.state.StateStore;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Amazon CloudWatch (metrics and alarms) under the fuzz, in AWS JSON 1.0 (one of its model's three protocols): a
 * custom metric with data and an alarm on it; valid requests for its main operations, metric math among them
 * ({@link #EXPRESSIONS}, some that AWS refuses). Read back when every stored alarm is described and every stored metric
 * listed.
 */
final class CloudWatchFixture implements ServiceFixture {

  static final String NAMESPACE = "Fuzz";
  static final List<String> METRICS = List.of("Orders", "Latency");
  static final List<String> ALARMS = List.of("fuzz-alarm", "fuzz alarm/2");
  static final List<String> EXPRESSIONS = List.of("m1", "m1 + m2", "(m1 * 2) / m2", "SUM([m1, m2])", "AVG(METRICS())",
      "METRICS(\"Ord\")", "MAX(m1)", "m1 / 0", "((((m1))))", "m1 +", "UNKNOWN(m1)", "m3", "", "-m1", "1e400 * m1");
  static final List<String> STATISTICS = List.of("Average", "Sum", "SampleCount", "Minimum", "Maximum");

  private final ObjectMapper json = new ObjectMapper();
  private final Random random;

  CloudWatchFixture(NamePool names, Random random) {
    this.random = random;
    ALARMS.forEach(name -> names.add("alarm", name));
    METRICS.forEach(name -> names.add("metric", name));
    names.add("namespace", NAMESPACE);
  }

  @Override
  public List<Call> setUp() {
    return List.of(new Call("PutMetricData", putData().toString()), new Call("PutMetricAlarm", alarm().toString()));
  }

  @Override
  public ObjectNode seed(String operation) {
    return switch (operation) {
      case "PutMetricData" -> putData();
      case "PutMetricAlarm" -> alarm();
      case "GetMetricStatistics" -> {
        Instant now = Instant.now();
        ObjectNode request = metric(json.createObjectNode()).put("StartTime", now.minusSeconds(3600).getEpochSecond())
            .put("EndTime", now.getEpochSecond()).put("Period", List.of(1, 60, 300).get(random.nextInt(3)));
        request.putArray("Statistics").add(pick(STATISTICS));
        yield request;
      }
      case "GetMetricData" -> metricData();
      case "ListMetrics" -> json.createObjectNode().put("Namespace", NAMESPACE);
      case "DescribeAlarms" -> {
        ObjectNode request = json.createObjectNode();
        request.putArray("AlarmNames").add(pick(ALARMS));
        yield request;
      }
      case "DescribeAlarmHistory" -> json.createObjectNode().put("AlarmName", pick(ALARMS));
      case "SetAlarmState" -> json.createObjectNode().put("AlarmName", pick(ALARMS))
          .put("StateValue", pick(List.of("OK", "ALARM", "INSUFFICIENT_DATA"))).put("StateReason", "fuzz");
      default -> null;
    };
  }

  @Override
  public String kindOf(String member) {
    return switch (member) {
      case "AlarmName", "AlarmNames", "AlarmNamePrefix" -> "alarm";
      case "MetricName" -> "metric";
      case "Namespace" -> "namespace";
      default -> null;
    };
  }

  @Override
  public void checkReadable(StateStore store, WireClient client, List<String> failures) {
    Reads reads = new Reads(client, failures);
    store.read(EcsFixture.SCOPE, v -> v.list(CloudWatchKinds.ALARM)).forEach(a -> reads.expect200("DescribeAlarms",
        Reads.body("AlarmNames", List.of(a.alarmName()))));
    store.read(EcsFixture.SCOPE, v -> v.list(CloudWatchKinds.METRIC)).forEach(m -> reads.expect200("ListMetrics",
        Reads.body("Namespace", m.namespace(), "MetricName", m.metricName())));
  }

  private ObjectNode metric(ObjectNode request) {
    request.put("Namespace", NAMESPACE).put("MetricName", pick(METRICS))
        .putArray("Dimensions").addObject().put("Name", "App").put("Value", "fuzz");
    return request;
  }

  private ObjectNode putData() {
    ObjectNode request = json.createObjectNode().put("Namespace", NAMESPACE);
    ArrayNode data = request.putArray("MetricData");
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      ObjectNode datum = data.addObject().put("MetricName", pick(METRICS))
          .put("Timestamp", Instant.now().minusSeconds(random.nextInt(600)).getEpochSecond())
          .put("StorageResolution", random.nextBoolean() ? 1 : 60);
      datum.putArray("Dimensions").addObject().put("Name", "App").put("Value", "fuzz");
      if (random.nextBoolean()) {
        datum.put("Value", random.nextDouble() * 100);
      } else {
        datum.putObject("StatisticValues").put("SampleCount", 3).put("Sum", 30).put("Minimum", 5).put("Maximum", 15);
      }
    }
    return request;
  }

  private ObjectNode alarm() {
    ObjectNode request = metric(json.createObjectNode()).put("AlarmName", pick(ALARMS)).put("Statistic",
        pick(STATISTICS)).put("Period", List.of(10, 30, 60).get(random.nextInt(3)))
        .put("EvaluationPeriods", 1 + random.nextInt(5)).put("Threshold", random.nextInt(100))
        .put("ComparisonOperator", pick(List.of("GreaterThanThreshold", "LessThanThreshold",
            "GreaterThanOrEqualToThreshold", "LessThanOrEqualToThreshold")))
        .put("TreatMissingData", pick(List.of("missing", "ignore", "breaching", "notBreaching")));
    return request.put("DatapointsToAlarm", 1 + random.nextInt(request.path("EvaluationPeriods").asInt()));
  }

  private ObjectNode metricData() {
    Instant now = Instant.now();
    ObjectNode request = json.createObjectNode().put("StartTime", now.minusSeconds(3600).getEpochSecond())
        .put("EndTime", now.getEpochSecond());
    ArrayNode queries = request.putArray("MetricDataQueries");
    for (String id : List.of("m1", "m2")) {
      ObjectNode stat = queries.addObject().put("Id", id).put("ReturnData", false).putObject("MetricStat")
          .put("Period", 60).put("Stat", pick(STATISTICS));
      metric(stat.putObject("Metric"));
    }
    queries.addObject().put("Id", "e1").put("Expression", pick(EXPRESSIONS));
    return request;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
