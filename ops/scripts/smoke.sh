#!/usr/bin/env bash
# Smoke test of the all-in-one stack, as a new user would run it, with timings:
#   1. ./livemod run on a fresh data directory: seconds until /health/ready
#   2. a signed comment with a rule keyword: milliseconds until GET /v1/flags lists it
#   3. stop (SIGTERM, as Ctrl-C), a second ./livemod run: the flag is still listed
# Usage: ops/scripts/smoke.sh [port] [kafka-port]   (needs curl and openssl)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
port="${1:-18080}"; kport="${2:-19092}"
data="$(mktemp -d)"; log="$data/run.log"
secret="demo-gapo-secret-NOT-FOR-PRODUCTION"
ms() { date +%s%3N; }

start() {
  "$here/livemod" run --port "$port" --kafka-port "$kport" --data-dir "$data/.livemod" >"$log" 2>&1 &
  pid=$!
  local t0; t0=$(ms)
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "livemod run exited:"; tail -20 "$log"; exit 1; }
    (( $(ms) - t0 > 60000 )) && { echo "not ready within 60 s"; exit 1; }
    sleep 0.1
  done
  echo "ready in $(( $(ms) - t0 )) ms"
}

# SIGTERM: a background job of a script ignores SIGINT; the JVM stops the same way on both.
stop() { kill -TERM "$pid"; wait "$pid" || true; }

"$here/livemod" --version >/dev/null   # build first, so the timings exclude the build
start
body='[{"id":"smoke-1","streamId":"live-1","userId":"u1","text":"vào nhà cái uy tín","ts":"2026-11-28T20:00:00+07:00"}]'
ts=$(date +%s)
sig=$(printf '%s.POST./v1/ingest/comments.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.* //')
token=$("$here/livemod" token --role moderator --platform demo-gapo --sub smoke)
t0=$(ms)
curl -sf "http://127.0.0.1:$port/v1/ingest/comments" -H 'Content-Type: application/json' -H 'X-Livemod-Platform: demo-gapo' \
  -H "X-Livemod-Timestamp: $ts" -H "X-Livemod-Signature: v2=$sig" --data-binary "$body" >/dev/null
until curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/flags" | grep -q smoke-1; do
  (( $(ms) - t0 > 10000 )) && { echo "flag not listed within 10 s"; stop; exit 1; }
  sleep 0.02
done
echo "flag listed $(( $(ms) - t0 )) ms after the signed POST"
stop
start
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/flags" | grep -q smoke-1 && echo "after restart: flag still listed"
stop
rm -rf "$data"
