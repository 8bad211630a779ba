#!/usr/bin/env bash
# Exports at scale (docs/benchmarks.md): the web host on a data directory of 100,000 engagements (bench/Puente.Bench
# memory-data) streams the engagement list as Excel and as CSV to an Analyst; for each export, the time to the last
# byte (curl) and the host's peak resident memory during it (VmHWM, reset before each export through
# /proc/PID/clear_refs), beside its resident memory at rest. In the same run, the references on the same rows (the
# 100,000-row CSV just exported): ClosedXML building the workbook in memory, and SpreadCheetah streaming it, each in a
# process of its own.
# Usage: bench/exports-web.sh [DATA_DIR (default /tmp/exports-bench)] [RUNS (default 3)]
# Environment: PORT (default 5311), SKIP_BUILD=1 to use the Release builds as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-/tmp/exports-bench}
RUNS=${2:-3}
PORT=${PORT:-5311}
BASE=http://127.0.0.1:$PORT
PASSWORD=${BENCH_PASSWORD:-Bench-exports-2026!}
OUT=$(mktemp -d /tmp/exports-run.XXXXXX)
command -v jq >/dev/null || { echo "jq is missing: apt-get install -y jq" >&2; exit 2; }

if [[ -z ${SKIP_BUILD:-} ]]; then
  for p in src/Puente.Web/Puente.Web.csproj src/Puente.Cli/Puente.Cli.csproj bench/Puente.Bench/Puente.Bench.csproj; do
    dotnet build -c Release -v q -nologo "$p"
  done
fi

if [[ ! -f $DATA/puente.db ]]; then
  dotnet bench/Puente.Bench/bin/Release/net10.0/Puente.Bench.dll memory-data "$DATA"
fi

echo "$PASSWORD" | dotnet src/Puente.Cli/bin/Release/net10.0/puente.dll users add bench-analyst --role Analyst --side MX --data-dir "$DATA" \
  >"$OUT/users.log" 2>&1 || grep -qi "exists\|taken" "$OUT/users.log" || { cat "$OUT/users.log" >&2; exit 1; }
if curl -s -o /dev/null "$BASE/health/live"; then
  echo "port $PORT is taken by another process; choose another with PORT=..." >&2
  exit 1
fi
(cd src/Puente.Web && exec env Urls=$BASE Puente__DataDirectory="$DATA" Puente__Scheduler__Enabled=false dotnet bin/Release/net10.0/Puente.Web.dll) >"$OUT/host.log" 2>&1 &
HOST=$!
trap 'kill $HOST 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "$BASE/health/live" >/dev/null 2>&1 && break
  sleep 1
done
TOKEN=$(curl -fs -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"userName\":\"bench-analyst\",\"password\":\"$PASSWORD\"}" | jq -r .accessToken)

rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2/1024}' "/proc/$HOST/status"; }
hwm_mb() { awk '/^VmHWM:/ {printf "%.0f", $2/1024}' "/proc/$HOST/status"; }

# One export: "rows seconds MB(file) peak-MB(host)".
export_one() {
  local path=$1 file=$2 result
  echo 5 >"/proc/$HOST/clear_refs" # the peak starts again from the resident memory now
  result=$(curl -fs -o "$file" -w '%{time_total} %{size_download}' -H "Authorization: Bearer $TOKEN" "$BASE$path")
  echo "$result $(hwm_mb)"
}

# Warm-up: each path once on a small slice, so that compilation and caches are not measured.
export_one "/api/v1/engagements/export?format=xlsx&from=2026-01-01" "$OUT/warm.xlsx" >/dev/null
export_one "/api/v1/engagements/export?format=csv&from=2026-01-01" "$OUT/warm.csv" >/dev/null
ROWS=$(( $(wc -l <"$OUT/warm.csv") - 1 ))
echo "warm-up slice: $ROWS rows; host at rest: $(rss_mb) MB resident"

printf '%-40s %8s %10s %10s %12s\n' "export" "rows" "seconds" "file MB" "peak MB"
for run in $(seq 1 "$RUNS"); do
  for spec in "xlsx|2015 (one year)|&from=2015-01-01&to=2015-12-31" "xlsx|all|" "csv|all|"; do
    IFS='|' read -r format label filter <<<"$spec"
    file=$OUT/engagements-$run.$format
    read -r seconds bytes peak < <(export_one "/api/v1/engagements/export?format=$format$filter" "$file")
    if [[ $format == csv ]]; then rows=$(( $(wc -l <"$file") - 1 )); cp "$file" "$OUT/all.csv"; else rows="-"; fi
    printf '%-40s %8s %10s %10.1f %12s\n' "run $run: engagements $format, $label" "$rows" "$seconds" "$(echo "$bytes / 1048576" | bc -l)" "$peak"
  done
  for mode in xlsx-closedxml xlsx-spreadcheetah; do
    echo "run $run: $(dotnet bench/Puente.Bench/bin/Release/net10.0/Puente.Bench.dll "$mode" "$OUT/all.csv" "$OUT/$mode.xlsx")"
  done
done
echo "host at the end: $(rss_mb) MB resident; outputs in $OUT"
