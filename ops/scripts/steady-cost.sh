#!/usr/bin/env bash
# CPU per comment of the all-in-one stack at steady offered rates (issue 13). Starts a fresh stack
# from JAR on its own ports, warms it (WARM seconds at 1,000/s: the JIT compiles for minutes), takes
# the idle CPU for 20 s, then offers each rate for 60 s (after the load test's own 10 s warm-up) and
# prints, from /proc, the stack's and the generator's CPU over those 70 s, per comment and above idle.
#   ops/scripts/steady-cost.sh "300 1000 2000"
# JAR (default ops/cli/target/livemod.jar), PORT (18080), KPORT (19092), WARM (90), STACK_OPTS.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${JAR:-$here/ops/cli/target/livemod.jar}"
port="${PORT:-18080}"; kport="${KPORT:-19092}"; warm="${WARM:-90}"
rates="${1:?rates, e.g. \"300 1000 2000\"}"
for p in "$port" "$kport"; do   # an old stack still shutting down would answer the health check for the new one
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "steady-cost: port $p is in use (PORT/KPORT to choose others)" >&2; exit 2; fi
done
data="$(mktemp -d /tmp/livemod-cost.XXXXXX)"
hz=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime, in ticks
# shellcheck disable=SC2086
java ${STACK_OPTS:--Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=50} -jar "$jar" run --data-dir "$data" --port "$port" --kafka-port "$kport" >"$data/stack.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do curl -sf "localhost:$port/health/ready" >/dev/null && break; sleep 1; done
kill -0 $stack 2>/dev/null || { echo "steady-cost: the stack did not start:" >&2; tail -5 "$data/stack.log" >&2; exit 2; }
lt() { java -Xmx1g -jar "$jar" loadtest --target "http://127.0.0.1:$port" --bootstrap "127.0.0.1:$kport" --report-dir "$data/reports" "$@"; }
lt --rate 1000 --duration "${warm}s" --warmup 0s >/dev/null || true   # a warm-up may miss its checks
sleep 5
a=$(cpu $stack); sleep 20; b=$(cpu $stack)
idle=$(echo "($b - $a) / $hz / 20" | bc -l)
printf "idle: %.3f cores\n" "$idle"
for rate in $rates; do
  a=$(cpu $stack); t0=$(date +%s.%N)
  (exec java -Xmx1g -jar "$jar" loadtest --target "http://127.0.0.1:$port" --bootstrap "127.0.0.1:$kport" \
     --report-dir "$data/reports" --rate "$rate" --duration 60s --warmup 10s > "$data/run-$rate.txt") &
  gen=$!
  g=0; while kill -0 $gen 2>/dev/null; do g=$(cpu $gen 2>/dev/null || echo "$g"); sleep 0.5; done
  wait $gen || true
  b=$(cpu $stack); t1=$(date +%s.%N)
  secs=$(echo "$t1 - $t0" | bc -l)
  n=$(echo "$rate * 70" | bc)
  stack_cores=$(echo "($b - $a) / $hz / $secs" | bc -l)
  printf "rate %s/s: stack %.2f cores (%.2f above idle), %.0f us/comment (%.0f above idle); generator %.0f us/comment (%.1f s wall)\n" \
    "$rate" "$stack_cores" "$(echo "$stack_cores - $idle" | bc -l)" "$(echo "($b - $a) / $hz / $n * 1000000" | bc -l)" \
    "$(echo "($stack_cores - $idle) * $secs / $n * 1000000" | bc -l)" "$(echo "$g / $hz / $n * 1000000" | bc -l)" "$secs"
  grep -E "accepted  |end to end|live feed|campaigns  |benign   |verdict" "$data/run-$rate.txt" | sed 's/^/    /'
done
