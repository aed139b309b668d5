#!/usr/bin/env bash
# The end-to-end series of BENCHMARKS.md: a fresh all-in-one stack, one 70 s warm-up run at 2,000/s
# (a fresh stack's JIT compiles for minutes and the first runs measure the compiler), then one
# measured run per rate (DUR, default 60 s, after a 20 s warm-up), in the order given.
#   ops/scripts/loadtest-series.sh "1000 2000 3000 4000"
# STACK_OPTS overrides the stack's JVM options (default: what ./livemod uses); GEN_OPTS the load
# generator's (default: what ./livemod uses for loadtest, C1 only); JAR another build (to compare
# two commits back to back); PORT and KAFKA_PORT the stack's ports (default 8080 and 9092: pick others
# on a shared machine); LOADTEST_ARGS more loadtest options (e.g. "--traffic synthetic").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${JAR:-$here/ops/cli/target/livemod.jar}"
rates="${1:?rates, e.g. \"1000 2000\"}"
port="${PORT:-8080}"
kafka="${KAFKA_PORT:-9092}"
data="$(mktemp -d /tmp/livemod-series.XXXXXX)"
[ -f "$jar" ] || "$here/mvnw" -q -B -DskipTests package -pl ops/cli -am
# shellcheck disable=SC2086
java ${STACK_OPTS:--Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=50} -jar "$jar" run --data-dir "$data" --port "$port" --kafka-port "$kafka" \
  >"$data/stack.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$port/health/ready" >/dev/null && break; sleep 1; done
loadtest() {
  # shellcheck disable=SC2086
  java ${GEN_OPTS:--Xmx1g -XX:+UseG1GC -XX:TieredStopAtLevel=1} -jar "$jar" loadtest --target "http://127.0.0.1:$port" \
    --bootstrap "127.0.0.1:$kafka" ${LOADTEST_ARGS:-} "$@" || true # exit code 3 is a failed verdict: the figures still count
}
loadtest --rate 2000 --duration 60s --warmup 10s --report-dir "$data/reports" >/dev/null
for rate in $rates; do
  echo "== rate $rate ($(date -u +%H:%M) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  loadtest --rate "$rate" --duration "${DUR:-60s}" --warmup 20s --report-dir reports \
    | grep -E "accepted  |time to ack|end to end|live feed|violations|no loss|generator CPU|by thread|benign  |alerts  |campaigns  |user floods|verdict"
done
