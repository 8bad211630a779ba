#!/usr/bin/env bash
# Shared by bench/memory-web.sh and bench/commitments-web.sh (sourced, not run): the Release builds, the web host on a
# data directory with a Viewer account, and wrk's load (2 threads, 50 connections) on each endpoint right after
# /health/live (the reference), RUNS times. The caller sets DATA, RUNS, DURATION, PORT, then:
#   bench_build; <make its data>; bench_host; add NAME PATH ...; bench_measure
BASE=http://127.0.0.1:$PORT
PASSWORD=${BENCH_PASSWORD:-Bench-memory-2026!}
OUT=$(mktemp -d /tmp/web-load.XXXXXX)
declare -a NAMES PATHS

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is missing: apt-get install -y jq" >&2; exit 2; }

bench_build() {
  if [[ -z ${SKIP_BUILD:-} ]]; then
    # One build at a time (the machine is shared).
    for p in src/Puente.Web/Puente.Web.csproj src/Puente.Cli/Puente.Cli.csproj bench/Puente.Bench/Puente.Bench.csproj; do
      dotnet build -c Release -v q -nologo "$p"
    done
  fi
}

bench_host() {
  # The Viewer account the load signs in with (already there on a second run).
  echo "$PASSWORD" | dotnet src/Puente.Cli/bin/Release/net10.0/puente.dll users add bench --role Viewer --side MX --data-dir "$DATA" \
    >"$OUT/users.log" 2>&1 || grep -qi "exists\|taken" "$OUT/users.log" || { cat "$OUT/users.log" >&2; exit 1; }
  if curl -s -o /dev/null "$BASE/health/live"; then
    echo "port $PORT is taken by another process; choose another with PORT=..." >&2
    exit 1
  fi
  (cd src/Puente.Web && exec env Urls=$BASE Puente__DataDirectory="$DATA" Puente__Scheduler__Enabled=${SCHEDULER:-false} dotnet bin/Release/net10.0/Puente.Web.dll) >"$OUT/host.log" 2>&1 &
  HOST=$!
  trap 'kill $HOST 2>/dev/null || true' EXIT
  for _ in $(seq 1 180); do
    curl -fs "$BASE/health/live" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "$BASE/health/live" >/dev/null || { echo "the host did not start; see $OUT/host.log" >&2; exit 1; }
  TOKEN=$(login)
}

login() {
  curl -fs -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"userName\":\"bench\",\"password\":\"$PASSWORD\"}" | jq -r .accessToken
}

api() { curl -fs -H "Authorization: Bearer $TOKEN" "$BASE$1"; }

add() { NAMES+=("$1"); PATHS+=("$2"); }

# wrk on one path; prints "req/s p50ms p95ms p99ms errors" (errors: socket errors + non-2xx/3xx answers).
load() {
  local path=$1 duration=$2 auth=$3 log
  log=$OUT/wrk-$RANDOM.log
  if [[ $auth == yes ]]; then
    wrk -t2 -c50 -d"$duration" --timeout 10s --latency -s "$OUT/p95.lua" -H "Authorization: Bearer $TOKEN" "$BASE$path" >"$log"
  else
    wrk -t2 -c50 -d"$duration" --timeout 10s --latency -s "$OUT/p95.lua" "$BASE$path" >"$log"
  fi
  local rps pct non2xx socket
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$log")
  pct=$(awk '/^PCT/ {printf "%.2f %.2f %.2f", $2/1000, $3/1000, $4/1000}' "$log")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$log")
  socket=$(awk -F'[ ,]+' '/Socket errors:/ {print $5+$7+$9+$11}' "$log")
  echo "$rps $pct $(( ${non2xx:-0} + ${socket:-0} ))"
}

peak_mb() { awk '/^VmHWM:/ {printf "%.0f", $2/1024}' "/proc/$HOST/status"; }

bench_measure() {
  for p in "${PATHS[@]}"; do
    code=$(curl -s -o "$OUT/sample.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE$p")
    [[ $code == 200 ]] || { echo "$p answered $code" >&2; cat "$OUT/sample.json" >&2; exit 1; }
  done
  cat >"$OUT/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("PCT %d %d %d\n", latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
LUA
  echo "warming up"
  load /health/live 5s no >/dev/null
  for p in "${PATHS[@]}"; do load "$p" 5s yes >/dev/null; done

  echo
  echo "$(date -u +%F), $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "| run | endpoint | req/s | p50 ms | p95 ms | p99 ms | errors | /health/live req/s | ratio | host peak MB |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for run in $(seq 1 "$RUNS"); do
    TOKEN=$(login) # a fresh bearer token per run (they last an hour)
    for i in "${!PATHS[@]}"; do
      read -r ref_rps ref50 ref95 ref99 ref_err < <(load /health/live "$DURATION" no)
      echo "| $run | /health/live | $ref_rps | $ref50 | $ref95 | $ref99 | $ref_err | | | $(peak_mb) |"
      read -r rps p50 p95 p99 err < <(load "${PATHS[$i]}" "$DURATION" yes)
      ratio=$(awk -v a="$rps" -v b="$ref_rps" 'BEGIN {printf "1/%.1f", b/a}')
      echo "| $run | ${NAMES[$i]} | $rps | $p50 | $p95 | $p99 | $err | $ref_rps | $ratio | $(peak_mb) |"
    done
  done
  echo
  echo "host peak RSS (VmHWM) at the end: $(peak_mb) MB; logs in $OUT; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
