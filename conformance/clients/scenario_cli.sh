#!/usr/bin/env bash
# The conformance scenario through an AWS CLI (see conformance/README.md): $AWS_CLI is the command (Debian's CLI v2
# /usr/bin/aws, or v1 as `python3 -m awscli`). Endpoint: --endpoint-url $SCENARIO_ENDPOINT if set, else what the CLI
# reads from the environment (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_ECS: v1 1.45 honours them, Debian's v2 2.9 does not).
# `aws ecs wait services-stable` polls every 15 s, so the script first polls DescribeServices itself each second
# until stable, then runs the waiter, whose first poll then succeeds: its acceptors are checked, not its delay.
# Exits non-zero at the first difference from ECS's documented behaviour.
set -euo pipefail
read -r -a cli <<<"${AWS_CLI:-aws}"
ecs() {
  if [ -n "${SCENARIO_ENDPOINT:-}" ]; then "${cli[@]}" --endpoint-url "$SCENARIO_ENDPOINT" ecs "$@"; else "${cli[@]}" ecs "$@"; fi
}
CLUSTER=conf-$SCENARIO_ID FAMILY=web-$SCENARIO_ID

check() { # check WHAT ACTUAL EXPECTED
  if [ "$2" != "$3" ]; then echo "FAILED: $1: got '$2', expected '$3'" >&2; exit 1; fi
  echo "ok $1"
}
expect_error() { # expect_error CODE ARGS...
  local code=$1 out
  shift
  if out=$(ecs "$@" 2>&1); then echo "FAILED: $* succeeded, expected $code" >&2; exit 1; fi
  case "$out" in *"An error occurred ($code)"*) echo "ok $* raises $code" ;;
    *) echo "FAILED: $* raised something else than $code: $out" >&2; exit 1 ;; esac
}
container() {
  echo '[{"name":"app","image":"'"$1"'","memory":64,"essential":true,"portMappings":[{"containerPort":8080,"protocol":"tcp"}],
    "healthCheck":{"command":["CMD-SHELL","wget -q -O- http://localhost:8080/health || exit 1"],"interval":5,"timeout":2,"retries":2}}]'
}
wait_stable() {
  for _ in $(seq 1 120); do
    [ "$(ecs describe-services --cluster "$CLUSTER" --services svc \
        --query 'services[0].[length(deployments), runningCount == desiredCount]' --output text)" = "1	True" ] && break
    sleep 1
  done
  ecs wait services-stable --cluster "$CLUSTER" --services svc
}

check create-cluster "$(ecs create-cluster --cluster-name "$CLUSTER" --tags key=team,value=blue \
    --query 'cluster.[clusterName,status]' --output text)" "$CLUSTER	ACTIVE"
check "register-task-definition: revision 1" "$(ecs register-task-definition --family "$FAMILY" \
    --container-definitions "$(container ecs-emulator/sample-web:1)" --query taskDefinition.revision --output text)" 1
check "describe-task-definition: the registration round-trips" "$(ecs describe-task-definition --task-definition "$FAMILY" \
    --query 'taskDefinition.[family,status,revision,containerDefinitions[0].image,containerDefinitions[0].memory,containerDefinitions[0].portMappings[0].containerPort,containerDefinitions[0].portMappings[0].hostPort,containerDefinitions[0].portMappings[0].protocol,containerDefinitions[0].healthCheck.interval,containerDefinitions[0].healthCheck.retries]' \
    --output text)" "$FAMILY	ACTIVE	1	ecs-emulator/sample-web:1	64	8080	0	tcp	5	2"

ecs create-service --cluster "$CLUSTER" --service-name svc --task-definition "$FAMILY" --desired-count 2 \
    --deployment-configuration minimumHealthyPercent=100,maximumPercent=200 >/dev/null
wait_stable
check "services-stable waiter: 2 running" "$(ecs describe-services --cluster "$CLUSTER" --services svc \
    --query 'services[0].[runningCount,length(deployments)]' --output text)" "2	1"

ecs register-task-definition --family "$FAMILY" --container-definitions "$(container ecs-emulator/sample-web:2)" >/dev/null
ecs update-service --cluster "$CLUSTER" --service svc --task-definition "$FAMILY:2" >/dev/null
wait_stable
check "rolling update to revision 2 is stable" "$(ecs describe-services --cluster "$CLUSTER" --services svc \
    --query 'services[0].[ends_with(taskDefinition, `:2`),runningCount,length(deployments)]' --output text)" "True	2	1"

# --page-size 1: the CLI pages through ListTaskDefinitions/ListTasks one item a call (text output: a page a line).
definitions=$(ecs list-task-definitions --family-prefix "$FAMILY" --page-size 1 --query 'taskDefinitionArns[]' \
    --output text | sed 's|.*/||' | tr '\n' ' ')
check "list-task-definitions paginated" "$definitions" "$FAMILY:1 $FAMILY:2 "
tasks=$(ecs list-tasks --cluster "$CLUSTER" --service-name svc --page-size 1 --query 'taskArns[]' --output text)
check "list-tasks paginated: 2 tasks" "$(wc -w <<<"$tasks" | tr -d ' ')" 2
# shellcheck disable=SC2086
check "the service's tasks run revision 2" "$(ecs describe-tasks --cluster "$CLUSTER" --tasks $tasks \
    --query 'tasks[].containers[0].image' --output text)" "ecs-emulator/sample-web:2	ecs-emulator/sample-web:2"

expect_error ClusterNotFoundException describe-services --cluster "missing-$SCENARIO_ID" --services svc
expect_error ServiceNotFoundException update-service --cluster "$CLUSTER" --service missing --desired-count 1
expect_error ClientException describe-task-definition --task-definition "missing-$SCENARIO_ID"

arn=$(ecs describe-clusters --clusters "$CLUSTER" --query 'clusters[0].clusterArn' --output text)
ecs tag-resource --resource-arn "$arn" --tags key=env,value=test
check "tag-resource, list-tags-for-resource" "$(ecs list-tags-for-resource --resource-arn "$arn" \
    --query 'tags[].[key,value]' --output text | sort | tr '\n' ' ')" "env	test team	blue "
ecs untag-resource --resource-arn "$arn" --tag-keys team
check untag-resource "$(ecs list-tags-for-resource --resource-arn "$arn" --query 'tags[].[key,value]' --output text)" \
    "env	test"

check "delete-service --force: DRAINING" "$(ecs delete-service --cluster "$CLUSTER" --service svc --force \
    --query 'service.[status,desiredCount]' --output text)" "DRAINING	0"
echo "scenario passed"
