#!/usr/bin/env bash
# The moderation role on 1 and on 2 instances under the same load (issue 15's scaling figure): a
# fresh local cluster each time (3 brokers, 2 gateways, redis), 20 s of warm-up load, then RATE
# comments/s for SECONDS over both gateways. Prints the moderation processes' CPU (from /proc, every
# instance summed) per comment, the largest consumer lag their /health/ready reported (sampled each
# second), and the load test's end-to-end latency and verdict. On two cores, two instances share the
# cores the first one had: the figure shows the cost of the second, not a speed-up.
#   ops/scripts/moderation-scaling.sh [rate=1000] [seconds=60]
set -euo pipefail
cd "$(dirname "$0")/../.."
rate="${1:-1000}"; secs="${2:-60}"
hz=$(getconf CLK_TCK)
targets=http://127.0.0.1:8081,http://127.0.0.1:8082
cpu() { local t=0; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
for m in 1 2; do
  dir=".livemod/scaling-$m"; rm -rf "$dir"
  ./livemod cluster up --dir "$dir" --brokers 3 --gateways 2 --moderation "$m" >/dev/null
  pids=(); for i in $(seq 1 "$m"); do pids+=("$(cat "$dir/pids/moderation-$i.pid")"); done
  ./livemod loadtest --target "$targets" --bootstrap 127.0.0.1:19092 --rate "$rate" --duration 20s --warmup 0s \
    --report-dir "$dir/reports" >/dev/null || true # warm-up: may miss its checks
  a=$(cpu "${pids[@]}"); t0=$(date +%s.%N)
  (exec ./livemod loadtest --target "$targets" --bootstrap 127.0.0.1:19092 --rate "$rate" --duration "${secs}s" --warmup 0s \
    --report-dir "$dir/reports" > "$dir/run.txt") &
  lt=$!
  maxlag=0
  while kill -0 "$lt" 2>/dev/null; do
    for i in $(seq 1 "$m"); do
      l=$(curl -s "localhost:$((8090 + i))/health/ready" | sed -n 's/.*"lag":\([0-9]*\).*/\1/p')
      if [ -n "$l" ] && [ "$l" -gt "$maxlag" ]; then maxlag=$l; fi
    done
    sleep 1
  done
  wait "$lt" || true
  b=$(cpu "${pids[@]}"); t1=$(date +%s.%N)
  printf "moderation x%s at %s/s: %.2f cores, %.0f us of CPU per comment; max lag %s; load average %s\n" "$m" "$rate" \
    "$(echo "($b - $a) / $hz / ($t1 - $t0)" | bc -l)" "$(echo "($b - $a) / $hz / ($rate * $secs) * 1000000" | bc -l)" \
    "$maxlag" "$(cut -d' ' -f1-3 /proc/loadavg)"
  grep -E "end to end|verdict" "$dir/run.txt" || true
  ./livemod cluster down --dir "$dir" >/dev/null
done
