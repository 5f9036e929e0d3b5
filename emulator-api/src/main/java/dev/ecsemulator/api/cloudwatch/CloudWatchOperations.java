package dev.ecsemulator.api.cloudwatch;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.cloudwatch.CloudWatch;
import dev.ecsemulator.core.cloudwatch.model.DeleteAlarmsInput;
import dev.ecsemulator.core.cloudwatch.model.DescribeAlarmHistoryInput;
import dev.ecsemulator.core.cloudwatch.model.DescribeAlarmsForMetricInput;
import dev.ecsemulator.core.cloudwatch.model.DescribeAlarmsInput;
import dev.ecsemulator.core.cloudwatch.model.DisableAlarmActionsInput;
import dev.ecsemulator.core.cloudwatch.model.EnableAlarmActionsInput;
import dev.ecsemulator.core.cloudwatch.model.GetMetricDataInput;
import dev.ecsemulator.core.cloudwatch.model.GetMetricStatisticsInput;
import dev.ecsemulator.core.cloudwatch.model.ListMetricsInput;
import dev.ecsemulator.core.cloudwatch.model.PutMetricAlarmInput;
import dev.ecsemulator.core.cloudwatch.model.PutMetricDataInput;
import dev.ecsemulator.core.cloudwatch.model.SetAlarmStateInput;

/** The CloudWatch operations of the dispatch table: one core call each. */
final class CloudWatchOperations {

  private CloudWatchOperations() {}

  static void register(OperationTable table, CloudWatch cw) {
    table.register("PutMetricData", PutMetricDataInput.class, (ctx, req) -> {
      cw.metrics().put(ctx.scope(), req);
      return null;
    });
    table.register("GetMetricStatistics", GetMetricStatisticsInput.class,
        (ctx, req) -> cw.metricQueries().statistics(ctx.scope(), req));
    table.register("GetMetricData", GetMetricDataInput.class, (ctx, req) -> cw.metricQueries().data(ctx.scope(), req));
    table.register("ListMetrics", ListMetricsInput.class, (ctx, req) -> cw.metricQueries().list(ctx.scope(), req));
    table.register("PutMetricAlarm", PutMetricAlarmInput.class, (ctx, req) -> {
      cw.alarms().put(ctx.scope(), req);
      return null;
    });
    table.register("DescribeAlarms", DescribeAlarmsInput.class,
        (ctx, req) -> cw.alarmQueries().describe(ctx.scope(), req));
    table.register("DescribeAlarmsForMetric", DescribeAlarmsForMetricInput.class,
        (ctx, req) -> cw.alarmQueries().forMetric(ctx.scope(), req));
    table.register("DescribeAlarmHistory", DescribeAlarmHistoryInput.class,
        (ctx, req) -> cw.alarmQueries().history(ctx.scope(), req));
    table.register("DeleteAlarms", DeleteAlarmsInput.class, (ctx, req) -> {
      cw.alarms().delete(ctx.scope(), req.alarmNames());
      return null;
    });
    table.register("SetAlarmState", SetAlarmStateInput.class, (ctx, req) -> {
      cw.alarms().setState(ctx.scope(), req);
      return null;
    });
    table.register("EnableAlarmActions", EnableAlarmActionsInput.class, (ctx, req) -> {
      cw.alarms().setActionsEnabled(ctx.scope(), req.alarmNames(), true);
      return null;
    });
    table.register("DisableAlarmActions", DisableAlarmActionsInput.class, (ctx, req) -> {
      cw.alarms().setActionsEnabled(ctx.scope(), req.alarmNames(), false);
      return null;
    });
  }
}
