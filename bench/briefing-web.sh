#!/usr/bin/env bash
# Briefings at the benchmark's size (docs/benchmarks.md, issue 14): the commitments benchmark's data directory (100,000
# engagements, 300,000 commitments) and, for each kind, the busiest subject (the mechanism with the most sessions, the
# post and the person with the most engagements, the agenda issue with the most engagements, the latest session of that
# mechanism). Each briefing is asked for RUNS times one after the other as HTML and PDF_RUNS times as PDF; the server's
# own time comes from the Server-Timing header ("briefing;dur=…", ms), with /health/live's client time as the reference.
# Usage: bench/briefing-web.sh [DATA_DIR (default /tmp/briefings-bench)] [RUNS (default 30)] [PDF_RUNS (default 10)]
# Environment: PORT (default 5333), CHROMIUM (default /usr/bin/chromium), SKIP_BUILD=1 to use the Release builds as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-/tmp/briefings-bench}
RUNS=${2:-30}
PDF_RUNS=${3:-10}
PORT=${PORT:-5333}
# shellcheck source=bench/web-load.sh
source bench/web-load.sh
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install -y sqlite3" >&2; exit 2; }

bench_build
if [[ ! -f $DATA/puente.db ]]; then
  dotnet bench/Puente.Bench/bin/Release/net10.0/Puente.Bench.dll memory-data "$DATA"
fi
dotnet bench/Puente.Bench/bin/Release/net10.0/Puente.Bench.dll commitment-data "$DATA" 2>&1 | grep -v "already holds" || true

q() { sqlite3 "$DATA/puente.db" "$1"; }
MECHANISM=$(q "select m.Code from Engagements e join Mechanisms m on m.Id = e.MechanismId group by m.Code order by count(*) desc limit 1")
ENGAGEMENT=$(q "select e.Code from Engagements e join Mechanisms m on m.Id = e.MechanismId where m.Code = '$MECHANISM' order by e.StartDate desc limit 1")
POST=$(q "select p.Code from Participants pa join Engagements e on e.Id = pa.ParentId join Tenures t on t.PersonId = pa.PersonId and t.\"From\" <= e.StartDate and (t.\"To\" is null or t.\"To\" > e.StartDate) join Posts p on p.Id = t.PostId group by p.Code order by count(distinct pa.ParentId) desc limit 1")
PERSON=$(q "select p.Code from Participants pa join People p on p.Id = pa.PersonId group by p.Code order by count(*) desc limit 1")
ISSUE=$(q "select i.Code from AgendaIssues i order by (select count(*) from Engagements e where e.IssueCodes like '%,' || i.Code || ',%') desc limit 1")

export Puente__Briefings__ChromiumPath=${CHROMIUM:-/usr/bin/chromium}
bench_host

# Server time of RUNS requests of a path: "p50 p95 max" in ms (after two warm-up requests).
server_ms() {
  local path=$1 runs=$2
  for _ in 1 2; do api "$path" >/dev/null; done
  for _ in $(seq 1 "$runs"); do
    curl -fs -o /dev/null -D - -H "Authorization: Bearer $TOKEN" "$BASE$path" | tr -d '\r' | awk -F'dur=' 'tolower($1) ~ /^server-timing: briefing;/ {print $2 + 0}'
  done | sort -n | awk '{a[NR] = $1} END {printf "%.1f %.1f %.1f", a[int(NR * 0.5 + 0.5)], a[int(NR * 0.95 + 0.5)], a[NR]}'
}

health=$(for _ in $(seq 1 "$RUNS"); do curl -fs -o /dev/null -w '%{time_total}\n' "$BASE/health/live"; done | sort -n | awk '{a[NR] = $1 * 1000} END {printf "%.1f %.1f", a[int(NR * 0.5 + 0.5)], a[int(NR * 0.95 + 0.5)]}')
echo "subjects: mechanism $MECHANISM, engagement $ENGAGEMENT, post $POST, person $PERSON, issue $ISSUE"
echo "/health/live client time (reference): p50 p95 ms = $health"
printf '%-11s %-22s %-5s %5s %9s %9s %9s\n' kind subject fmt runs p50_ms p95_ms max_ms
for pair in "mechanism $MECHANISM" "engagement $ENGAGEMENT" "post $POST" "person $PERSON" "issue $ISSUE"; do
  set -- $pair
  printf '%-11s %-22s %-5s %5s %9s %9s %9s\n' "$1" "$2" html "$RUNS" $(server_ms "/api/v1/briefings/$1/$2?lang=en&format=html" "$RUNS")
  printf '%-11s %-22s %-5s %5s %9s %9s %9s\n' "$1" "$2" pdf "$PDF_RUNS" $(server_ms "/api/v1/briefings/$1/$2?lang=en&format=pdf" "$PDF_RUNS")
done
echo "host peak memory: $(peak_mb) MB"
