#!/usr/bin/env bash
# Longer fault run than ClusterFaultTest: a local cluster under `livemod loadtest`, with kill -9 of
# one broker, one moderation instance and one gateway in turn, each restarted by `cluster up`.
# Prints when each process was killed and when `up` had it ready again (its recovery time); the
# load test's report (reports/) holds p99 per second and the CLEAN/NOT CLEAN verdict.
#   ops/scripts/cluster-faults.sh [rate=300] [seconds between faults=40]
set -euo pipefail
cd "$(dirname "$0")/../.."
rate="${1:-300}"; gap="${2:-40}"
dir=.livemod/cluster-faults
./livemod cluster up --dir "$dir" --brokers 3 --gateways 2 --moderation 2
trap './livemod cluster down --dir "$dir"' EXIT
# Both gateways, as a platform client would: batches fail over when one stops answering.
./livemod loadtest --target http://127.0.0.1:8081,http://127.0.0.1:8082 --bootstrap 127.0.0.1:19092 --rate "$rate" \
  --warmup 5s --duration "$((gap * 4))s" --report-dir "$dir/reports" &
load=$!
for victim in broker-2 moderation-1 gateway-2; do
  sleep "$gap"
  kill -9 "$(cat "$dir/pids/$victim.pid")"
  t0=$(date +%s%N)
  echo "faults: killed $victim at $(date +%T) (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  ./livemod cluster up --dir "$dir" >/dev/null
  echo "faults: $victim ready again after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
done
wait "$load"
