#!/usr/bin/env bash
# Reproduces the measurements of docs/durability.md: the state store alone (JMH) and writes through HTTP.
# Usage: tools/bench/durability.sh [store|http|ops|all] [extra JMH or harness arguments]
#   tools/bench/durability.sh store            # JMH: memory vs durable, 1 and 16 threads
#   tools/bench/durability.sh http             # SDK CreateCluster: ephemeral vs durable, 1 and 4 threads
#   tools/bench/durability.sh ops              # SDK RegisterTaskDefinition and RunTask against the jar: ephemeral vs durable
# BENCH_DIR picks the directory the durable stores write to (default: java.io.tmpdir, i.e. /tmp).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
what=${1:-all}
shift || true

goals=test-compile
if [ "$what" = ops ] || [ "$what" = all ]; then
  goals="package -DskipTests" # the jar, run as its own process
fi
# shellcheck disable=SC2086
mvn -B -ntp -q -pl emulator-api -am $goals \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java_opts=(-Dbench.dir="${BENCH_DIR:-${TMPDIR:-/tmp}}")

if [ "$what" = store ] || [ "$what" = all ]; then
  cp="emulator-core/target/test-classes:emulator-core/target/classes:$(cat emulator-core/target/bench.classpath)"
  echo "== the disk: append 1.5 KB + fdatasync"
  java "${java_opts[@]}" -cp "$cp" org.openjdk.jmh.Main FsyncBenchmark -t 1 -rff /dev/null "$@"
  for threads in 1 16; do
    echo "== state store, $threads thread(s)"
    java "${java_opts[@]}" -cp "$cp" org.openjdk.jmh.Main 'StateStoreBenchmark\.' -t "$threads" -rff /dev/null "$@"
  done
fi
if [ "$what" = http ] || [ "$what" = all ]; then
  cp="emulator-api/target/test-classes:emulator-api/target/classes:$(cat emulator-api/target/bench.classpath)"
  echo "== HTTP writes (CreateCluster through the AWS SDK)"
  java "${java_opts[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" dev.ecsemulator.api.HttpWriteBenchmark "$@"
fi
if [ "$what" = ops ] || [ "$what" = all ]; then
  cp="emulator-api/target/test-classes:emulator-api/target/classes:$(cat emulator-api/target/bench.classpath)"
  for op in RegisterTaskDefinition RunTask; do
    echo "== $op through the AWS SDK, against the jar"
    java "${java_opts[@]}" -Decs.emulator.jar=emulator-api/target/ecs-emulator.jar -cp "$cp" \
      dev.ecsemulator.api.HttpWriteBenchmark op="$op" server=jar "$@"
  done
fi
