#!/usr/bin/env bash
# The home page under web load (docs/benchmarks.md, issue 13): the commitments benchmark's data directory (100,000
# engagements, 300,000 commitments, 1,000,000 status changes) with the derived indicators recomputed and their alerts
# evaluated, loaded by wrk (2 threads, 50 connections) on "/" right after /health/live (the reference), RUNS times.
# Usage: bench/home-web.sh [DATA_DIR (default /tmp/puente-commit-bench)] [RUNS (default 3)]
# Environment: DURATION (wrk -d, default 20s), PORT (default 5097), SKIP_BUILD=1 to use the Release builds as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-/tmp/puente-commit-bench}
RUNS=${2:-3}
DURATION=${DURATION:-20s}
PORT=${PORT:-5097}
# shellcheck source=bench/web-load.sh
source bench/web-load.sh

bench_build
if [[ ! -f $DATA/puente.db ]]; then
  dotnet bench/Puente.Bench/bin/Release/net10.0/Puente.Bench.dll memory-data "$DATA"
fi
dotnet bench/Puente.Bench/bin/Release/net10.0/Puente.Bench.dll commitment-data "$DATA" 2>&1 | grep -v "already holds" || true
# The host runs its scheduler here: the derived-indicators job fires at start and records the derived indicators, whose
# new values run the detectors; the load starts once the last one (commitments overdue) has its values.
SCHEDULER=true bench_host
for _ in $(seq 1 600); do
  api "/api/v1/indicators/COMMITMENTS-OVERDUE" 2>/dev/null | jq -e '.latestPeriod != null' >/dev/null 2>&1 && break
  sleep 2
done
echo "alerts open: $(api "/api/v1/alerts?status=Open&pageSize=1" | jq -r .total)"
echo "home page: $(curl -s -o /dev/null -w '%{http_code} %{size_download} bytes' -H "Authorization: Bearer $TOKEN" "$BASE/")"
add "home page" "/"
bench_measure
