#!/usr/bin/env bash
# Excel export of the 100,000-item ledger with the heap capped at 256 MB (issue 3, "Speed").
#   bench/ledger-export.sh        from the repository root; needs psql/createdb/dropdb, curl, unzip, jcmd
# Creates database $DB on the local PostgreSQL (trust auth), starts the jar with -Xmx$HEAP and GC
# logging against it, loads bench/ledger-100k.sql (the generator of bench/ledger.sh), analyses, then
# downloads GET /api/work/export (HTTP Basic, the party secretary: the whole tenant) $RUNS times with
# curl, and reports per run: time, file size, data rows in the sheet, and the JVM's resident set
# (peak VmHWM from /proc) and heap (peak heap after GC and the largest heap occupancy before a GC, from
# -Xlog:gc). Stops the app and drops the database at the end (KEEP=1 keeps both).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8093}; DB=${DB:-bench_export}; PGH=${PGH:-127.0.0.1}; PGU=${PGU:-postgres}
HEAP=${HEAP:-256m}; RUNS=${RUNS:-3}; USERPASS=${USERPASS:-shuji:Taizhang@2026}
QUERY=${QUERY:-sort=DEADLINE_ASC}
BASE_URL=http://localhost:$PORT
OUT=${OUT:-target/bench-export}; mkdir -p "$OUT"
psql_() { psql -X -v ON_ERROR_STOP=1 -h "$PGH" -U "$PGU" -d "$DB" "$@"; }

ls target/taizhang-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
JAR=$(ls target/taizhang-*.jar | grep -v original | head -1)

dropdb -h "$PGH" -U "$PGU" --if-exists "$DB"
createdb -h "$PGH" -U "$PGU" "$DB"

echo "== starting $JAR with -Xmx$HEAP on port $PORT (log: $OUT/app.log, GC log: $OUT/gc.log)"
PORT=$PORT SPRING_DATASOURCE_URL=jdbc:postgresql://$PGH:5432/$DB SPRING_DATASOURCE_USERNAME=$PGU \
  SPRING_DATASOURCE_PASSWORD= java -Xmx"$HEAP" "-Xlog:gc:file=$OUT/gc.log:uptime" -jar "$JAR" > "$OUT/app.log" 2>&1 &
APP=$!
cleanup() {
  if [ "${KEEP:-0}" != 1 ]; then
    kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true
    dropdb -h "$PGH" -U "$PGU" --if-exists "$DB" || true
  fi
}
trap cleanup EXIT
for _ in $(seq 180); do curl -fs "$BASE_URL/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$BASE_URL/actuator/health" >/dev/null
for _ in $(seq 60); do grep -q "Created the demo county and township" "$OUT/app.log" && break; sleep 1; done

echo "== loading 100,000 items"
time psql_ -q -f bench/ledger-100k.sql
psql_ -q -c "analyze org_unit" -c "analyze person" -c "analyze work_item" -c "analyze work_lead_member" \
  -c "analyze work_item_assist" -c "analyze work_ledger_entry"
T=$(psql_ -Atc "select id from tenant where code = 'demo-town'")
ITEMS=$(psql_ -Atc "select count(*) from work_item where tenant_id = $T")
echo "== items in the township: $ITEMS"
rss_kb() { awk '/VmRSS/ {print $2}' /proc/"$APP"/status; }
cpu_ticks() { awk '{print $14 + $15}' /proc/"$APP"/stat; }   # the JVM's user + system CPU, in clock ticks
echo "== before the first export: RSS $(( $(rss_kb) / 1024 )) MB"

for run in $(seq "$RUNS"); do
  gc_from=$(wc -l < "$OUT/gc.log")
  # the peak RSS while this run downloads (VmHWM is the peak over the process's life)
  ( peak=0; while kill -0 "$APP" 2>/dev/null && [ ! -e "$OUT/done" ]; do r=$(rss_kb); [ "$r" -gt "$peak" ] && peak=$r
      echo "$peak" > "$OUT/rss-peak"; sleep 0.2; done ) &
  SAMPLER=$!
  rm -f "$OUT/done"
  cpu_from=$(cpu_ticks)
  res=$(curl -s -u "$USERPASS" -o "$OUT/ledger.xlsx" -w '%{http_code} %{time_total} %{size_download}' \
        "$BASE_URL/api/work/export?$QUERY")
  cpu=$(( ($(cpu_ticks) - cpu_from) * 100 / $(getconf CLK_TCK) ))
  touch "$OUT/done"; wait "$SAMPLER" 2>/dev/null || true; rm -f "$OUT/done"
  read -r code secs bytes <<< "$res"
  [ "$code" = 200 ] || { echo "HTTP $code"; exit 1; }
  rows=$(( $(unzip -p "$OUT/ledger.xlsx" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l) - 1 ))
  # heap occupancy before and after each collection during the run: "Pause Young ... 120M->40M(256M)"
  heap=$(tail -n +"$((gc_from + 1))" "$OUT/gc.log" | grep -o '[0-9]*M->[0-9]*M([0-9]*M)' |
         awk -F'[M>(-]+' '{ if ($1 > b) b = $1; if ($2 > a) a = $2; if ($3 > c) c = $3 } END { printf "%dMB before GC, %dMB after GC, committed %dMB", b, a, c }')
  echo "run $run: HTTP $code, ${secs}s (JVM CPU $((cpu / 100)).$(printf %02d $((cpu % 100)))s), $(( bytes / 1024 )) KiB, $rows data rows; heap peak $heap;" \
       "RSS peak $(( $(cat "$OUT/rss-peak") / 1024 )) MB (VmHWM $(( $(awk '/VmHWM/ {print $2}' /proc/"$APP"/status) / 1024 )) MB)" |
    tee -a "$OUT/results.txt"
  [ "$rows" = "$ITEMS" ] || echo "   (rows differ from the $ITEMS items: filter $QUERY)"
done
echo "== jcmd GC.heap_info after the runs"
jcmd "$APP" GC.heap_info | tee "$OUT/heap-info.txt"
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(free -h | awk '/Mem:/ {print $2}') memory; results in $OUT"
