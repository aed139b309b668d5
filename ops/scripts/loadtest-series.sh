#!/usr/bin/env bash
# The end-to-end series of BENCHMARKS.md: a fresh all-in-one stack, one 70 s warm-up run at 2,000/s
# (a fresh stack's JIT compiles for minutes and the first runs measure the compiler), then one
# 60 s measured run per rate, in the order given.
#   ops/scripts/loadtest-series.sh "1000 2000 3000 4000"
# STACK_OPTS overrides the stack's JVM options (default: what ./livemod uses); JAR another build
# (to compare two commits back to back).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${JAR:-$here/ops/cli/target/livemod.jar}"
rates="${1:?rates, e.g. \"1000 2000\"}"
data="$(mktemp -d /tmp/livemod-series.XXXXXX)"
[ -f "$jar" ] || "$here/mvnw" -q -B -DskipTests package -pl ops/cli -am
# shellcheck disable=SC2086
java ${STACK_OPTS:--Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=50} -jar "$jar" run --data-dir "$data" >"$data/stack.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf localhost:8080/health/ready >/dev/null && break; sleep 1; done
java -Xmx1g -jar "$jar" loadtest --rate 2000 --duration 60s --warmup 10s --report-dir "$data/reports" >/dev/null
for rate in $rates; do
  echo "== rate $rate ($(date -u +%H:%M) UTC)"
  java -Xmx1g -jar "$jar" loadtest --rate "$rate" --duration 60s --warmup 20s --report-dir reports \
    | grep -E "accepted  |time to ack|end to end|live feed|violations|no loss|verdict"
done
