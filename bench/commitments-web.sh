#!/usr/bin/env bash
# Commitments under web load (docs/benchmarks.md, issue: commitments): the memory-data directory plus 300,000
# commitments and 1,000,000 status changes (Puente.Bench commitment-data), loaded by wrk (2 threads, 50 connections) on
# the overdue list, one commitment, a list as of a past day and a mechanism's health, each measured right after
# /health/live (the reference) in the same run, RUNS times.
# Usage: bench/commitments-web.sh [DATA_DIR (default /tmp/puente-commit-bench)] [RUNS (default 3)]
# Environment: DURATION (wrk -d, default 20s), PORT (default 5096), SKIP_BUILD=1 to use the Release builds as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-/tmp/puente-commit-bench}
RUNS=${2:-3}
DURATION=${DURATION:-20s}
PORT=${PORT:-5096}
# shellcheck source=bench/web-load.sh
source bench/web-load.sh

bench_build
if [[ ! -f $DATA/puente.db ]]; then
  dotnet bench/Puente.Bench/bin/Release/net10.0/Puente.Bench.dll memory-data "$DATA"
fi
dotnet bench/Puente.Bench/bin/Release/net10.0/Puente.Bench.dll commitment-data "$DATA" 2>&1 | grep -v "already holds" || true

bench_host
COMMITMENT=$(api "/api/v1/commitments?overdue=true&pageSize=1" | jq -r '.items[0].id')
echo "overdue: $(api "/api/v1/commitments?overdue=true&pageSize=1" | jq -r .total); commitment $COMMITMENT"

add "overdue list" "/api/v1/commitments?overdue=true&pageSize=50"
add "commitment by id" "/api/v1/commitments/$COMMITMENT"
add "overdue as of 2020-06-30" "/api/v1/commitments?overdue=true&asOf=2020-06-30&pageSize=50"
add "mechanism health (HLED)" "/api/v1/mechanisms/HLED/health"
bench_measure
