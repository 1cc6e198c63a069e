#!/usr/bin/env bash
# Scoring benchmark (issue 4, "Speed"), end to end: a fresh database, the app migrated and seeded,
# the county data of bench/scoring-county.sql, rankings timed through the API after warm-up, the
# bare PostgreSQL aggregates over the same rows (the floor), then the app stopped and the database
# dropped. Figures and what they mean: docs/benchmarks.md.
#
#   bench/scoring.sh            # everything
#   RUNS=20 YEAR_RUNS=5 bench/scoring.sh
#   DB_OPTIONS='-c jit=off' bench/scoring.sh    # the same with PostgreSQL's JIT off for the app and psql
#   MVN_FLAGS=-o bench/scoring.sh   # Maven offline
#   bench/scoring.sh measure    # only the timings, against an app already on $PORT with the data loaded
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DB=${DB:-benchscore}
PORT=${PORT:-8091}
RUNS=${RUNS:-20}
YEAR_RUNS=${YEAR_RUNS:-5}
AUTH=${AUTH:-shuji:Taizhang@2026}
DB_OPTIONS=${DB_OPTIONS:-}
export PGOPTIONS="${DB_OPTIONS}"
BASE="http://127.0.0.1:$PORT/api/scoring"

stats() { # stdin: one number a line -> min / median / p95 / max
  sort -n | awk '{a[NR]=$1} END {p=int(0.95*NR+0.999); if (p>NR) p=NR;
    printf "min %.3f  median %.3f  p95 %.3f  max %.3f  (n=%d)", a[1], (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[p], a[NR], NR}'
}

time_ranking() { # target/cycle runs
  local t=$1 n=$2 out
  for _ in 1 2 3; do curl -fsS -u "$AUTH" -o /dev/null "$BASE/rankings/$t"; done   # warm-up
  out=$(for _ in $(seq "$n"); do
    curl -fsS -u "$AUTH" -o /dev/null -w '%{time_starttransfer} %{time_total} %{size_download}\n' "$BASE/rankings/$t"
  done)
  echo "ranking $t: $(echo "$out" | head -1 | awk '{printf "%.1f MB JSON", $3/1e6}')"
  echo "  first byte (computation): $(echo "$out" | awk '{print $1}' | stats) s"
  echo "  total (with JSON):        $(echo "$out" | awk '{print $2}' | stats) s"
}

floor() { # label from to cycles
  local out
  for _ in 1 2 3; do psql -d "$DB" -q -v from="$2" -v to="$3" -v cycles="$4" -f bench/scoring-floor.sql >/dev/null; done
  out=$(for _ in $(seq 10); do psql -d "$DB" -q -v from="$2" -v to="$3" -v cycles="$4" -f bench/scoring-floor.sql; done |
        awk '/^Time:/ {print $2}')
  echo "floor $1 (ms, 10 runs after 3 warm-up):"
  echo "  events sum per subject, corrections applied: $(echo "$out" | awk 'NR%3==1' | stats)"
  echo "  events sum per subject, bare:                $(echo "$out" | awk 'NR%3==2' | stats)"
  echo "  sheet mean per ratee and rater group:        $(echo "$out" | awk 'NR%3==0' | stats)"
}

measure() {
  echo "machine: $(nproc) CPUs, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(psql -d "$DB" -Atc 'show server_version'), jit=$(psql -d "$DB" -Atc 'show jit')"
  psql -d "$DB" -Atc "select 'data: ' || (select count(*) from person p join tenant t on t.id = p.tenant_id
      where t.code = 'demo-town' and p.active) || ' people, ' || (select count(*) from score_event) || ' events, '
      || (select count(*) from score_event_subject) || ' event subjects, ' || (select count(*) from rating_sheet) || ' sheets'"
  time_ranking monthly/2026-03 "$RUNS"
  floor "month 2026-03" 2026-03-01 2026-04-01 "'2026-03'"
  time_ranking total/2026-H1 "$YEAR_RUNS"
  time_ranking total/2026 "$YEAR_RUNS"
  floor "year 2026" 2026-01-01 2027-01-01 "'2026','2026-H1','2026-H2','2026-Q1','2026-Q2','2026-Q3','2026-Q4',$(
        printf "'2026-%02d'," $(seq 12) | sed 's/,$//')"
}

if [ "${1:-}" = measure ]; then measure; exit; fi

createdb "$DB"
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  dropdb --if-exists "$DB"
}
trap cleanup EXIT
URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
[ -n "$DB_OPTIONS" ] && URL="$URL?options=$(printf %s "$DB_OPTIONS" | sed 's/ /%20/g')"
./mvnw -q ${MVN_FLAGS:-} package -DskipTests
SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD= PORT=$PORT \
  java -jar target/taizhang-*.jar > target/bench-app.log 2>&1 &
APP_PID=$!
for _ in $(seq 600); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/login" && break; sleep 1; done  # a busy machine starts slowly
curl -fs -o /dev/null "http://127.0.0.1:$PORT/login" || { echo "the app did not start: target/bench-app.log" >&2; exit 1; }
psql -d "$DB" -q -f bench/scoring-county.sql
measure
