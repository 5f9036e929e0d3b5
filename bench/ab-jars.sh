#!/usr/bin/env bash
# A/B of two builds of the emulator jar in one run, for checking a performance fix on a noisy shared machine:
# both jars run side by side; each gets 45 s of warm-up load (AB_WARMUP_S: on a heavily loaded machine the JIT may
# need more), then DescribeTaskDefinition (or AB_OPERATION=RegisterTaskDefinition: the API benchmark's definition, a
# new revision per request, on the default durable store) at 1 and 16 connections (AB_CONNECTIONS="1 16 64" to
# change) is measured for 10 s per jar, alternating, ROUNDS times. Prints throughput, latency and the server's CPU
# time per request (from /proc) for every run. Needs bench/target/ecs-emulator-bench.jar (bin/bench or
# `mvn -DskipTests package -pl bench -am` builds it). Loopback only; every process it starts is stopped at exit.
# Usage: [AB_OPERATION=RegisterTaskDefinition] [AB_CONNECTIONS="1 16"] [AB_WARMUP_S=45] \
#          bench/ab-jars.sh BEFORE.jar AFTER.jar [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench_jar=$root/bench/target/ecs-emulator-bench.jar
before=${1:?usage: ab-jars.sh BEFORE.jar AFTER.jar [ROUNDS]}
after=${2:?usage: ab-jars.sh BEFORE.jar AFTER.jar [ROUNDS]}
rounds=${3:-5}
operation=${AB_OPERATION:-DescribeTaskDefinition}
connections=${AB_CONNECTIONS:-1 16}
warmup=${AB_WARMUP_S:-45}
work=$(mktemp -d)
auth='AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=00'
echo '{"taskDefinition":"bench-describe"}' >"$work/request.json"
td='{"family":"bench-describe","networkMode":"bridge","requiresCompatibilities":["EC2"],"cpu":"256","memory":"128",'
td+='"containerDefinitions":[{"name":"web","image":"ecs-emulator/sample-web:1","essential":true,"memoryReservation":64,'
td+='"portMappings":[{"containerPort":8080,"hostPort":0,"protocol":"tcp"}],"environment":[{"name":"APP_ENV",'
td+='"value":"bench"},{"name":"LOG_LEVEL","value":"info"}],"healthCheck":{"command":["CMD-SHELL",'
td+='"wget -q -O- http://localhost:8080/health || exit 1"],"interval":5,"timeout":2,"retries":3,"startPeriod":0}}]}'
case "$operation" in
  DescribeTaskDefinition) ;;
  RegisterTaskDefinition) echo "${td/bench-describe/bench-register}" >"$work/request.json" ;;
  *) echo "AB_OPERATION: DescribeTaskDefinition or RegisterTaskDefinition" >&2; exit 2 ;;
esac

declare -A pid port
cleanup() { for v in before after; do [ -n "${pid[$v]:-}" ] && kill "${pid[$v]}" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
for v in before after; do
  jar=$before; [ "$v" = after ] && jar=$after
  java -jar "$jar" --port 0 --data-dir "$work/$v" >"$work/$v.log" 2>&1 &
  pid[$v]=$!
done
for v in before after; do
  for _ in $(seq 1 600); do grep -q ' ready at ' "$work/$v.log" && break; sleep 0.2; done
  port[$v]=$(sed -n 's/.*ready at http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/$v.log")
  curl -sf -o /dev/null -H "Authorization: $auth" \
    -H 'X-Amz-Target: AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition' -d "$td" "http://127.0.0.1:${port[$v]}/"
done

run() { # run NAME CONNECTIONS SECONDS
  local p=${pid[$1]} a b out
  a=$(awk '{print $14 + $15}' "/proc/$p/stat")
  out=$(java -cp "$bench_jar" dev.ecsemulator.bench.load.LoadGenerator --host 127.0.0.1 --port "${port[$1]}" \
    --api ecs --operation "$operation" --body-file "$work/request.json" --connections "$2" --warm-up-ms 0 \
    --duration-ms $(($3 * 1000)) | tail -n 1)
  b=$(awk '{print $14 + $15}' "/proc/$p/stat")
  python3 -c "import json, sys; d = json.loads(sys.argv[1]); print('%-6s c=%-2s %8.0f req/s  p50 %6.3f ms  p99 %7.2f ms  cpu %5.0f us/req' % (sys.argv[2], sys.argv[3], d['throughput'], d['p50Micros'] / 1000, d['p99Micros'] / 1000, (int(sys.argv[5]) - int(sys.argv[4])) * 10000 / d['exchanges']))" "$out" "$1" "$2" "$a" "$b"
}
for v in before after; do run "$v" 16 "$warmup" >/dev/null; done
echo "warmed up; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  for c in $connections; do
    if [ $((round % 2)) = 1 ]; then run before "$c" 10; run after "$c" 10; else run after "$c" 10; run before "$c" 10; fi
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
