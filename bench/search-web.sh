#!/usr/bin/env bash
# Search under web load (docs/benchmarks.md, issue 14): the commitments benchmark's data (100,000 engagements, 300,000
# commitments) in a copy of its data directory; the host's start-up fills the search index once (timed in its log).
# wrk (2 threads, 50 connections) on a search for a common word ("migration": a tenth of the engagements, a tenth of
# the commitments) and a rare one ("vallarta": two seeded records; "juarez" is not rare here: the generated engagements take place in Ciudad Juárez), each right after /health/live, RUNS times.
# Usage: bench/search-web.sh [DATA_DIR (default /tmp/search-bench)] [RUNS (default 3)]
# Environment: DURATION (wrk -d, default 20s), PORT (default 5302), SKIP_BUILD=1 to use the Release builds as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-/tmp/search-bench}
RUNS=${2:-3}
DURATION=${DURATION:-20s}
PORT=${PORT:-5302}
# shellcheck source=bench/web-load.sh
source bench/web-load.sh

bench_build
if [[ ! -f $DATA/puente.db ]]; then
  dotnet bench/Puente.Bench/bin/Release/net10.0/Puente.Bench.dll memory-data "$DATA"
fi
dotnet bench/Puente.Bench/bin/Release/net10.0/Puente.Bench.dll commitment-data "$DATA" 2>&1 | grep -v "already holds" || true
bench_host
grep -h "Search index" "$OUT/host.log" || true
echo "common word: $(api "/api/v1/search?q=migration" | jq -c '{total, byType}')"
echo "rare word: $(api "/api/v1/search?q=vallarta" | jq -c '{total, byType}')"
add "search, common word" "/api/v1/search?q=migration"
add "search, common word, page 3 of engagements" "/api/v1/search?q=migration&type=engagement&page=3"
add "search, rare word" "/api/v1/search?q=vallarta"
bench_measure
