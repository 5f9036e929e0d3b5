"""The conformance scenario through boto3 (see conformance/README.md). Endpoint: SCENARIO_ENDPOINT if set, else
whatever the SDK reads from the environment (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_ECS). Exits non-zero at the first
difference from ECS's documented behaviour."""
import os
import sys

import boto3

ID = os.environ["SCENARIO_ID"]
ENDPOINT = os.environ.get("SCENARIO_ENDPOINT") or None
CLUSTER, FAMILY = "conf-" + ID, "web-" + ID
FAST = {"Delay": 1, "MaxAttempts": 120}


def check(ok, what):
    if not ok:
        print("FAILED: " + what, file=sys.stderr)
        sys.exit(1)
    print("ok " + what)


def expect_error(code, call, **kwargs):
    try:
        call(**kwargs)
    except ecs.exceptions.ClientError as e:
        check(e.response["Error"]["Code"] == code and type(e).__name__ == code,
              "%s raises %s (got %s)" % (call.__name__, code, e.response["Error"]["Code"]))
        return
    check(False, "%s raises %s" % (call.__name__, code))


def container(image):
    return {"name": "app", "image": image, "memory": 64, "essential": True,
            "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
            "healthCheck": {"command": ["CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1"],
                            "interval": 5, "timeout": 2, "retries": 2}}


ecs = boto3.client("ecs", endpoint_url=ENDPOINT)

cluster = ecs.create_cluster(clusterName=CLUSTER, tags=[{"key": "team", "value": "blue"}])["cluster"]
check(cluster["clusterName"] == CLUSTER and cluster["status"] == "ACTIVE", "create_cluster")

registered = ecs.register_task_definition(family=FAMILY, containerDefinitions=[container("ecs-emulator/sample-web:1")])
check(registered["taskDefinition"]["revision"] == 1, "register_task_definition: revision 1")
described = ecs.describe_task_definition(taskDefinition=FAMILY)["taskDefinition"]
app = described["containerDefinitions"][0]
check(described["family"] == FAMILY and described["status"] == "ACTIVE" and described["revision"] == 1
      and app["image"] == "ecs-emulator/sample-web:1" and app["memory"] == 64
      and app["portMappings"][0] == {"containerPort": 8080, "hostPort": 0, "protocol": "tcp"}
      and app["healthCheck"]["interval"] == 5 and app["healthCheck"]["retries"] == 2,
      "describe_task_definition: the registration round-trips")

ecs.create_service(cluster=CLUSTER, serviceName="svc", taskDefinition=FAMILY, desiredCount=2,
                   deploymentConfiguration={"minimumHealthyPercent": 100, "maximumPercent": 200})
ecs.get_waiter("services_stable").wait(cluster=CLUSTER, services=["svc"], WaiterConfig=FAST)
service = ecs.describe_services(cluster=CLUSTER, services=["svc"])["services"][0]
check(service["runningCount"] == 2 and len(service["deployments"]) == 1, "services_stable waiter: 2 running")

ecs.register_task_definition(family=FAMILY, containerDefinitions=[container("ecs-emulator/sample-web:2")])
ecs.update_service(cluster=CLUSTER, service="svc", taskDefinition=FAMILY + ":2")
ecs.get_waiter("services_stable").wait(cluster=CLUSTER, services=["svc"], WaiterConfig=FAST)
service = ecs.describe_services(cluster=CLUSTER, services=["svc"])["services"][0]
check(service["taskDefinition"].endswith("/" + FAMILY + ":2") and service["runningCount"] == 2
      and len(service["deployments"]) == 1, "rolling update to revision 2 is stable")

pages = ecs.get_paginator("list_task_definitions").paginate(familyPrefix=FAMILY, PaginationConfig={"PageSize": 1})
arns = [arn for page in pages for arn in page["taskDefinitionArns"]]
check([a.rsplit("/", 1)[1] for a in arns] == [FAMILY + ":1", FAMILY + ":2"], "list_task_definitions paginator")
pages = ecs.get_paginator("list_tasks").paginate(cluster=CLUSTER, serviceName="svc", PaginationConfig={"PageSize": 1})
tasks = [arn for page in pages for arn in page["taskArns"]]
check(len(tasks) == 2, "list_tasks paginator: 2 tasks")
described = ecs.describe_tasks(cluster=CLUSTER, tasks=tasks)["tasks"]
check(all(t["taskDefinitionArn"].endswith(":2") and t["containers"][0]["image"] == "ecs-emulator/sample-web:2"
          for t in described), "the service's tasks run revision 2")

expect_error("ClusterNotFoundException", ecs.describe_services, cluster="missing-" + ID, services=["svc"])
expect_error("ServiceNotFoundException", ecs.update_service, cluster=CLUSTER, service="missing", desiredCount=1)
expect_error("ClientException", ecs.describe_task_definition, taskDefinition="missing-" + ID)

arn = cluster["clusterArn"]
ecs.tag_resource(resourceArn=arn, tags=[{"key": "env", "value": "test"}])
tags = {t["key"]: t["value"] for t in ecs.list_tags_for_resource(resourceArn=arn)["tags"]}
check(tags == {"team": "blue", "env": "test"}, "tag_resource, list_tags_for_resource")
ecs.untag_resource(resourceArn=arn, tagKeys=["team"])
check(ecs.list_tags_for_resource(resourceArn=arn)["tags"] == [{"key": "env", "value": "test"}], "untag_resource")

deleted = ecs.delete_service(cluster=CLUSTER, service="svc", force=True)["service"]
check(deleted["status"] == "DRAINING" and deleted["desiredCount"] == 0, "delete_service --force: DRAINING")
print("scenario passed")
