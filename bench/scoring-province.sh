#!/usr/bin/env bash
# Province scoring benchmark (issue 4, "Speed", second target): a throw-away database with 400
# township tenants, 200,000 people, 20,000,000 score events and 4,000,000 rating sheets of 2026
# (bench/scoring-province.sql); the floor, bare PostgreSQL aggregates over the same rows
# (bench/scoring-province-floor.sql); the full yearly computation of every township through
# Assessments.ranking (bench/ProvinceYear.java); then the database is dropped. Figures and what
# they mean: docs/benchmarks.md, "Scoring at province scale".
#
#   flock /tmp/bench.lock bench/scoring-province.sh          # everything, about 20-30 minutes
#   KEEP=1 flock /tmp/bench.lock bench/scoring-province.sh   # keep the database afterwards
#   flock /tmp/bench.lock bench/scoring-province.sh measure  # floor and product only, on a kept database
#   COUNTIES=2 TOWNS=2 EVENTS=5000 bench/scoring-province.sh # a small trial of the same steps
#   THREADS=1,2 FLOOR_RUNS=1 WARMUP=40 PROFILE=1 MVN_FLAGS=-o DB=province_bench   # the defaults, and jstack/GC logs
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DB=${DB:-province_bench}
COUNTIES=${COUNTIES:-40} TOWNS=${TOWNS:-10} PEOPLE=${PEOPLE:-500} EVENTS=${EVENTS:-50000}
FLOOR_RUNS=${FLOOR_RUNS:-1}
export THREADS=${THREADS:-1,2} WARMUP=${WARMUP:-40} CYCLE=${CYCLE:-2026}
OUT=target/province
mkdir -p "$OUT"

START=$(date +%s.%N)
load() { cut -d' ' -f1-3 /proc/loadavg; }
log() { printf '[%s +%6.0fs load %s] %s\n' "$(date +%T)" "$(echo "$(date +%s.%N) - $START" | bc)" "$(load)" "$*"; }
phase() { # name command... : runs it and logs its time
  local name=$1 t0 t1; shift
  log "$name ..."
  t0=$(date +%s.%N)
  "$@"
  t1=$(date +%s.%N)
  log "$name: $(printf '%.1f' "$(echo "$t1 - $t0" | bc)") s"
}

stats() { # stdin: one number a line -> min / median / max
  sort -n | awk '{a[NR]=$1} END {printf "min %.0f  median %.0f  max %.0f  (n=%d)", a[1],
    (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[NR], NR}'
}

build() {
  ./mvnw -q ${MVN_FLAGS:-} compile dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" \
    -Dmdep.includeScope=runtime
}

runner() { # migrate | measure
  local jvm=()
  [ -n "${PROFILE:-}" ] && jvm+=("-Xlog:gc:file=$OUT/gc.log")
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD= java "${jvm[@]}" -cp "target/classes:$(cat "$OUT/classpath.txt")" \
    bench/ProvinceYear.java "$1" > "$OUT/runner-$1.log" 2>&1 &
  local pid=$! n=0
  if [ -n "${PROFILE:-}" ] && [ "$1" = measure ]; then
    while kill -0 "$pid" 2>/dev/null; do
      sleep 10; n=$((n + 1))
      jstack "$pid" > "$OUT/jstack-$n.txt" 2>/dev/null || true
    done
  fi
  wait "$pid" || { tail -50 "$OUT/runner-$1.log" >&2; return 1; }
  grep -E '^(product|  warm-up|  threads)' "$OUT/runner-$1.log" || true
}

generate() {
  psql -d "$DB" -q -v counties="$COUNTIES" -v towns="$TOWNS" -v people="$PEOPLE" -v events="$EVENTS" \
    -f bench/scoring-province.sql
}

floor() { # warm-ups runs: form 1, one statement per table over all townships
  local out
  for _ in $(seq "$1"); do psql -d "$DB" -q -f bench/scoring-province-floor.sql > /dev/null; done
  out=$(for _ in $(seq "$2"); do psql -d "$DB" -q -f bench/scoring-province-floor.sql; done | awk '/^Time:/ {print $2}')
  echo "$out" | awk 'NR%3==1' >> "$OUT/floor-all-bare.txt"
  echo "$out" | awk 'NR%3==2' >> "$OUT/floor-all-corrected.txt"
  echo "$out" | awk 'NR%3==0' >> "$OUT/floor-all-sheets.txt"
  echo "floor, one statement over all townships (ms, $2 run(s) after $1 warm-up):"
  echo "  events sum per township and subject, bare:                $(echo "$out" | awk 'NR%3==1' | stats)"
  echo "  events sum per township and subject, corrections applied: $(echo "$out" | awk 'NR%3==2' | stats)"
  echo "  sheet mean per township, ratee and rater group:           $(echo "$out" | awk 'NR%3==0' | stats)"
}

floor_each() { # form 2: the same per township, one statement per township and table; the sums of their times
  local out
  out=$(psql -d "$DB" -q -f bench/scoring-province-floor-each.sql | awk '/^Time:/ {if (++n > 1) s[(n - 2) % 3] += $2}
        END {printf "%.0f %.0f %.0f %d", s[0], s[1], s[2], (n - 1) / 3}')
  set -- $out
  echo "$1" >> "$OUT/floor-each-bare.txt"; echo "$2" >> "$OUT/floor-each-corrected.txt"
  echo "$3" >> "$OUT/floor-each-sheets.txt"
  echo "floor, one township at a time ($4 townships x 3 statements; sums of the statements' times, ms):"
  echo "  events bare $1, corrections applied $2, sheets $3"
}

summary() { # the product's wall time against the lowest floor of each kind
  local fb fc fs eb ec es
  fb=$(sort -n "$OUT/floor-all-bare.txt" | head -1); fc=$(sort -n "$OUT/floor-all-corrected.txt" | head -1)
  fs=$(sort -n "$OUT/floor-all-sheets.txt" | head -1)
  eb=$(sort -n "$OUT/floor-each-bare.txt" | head -1); ec=$(sort -n "$OUT/floor-each-corrected.txt" | head -1)
  es=$(sort -n "$OUT/floor-each-sheets.txt" | head -1)
  echo "summary (floor = fastest run of events + sheets; product = wall time of the pass):"
  printf '  floor, one statement:   bare %.1f s, corrections applied %.1f s\n' "$(echo "($fb + $fs) / 1000" | bc -l)" \
    "$(echo "($fc + $fs) / 1000" | bc -l)"
  printf '  floor, per township:    bare %.1f s, corrections applied %.1f s\n' "$(echo "($eb + $es) / 1000" | bc -l)" \
    "$(echo "($ec + $es) / 1000" | bc -l)"
  local low lowc
  low=$(printf '%s\n' "$(echo "$fb + $fs" | bc)" "$(echo "$eb + $es" | bc)" | sort -n | head -1)
  lowc=$(printf '%s\n' "$(echo "$fc + $fs" | bc)" "$(echo "$ec + $es" | bc)" | sort -n | head -1)
  grep -E '^  threads' "$OUT/runner-measure.log" | while read -r _ n _ wall _; do
    printf '  product, %s thread(s): %.1f s = %.2f x the lowest bare floor (%.1f s), %.2f x with corrections (%.1f s)\n' \
      "${n%:}" "${wall}" "$(echo "$wall * 1000 / $low" | bc -l)" "$(echo "$low / 1000" | bc -l)" \
      "$(echo "$wall * 1000 / $lowc" | bc -l)" "$(echo "$lowc / 1000" | bc -l)"
  done
}

describe() {
  echo "machine: $(nproc) CPUs, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(psql -d "$DB" -Atc 'show server_version'),"\
       "jit=$(psql -d "$DB" -Atc 'show jit'), shared_buffers=$(psql -d "$DB" -Atc 'show shared_buffers'),"\
       "work_mem=$(psql -d "$DB" -Atc 'show work_mem'), $(java -version 2>&1 | head -1)"
  psql -d "$DB" -Atc "select 'data: ' || (select count(*) from tenant where code like 'PV-C%-T%') || ' townships, '
      || (select count(*) from person p join tenant t on t.id = p.tenant_id where t.code like 'PV-C%-T%') || ' people, '
      || (select count(*) from score_event) || ' events, ' || (select count(*) from score_event_subject)
      || ' event subjects, ' || (select count(*) from rating_sheet) || ' sheets; database '
      || pg_size_pretty(pg_database_size(current_database()))"
  psql -d "$DB" -Atc "select '  ' || relname || ' ' || pg_size_pretty(pg_total_relation_size(oid)) from pg_class
      where relname in ('score_event', 'score_event_subject', 'rating_sheet') order by relname"
}

measure() {
  rm -f "$OUT"/floor-*.txt
  describe
  phase "floor, one statement" floor 1 "$FLOOR_RUNS"
  phase "floor, per township" floor_each
  phase "product (yearly composite of every township)" runner measure
  phase "floor, one statement, after the product" floor 0 1
  phase "floor, per township, after the product" floor_each
  summary
}

if [ "${1:-}" = measure ]; then
  phase build build
  measure
  exit
fi

echo "disk before: $(df -h --output=avail,pcent / | tail -1)"
if psql -d "$DB" -Atc 'select 1' >/dev/null 2>&1; then
  echo "database $DB exists; drop it or choose DB=..." >&2
  exit 1
fi
createdb "$DB"
cleanup() {
  if [ -z "${KEEP:-}" ]; then dropdb --if-exists "$DB"; echo "dropped $DB; disk: $(df -h --output=avail,pcent / | tail -1)"; fi
}
trap cleanup EXIT
phase build build
phase "migrate and seed (the application's Flyway and demo township)" runner migrate
phase "generate ($COUNTIES counties x $TOWNS townships, $PEOPLE people, $EVENTS events each)" generate
echo "disk after loading: $(df -h --output=avail,pcent / | tail -1)"
measure
log "total"
