"""CloudWatch (Smithy RPC v2 CBOR in boto3 1.43) and Application Auto Scaling through boto3, against the endpoint
given as the first argument. Prints one JSON object of what it saw, for CloudWatchCliIT to check."""
import datetime
import json
import sys

import boto3
import botocore.exceptions

endpoint = sys.argv[1]
session = boto3.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
cw = session.client("cloudwatch", endpoint_url=endpoint)
aas = session.client("application-autoscaling", endpoint_url=endpoint)
seen = {"protocol": cw.meta.service_model.protocol}

minute = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0) - datetime.timedelta(minutes=5)
cw.put_metric_data(Namespace="Py", MetricData=[
    {"MetricName": "Orders", "Dimensions": [{"Name": "App", "Value": "web"}], "Timestamp": minute, "Value": 2.0,
     "Unit": "Count"},
    {"MetricName": "Orders", "Dimensions": [{"Name": "App", "Value": "web"}], "Timestamp": minute,
     "Values": [4.0, 6.0], "Counts": [1.0, 1.0], "Unit": "Count"}])
stats = cw.get_metric_statistics(Namespace="Py", MetricName="Orders", Dimensions=[{"Name": "App", "Value": "web"}],
                                 StartTime=minute, EndTime=minute + datetime.timedelta(minutes=1), Period=60,
                                 Statistics=["Sum", "SampleCount", "Maximum"])
point = stats["Datapoints"][0]
seen["stats"] = {"Sum": point["Sum"], "SampleCount": point["SampleCount"], "Maximum": point["Maximum"],
                 "Timestamp": point["Timestamp"].isoformat(), "Label": stats["Label"]}
data = cw.get_metric_data(StartTime=minute, EndTime=minute + datetime.timedelta(minutes=1), MetricDataQueries=[
    {"Id": "o", "ReturnData": False, "MetricStat": {"Metric": {"Namespace": "Py", "MetricName": "Orders",
     "Dimensions": [{"Name": "App", "Value": "web"}]}, "Period": 60, "Stat": "Sum"}},
    {"Id": "double", "Expression": "o * 2"}])
seen["data"] = data["MetricDataResults"][0]["Values"]
seen["metrics"] = [m["MetricName"] for m in cw.list_metrics(Namespace="Py")["Metrics"]]

cw.put_metric_alarm(AlarmName="py-alarm", Namespace="Py", MetricName="Orders", Statistic="Sum", Period=60,
                    EvaluationPeriods=1, Threshold=5.0, ComparisonOperator="GreaterThanThreshold")
cw.set_alarm_state(AlarmName="py-alarm", StateValue="ALARM", StateReason="from boto3")
alarm = cw.describe_alarms(AlarmNames=["py-alarm"])["MetricAlarms"][0]
seen["alarm"] = {"StateValue": alarm["StateValue"], "StateReason": alarm["StateReason"],
                 "updated": isinstance(alarm["StateUpdatedTimestamp"], datetime.datetime)}
seen["history"] = [h["HistorySummary"] for h in cw.describe_alarm_history(AlarmName="py-alarm")["AlarmHistoryItems"]]
try:
    cw.set_alarm_state(AlarmName="nope", StateValue="OK", StateReason="x")
except botocore.exceptions.ClientError as e:
    seen["error"] = {"Code": e.response["Error"]["Code"], "Status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
try:
    cw.put_metric_data(Namespace="AWS/ECS", MetricData=[{"MetricName": "x", "Value": 1.0}])
except botocore.exceptions.ClientError as e:
    seen["reserved"] = {"Code": e.response["Error"]["Code"], "Message": e.response["Error"]["Message"],
                        "modelled": type(e).__name__}
cw.delete_alarms(AlarmNames=["py-alarm"])

aas.register_scalable_target(ServiceNamespace="ecs", ScalableDimension="ecs:service:DesiredCount",
                             ResourceId="service/shop/web", MinCapacity=1, MaxCapacity=4)
policy = aas.put_scaling_policy(PolicyName="cpu", ServiceNamespace="ecs", ScalableDimension="ecs:service:DesiredCount",
                                ResourceId="service/shop/web", PolicyType="TargetTrackingScaling",
                                TargetTrackingScalingPolicyConfiguration={"TargetValue": 40.0,
                                    "PredefinedMetricSpecification": {
                                        "PredefinedMetricType": "ECSServiceAverageCPUUtilization"}})
seen["policyAlarms"] = sorted(a["AlarmName"].split("-Alarm")[1].split("-")[0] for a in policy["Alarms"])
targets = aas.describe_scalable_targets(ServiceNamespace="ecs")["ScalableTargets"]
seen["target"] = {"MaxCapacity": targets[0]["MaxCapacity"],
                  "created": isinstance(targets[0]["CreationTime"], datetime.datetime)}
aas.deregister_scalable_target(ServiceNamespace="ecs", ScalableDimension="ecs:service:DesiredCount",
                               ResourceId="service/shop/web")
print(json.dumps(seen))
