#!/usr/bin/env bash
# Institutional memory under web load (docs/benchmarks.md): the web host on a data directory of 100,000 engagements,
# 20,000 people, 30,000 tenures and ~500,000 participants, loaded by wrk (2 threads, 50 connections) on the memory
# API's reads, each measured right after /health/live (the reference) in the same run, RUNS times.
# Usage: bench/memory-web.sh [DATA_DIR (default /tmp/puente-memory-bench)] [RUNS (default 3)]
# Environment: DURATION (wrk -d, default 20s), PORT (default 5095), SKIP_BUILD=1 to use the Release builds as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DATA=${1:-/tmp/puente-memory-bench}
RUNS=${2:-3}
DURATION=${DURATION:-20s}
PORT=${PORT:-5095}
# shellcheck source=bench/web-load.sh
source bench/web-load.sh

bench_build

if [[ ! -f $DATA/puente.db ]]; then
  dotnet bench/Puente.Bench/bin/Release/net10.0/Puente.Bench.dll memory-data "$DATA"
fi

bench_host

# Real ids and codes, from the API as the Viewer reads it.
ENGAGEMENT=$(api "/api/v1/engagements?mechanism=HLED&from=2015-01-01&to=2015-12-31&pageSize=1" | jq -r '.items[0].id')
PERSON=BP-00001 # the generator's busiest Mexican participant
PERSON_TOTAL=$(api "/api/v1/timelines/person/$PERSON?pageSize=1" | jq -r .total)
POST=$(api "/api/v1/posts?q=BPOST-0001&pageSize=1" | jq -r '.items[0].code')
echo "engagement $ENGAGEMENT; person $PERSON ($PERSON_TOTAL engagements); post $POST"

add "engagement by id" "/api/v1/engagements/$ENGAGEMENT"
add "list HLED 2010-2020" "/api/v1/engagements?mechanism=HLED&from=2010-01-01&to=2020-12-31&pageSize=50"
add "list Call 2015-2016" "/api/v1/engagements?kind=Call&from=2015-01-01&to=2016-12-31&pageSize=50"
add "person timeline" "/api/v1/timelines/person/$PERSON"
add "post holder" "/api/v1/posts/$POST/holder?on=2015-06-01"
# Not a target: a signed-in read that queries nothing (the Colorado tier table), the authentication pipeline's ceiling.
add "signed-in, no query" "/api/v1/water/colorado/tiers"
bench_measure
