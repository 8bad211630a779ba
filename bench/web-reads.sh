#!/usr/bin/env bash
# Authenticated API reads against /health/live, measured in the same run (docs/benchmarks.md, "Authenticated reads").
#
#   bench/web-reads.sh [ROUNDS] [SECONDS] [WEB_DIR ...]
#
# Each WEB_DIR is a Release output folder of Puente.Web (default: src/Puente.Web/bin/Release/net10.0). With several,
# each gets its own host, data directory and port, and the rounds alternate between them, so that a build before a
# change and one after it are measured under the same load. In every round each host answers, one after the other:
# /health/live (the reference), GET /api/v1/tracks, /actors/US-DOS, /actors?page=1&pageSize=50 and
# /actors?country=MX&page=1&pageSize=50, each for SECONDS with wrk (2 threads, 50 connections, one bearer token).
# Printed: requests per second, latency percentiles, and the ratio to /health/live of the same host in the same round.
# The host runs with its appsettings.json (production log levels). Needs wrk, curl and python3.
set -euo pipefail

ROUNDS=${1:-3}
SECONDS_EACH=${2:-10}
shift $(( $# > 2 ? 2 : $# )) || true
REPO=$(cd "$(dirname "$0")/.." && pwd)
WEB_DIRS=("$@")
[ ${#WEB_DIRS[@]} -gt 0 ] || WEB_DIRS=("$REPO/src/Puente.Web/bin/Release/net10.0")
CLI=${PUENTE_CLI:-$REPO/src/Puente.Cli/bin/Release/net10.0/puente.dll}
WORK=$(mktemp -d /tmp/puente-web-reads.XXXXXX)
PASSWORD='Bench-passw0rd-long-enough!'
PATHS=("/health/live" "/api/v1/tracks" "/api/v1/actors/US-DOS" "/api/v1/actors?page=1&pageSize=50" "/api/v1/actors?country=MX&page=1&pageSize=50")
PIDS=()

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT

cat > "$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT %.0f %.2f %.2f %.2f %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

start_host() { # index web_dir
    local i=$1 dir=$2 port=$((5190 + $1)) data="$WORK/data$1"
    mkdir -p "$data"
    echo "$PASSWORD" | dotnet "$CLI" users add bench --role Viewer --side MX --groups water,ibwc --data-dir "$data" > "$WORK/cli$i.log" 2>&1
    (cd "$dir" && exec env Urls="http://127.0.0.1:$port" Puente__DataDirectory="$data" dotnet Puente.Web.dll > "$WORK/host$i.log" 2>&1) &
    PIDS+=($!)
    for _ in $(seq 1 60); do
        curl -fs "http://127.0.0.1:$port/health/live" > /dev/null 2>&1 && break
        sleep 1
    done
    curl -fs -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"userName\":\"bench\",\"password\":\"$PASSWORD\"}" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])' > "$WORK/token$i"
    # Warm up: JIT, the first queries, the security-stamp answer.
    for path in "${PATHS[@]}"; do
        wrk -t2 -c50 -d3s -H "Authorization: Bearer $(cat "$WORK/token$i")" "http://127.0.0.1:$port$path" > /dev/null
    done
}

for i in "${!WEB_DIRS[@]}"; do start_host "$i" "${WEB_DIRS[$i]}"; done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "| round | build | path | req/s | ratio to /health/live | p50 ms | p95 ms | p99 ms | errors |"
echo "|---|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
    for i in "${!WEB_DIRS[@]}"; do
        port=$((5190 + i)); reference=""
        for path in "${PATHS[@]}"; do
            # The reference is called as a load balancer calls it: without a token.
            auth="Authorization: Bearer $(cat "$WORK/token$i")"
            [ "$path" != /health/live ] || auth="X-Reference: 1"
            read -r _ rps p50 p95 p99 errors < <(wrk -t2 -c50 -d"${SECONDS_EACH}s" -s "$WORK/report.lua" -H "$auth" \
                "http://127.0.0.1:$port$path" | grep '^RESULT')
            [ -n "$reference" ] || reference=$rps
            ratio=$(python3 -c "print(f'1/{$reference/$rps:.1f}')")
            echo "| $round | $i | \`$path\` | $rps | $ratio | $p50 | $p95 | $p99 | $errors |"
        done
    done
done
