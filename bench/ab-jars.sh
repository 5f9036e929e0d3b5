#!/usr/bin/env bash
# A/B of two builds of the emulator jar in one run, for checking a performance fix on a noisy shared machine:
# both jars run side by side; each gets AB_WARM_UP (default 45) s of warm-up load (on a heavily loaded machine the JIT
# may need more), then the operation at 1 and 16 connections (AB_CONNECTIONS="1 16 64" to change) is measured for
# 10 s per jar, alternating, ROUNDS times. Prints throughput, latency and the server's CPU time per request (from
# /proc) for every run. The operation is DescribeTaskDefinition; with AB_OPERATION=RegisterTaskDefinition the API
# benchmark's definition, a new revision per request, on the default durable store; with AB_OPERATION=DescribeTasks
# the DescribeTasks of one RUNNING task (the launch benchmark's polled request; each jar runs one task of
# ecs-emulator/sample-web:1, removed at exit). Needs bench/target/ecs-emulator-bench.jar (bin/bench or
# `mvn -DskipTests package -pl bench -am` builds it). Loopback only; every process it starts is stopped at exit.
# AB_WARM_UP (or AB_WARMUP_S): seconds of warm-up load per jar (0 measures the JIT-cold path from the first round).
# AB_PACE_MS: instead, one connection sends the request every AB_PACE_MS ms (a client polling, as the launch
# benchmark's SDK does at 10 ms); with AB_WARM_UP=0 from a fresh JVM, the cost of polling as a launch meets it.
# AB_JAVA_OPTS are given to both JVMs (e.g. -XX:StartFlightRecording:filename=DIR/ for a profile of each).
# AB_AFTER_JAVA_OPTS are given to the second JVM only: an A/B of JVM options (the same jar twice).
# Usage: [AB_OPERATION=DescribeTasks|RegisterTaskDefinition] [AB_CONNECTIONS="1 16"] [AB_WARM_UP=45] \
#          [AB_JAVA_OPTS=...] bench/ab-jars.sh BEFORE.jar AFTER.jar [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench_jar=$root/bench/target/ecs-emulator-bench.jar
before=${1:?usage: ab-jars.sh BEFORE.jar AFTER.jar [ROUNDS]}
after=${2:?usage: ab-jars.sh BEFORE.jar AFTER.jar [ROUNDS]}
rounds=${3:-5}
operation=${AB_OPERATION:-DescribeTaskDefinition}
connections=${AB_CONNECTIONS:-1 16}
work=$(mktemp -d)
auth='AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=00'
td='{"family":"bench-describe","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"256","memory":"128",'
td+='"containerDefinitions":[{"name":"web","image":"ecs-emulator/sample-web:1","essential":true,"memoryReservation":64,'
td+='"portMappings":[{"containerPort":8080,"hostPort":0,"protocol":"tcp"}],"environment":[{"name":"APP_ENV",'
td+='"value":"bench"},{"name":"LOG_LEVEL","value":"info"}],"healthCheck":{"command":["CMD-SHELL",'
td+='"wget -q -O- http://localhost:8080/health || exit 1"],"interval":5,"timeout":2,"retries":3,"startPeriod":0}}]}'
case "$operation" in
  DescribeTaskDefinition | DescribeTasks) ;;
  RegisterTaskDefinition) echo "${td/bench-describe/bench-register}" >"$work/request.json" ;;
  *) echo "AB_OPERATION: DescribeTaskDefinition, DescribeTasks or RegisterTaskDefinition" >&2; exit 2 ;;
esac

declare -A pid port
declare -A task
cleanup() {
  for v in before after; do
    [ -n "${pid[$v]:-}" ] && kill "${pid[$v]}" 2>/dev/null && wait "${pid[$v]}" 2>/dev/null || true
    # An emulator leaves its tasks running when it stops (for the next start to adopt): remove our task's container.
    if [ -n "${task[$v]:-}" ]; then
      docker ps -aq --filter label=ecs-emulator.managed=true --filter "label=com.amazonaws.ecs.task-arn=${task[$v]}" |
        xargs -r docker rm -f >/dev/null || true
    fi
  done
  rm -rf "$work"
}
ecs() { # ecs VARIANT OPERATION BODY: one request, the answer on stdout
  curl -sf -H "Authorization: $auth" -H "X-Amz-Target: AmazonEC2ContainerServiceV20141113.$2" -d "$3" \
    "http://127.0.0.1:${port[$1]}/"
}
trap cleanup EXIT
for v in before after; do
  jar=$before; [ "$v" = after ] && jar=$after
  extra=; [ "$v" = after ] && extra=${AB_AFTER_JAVA_OPTS:-}
  # shellcheck disable=SC2086
  java ${AB_JAVA_OPTS:-} $extra -jar "$jar" --port 0 --data-dir "$work/$v" >"$work/$v.log" 2>&1 &
  pid[$v]=$!
done
for v in before after; do
  for _ in $(seq 1 600); do grep -q ' ready at ' "$work/$v.log" && break; sleep 0.2; done
  port[$v]=$(sed -n 's/.*ready at http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/$v.log")
  ecs "$v" RegisterTaskDefinition "$td" >/dev/null
  if [ "$operation" = DescribeTasks ]; then
    ecs "$v" CreateCluster '{"clusterName":"bench-ab"}' >/dev/null
    arn=$(ecs "$v" RunTask '{"cluster":"bench-ab","taskDefinition":"bench-describe","launchType":"EC2"}' |
      python3 -c 'import json, sys; print(json.load(sys.stdin)["tasks"][0]["taskArn"])')
    task[$v]=$arn
    for _ in $(seq 1 600); do
      ecs "$v" DescribeTasks "{\"cluster\":\"bench-ab\",\"tasks\":[\"$arn\"]}" | grep -q '"lastStatus":"RUNNING"' && break
      sleep 0.2
    done
    echo "{\"cluster\":\"bench-ab\",\"tasks\":[\"$arn\"]}" >"$work/$v.request.json"
  elif [ "$operation" = RegisterTaskDefinition ]; then
    cp "$work/request.json" "$work/$v.request.json"
  else
    echo '{"taskDefinition":"bench-describe"}' >"$work/$v.request.json"
  fi
done

# One keep-alive connection sending the request every AB_PACE_MS ms for SECONDS: a client polling as the launch
# benchmark's SDK does. Prints a line shaped like the load generator's.
paced() { # paced NAME SECONDS
  python3 - "${port[$1]}" "$operation" "$work/$1.request.json" "$AB_PACE_MS" "$2" "$auth" <<'PY'
import http.client, json, sys, time
port, operation, body_file, pace_ms, seconds, auth = sys.argv[1:]
body = open(body_file, 'rb').read()
headers = {'Authorization': auth, 'X-Amz-Target': 'AmazonEC2ContainerServiceV20141113.' + operation,
           'Content-Type': 'application/x-amz-json-1.1'}
conn = http.client.HTTPConnection('127.0.0.1', int(port))
latencies, end, due = [], time.monotonic() + float(seconds), time.monotonic()
while time.monotonic() < end:
    begin = time.monotonic()
    conn.request('POST', '/', body, headers)
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        sys.exit('answer %d' % response.status)
    latencies.append(time.monotonic() - begin)
    due += float(pace_ms) / 1000
    time.sleep(max(0.0, due - time.monotonic()))
latencies.sort()
print(json.dumps({'throughput': len(latencies) / float(seconds), 'exchanges': len(latencies),
                  'p50Micros': latencies[len(latencies) // 2] * 1e6, 'p99Micros': latencies[len(latencies) * 99 // 100] * 1e6}))
PY
}
run() { # run NAME CONNECTIONS SECONDS (CONNECTIONS "paced": see paced)
  local p=${pid[$1]} a b out
  a=$(awk '{print $14 + $15}' "/proc/$p/stat")
  if [ "$2" = paced ]; then
    out=$(paced "$1" "$3")
  else
    out=$(java -cp "$bench_jar" dev.ecsemulator.bench.load.LoadGenerator --host 127.0.0.1 --port "${port[$1]}" \
      --api ecs --operation "$operation" --body-file "$work/$1.request.json" --connections "$2" --warm-up-ms 0 \
      --duration-ms $(($3 * 1000)) | tail -n 1)
  fi
  b=$(awk '{print $14 + $15}' "/proc/$p/stat")
  python3 -c "import json, sys; d = json.loads(sys.argv[1]); print('%-6s c=%-6s %8.0f req/s  p50 %6.3f ms  p99 %7.2f ms  cpu %5.0f us/req' % (sys.argv[2], sys.argv[3], d['throughput'], d['p50Micros'] / 1000, d['p99Micros'] / 1000, (int(sys.argv[5]) - int(sys.argv[4])) * 10000 / d['exchanges']))" "$out" "$1" "$2" "$a" "$b"
}
warm_up=${AB_WARM_UP:-${AB_WARMUP_S:-45}}
if [ "$warm_up" -gt 0 ]; then for v in before after; do run "$v" 16 "$warm_up" >/dev/null; done; fi
echo "$operation: warmed up; load average $(cut -d' ' -f1-3 /proc/loadavg)"
levels=$connections
[ -n "${AB_PACE_MS:-}" ] && levels=paced
for round in $(seq 1 "$rounds"); do
  for c in $levels; do
    if [ $((round % 2)) = 1 ]; then run before "$c" 10; run after "$c" 10; else run after "$c" 10; run before "$c" 10; fi
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
