#!/usr/bin/env bash
# Public board page under load and the A3 poster (issue 5, "Speed"): end to end, on a throw-away database.
#   bench/boards.sh            from the repository root; needs psql/createdb/dropdb, curl, wrk, python3
# Starts the app on $PORT against database $DB on the local PostgreSQL, has the discipline office hand
# over and publish through the API a red board of 30 entries, a people board of 20 and a red board of
# 200 entries (the poster), shifting each notice period's end into the past with SQL (it would
# otherwise take days), then measures with wrk on loopback:
#   1. GET /public/demo-town (the township's public page) with 20 connections;
#   2. a static file of the same size served by the same server: the page saved as
#      /css/bench-static.html in a folder added to spring.web.resources.static-locations (served
#      like the style sheets, through the same filters) — the ratio of the two is the page's price;
#   3. the 200-entry A3 poster, rendered 20 times in a row (time of each request).
# The public rate limit is switched off for the run (TAIZHANG_PUBLIC_RATE_LIMIT=0): a load generator
# on one address would otherwise be refused after its burst, which is what the limit is for.
# KEEP=1 ONLY_LOAD=1 stops after publishing and leaves the app running.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8091}; DB=${DB:-benchboards}; PGH=${PGH:-127.0.0.1}; PGU=${PGU:-postgres}
DURATION=${DURATION:-30s}; CONN=${CONN:-20}
BASE_URL=http://localhost:$PORT
OUT=${OUT:-target/bench-boards}; mkdir -p "$OUT"; STATIC_DIR=$(mktemp -d)
psql_() { psql -X -v ON_ERROR_STOP=1 -h "$PGH" -U "$PGU" -d "$DB" "$@"; }

ls target/taizhang-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
JAR=$(ls target/taizhang-*.jar | grep -v original | head -1)
dropdb -h "$PGH" -U "$PGU" --if-exists "$DB"; createdb -h "$PGH" -U "$PGU" "$DB"

echo "== starting $JAR on port $PORT (log: $OUT/app.log)"
PORT=$PORT SPRING_DATASOURCE_URL=jdbc:postgresql://$PGH:5432/$DB SPRING_DATASOURCE_USERNAME=$PGU \
  SPRING_DATASOURCE_PASSWORD= TAIZHANG_PUBLIC_RATE_LIMIT=0 \
  java -jar "$JAR" --spring.web.resources.static-locations=classpath:/static/,file:"$STATIC_DIR"/ \
  > "$OUT/app.log" 2>&1 &
APP=$!
cleanup() { [ "${KEEP:-0}" = 1 ] && return; kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true
            dropdb -h "$PGH" -U "$PGU" --if-exists "$DB" || true; rm -rf "$STATIC_DIR"; }
trap cleanup EXIT
for _ in $(seq 120); do curl -fs "$BASE_URL/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
for _ in $(seq 60); do grep -q "Created the demo county and township" "$OUT/app.log" && break; sleep 1; done

AUTH="Authorization: Basic $(printf %s 'jiwei:Taizhang@2026' | base64)"
LEAD="Authorization: Basic $(printf %s 'shuji:Taizhang@2026' | base64)"
publish() { # board, period, entry count
  local id
  id=$(python3 - "$1" "$2" "$3" <<'PY' | curl -fs -H "$AUTH" -H 'Content-Type: application/json' --data @- \
        "$BASE_URL/api/boards/drafts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
import json, sys
board, period, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = "罗丹 陈明 王芳 李强 张伟 刘洋 赵静 黄磊 周敏 吴刚".split()
print(json.dumps({"boardCode": board, "period": period, "entries": [
    {"subject": "PERSON", "name": names[i % 10] + str(i), "post": "城建办干部",
     "fact": "按期完成农村人居环境整治第%d项任务，群众满意度高" % (i + 1), "points": 2 + i % 4,
     "sourceModule": "bench", "sourceId": "%s-%s-%d" % (board, period, i)} for i in range(n)]}))
PY
)
  curl -fs -o /dev/null -X POST -H "$AUTH" "$BASE_URL/api/boards/issues/$id/submit"
  curl -fs -o /dev/null -X POST -H "$LEAD" "$BASE_URL/api/boards/issues/$id/notice"
  psql_ -q -c "update board_issue set notice_ends_at = now() - interval '1 minute' where id = $id"
  curl -fs -o /dev/null -X POST -H "$AUTH" "$BASE_URL/api/boards/issues/$id/publish"
  echo "$id"
}
echo "== publishing: red 2026-11 (30 entries), people 2026-H2 (20), red 2026-10 (200, for the poster)"
publish red 2026-11 30 >/dev/null
publish people 2026-H2 20 >/dev/null
POSTER=$(publish red 2026-10 200)

curl -fs -o "$OUT/public.html" "$BASE_URL/public/demo-town"
mkdir -p "$STATIC_DIR/css"; cp "$OUT/public.html" "$STATIC_DIR/css/bench-static.html"
echo "== public page: $(wc -c < "$OUT/public.html") bytes, $(grep -c 'list-group-item' "$OUT/public.html") entries"
curl -fs -o /dev/null "$BASE_URL/css/bench-static.html"
if [ "${ONLY_LOAD:-0}" = 1 ]; then echo "== loaded; app on $BASE_URL (pid $APP), database $DB"; exit 0; fi

run() { # name, path
  echo "== $1: warm-up 10 s"
  wrk -t2 -c"$CONN" -d10s "$BASE_URL$2" > /dev/null
  echo "== $1: wrk -t2 -c$CONN -d$DURATION --latency $2"
  wrk -t2 -c"$CONN" -d"$DURATION" --latency "$BASE_URL$2" | tee "$OUT/$1.txt"
}
run public-page /public/demo-town
run static-file /css/bench-static.html
echo "== sessions created by the public page (must be 0): $(psql_ -Atc 'select count(*) from spring_session')"

echo "== A3 poster of 200 entries, 20 renderings in a row (signed in as the discipline office)"
rm -f "$OUT/poster-times.txt"
for i in $(seq 20); do
  curl -fs -o "$OUT/poster.pdf" -w '%{time_total}\n' -H "$AUTH" \
    "$BASE_URL/api/boards/issues/$POSTER/poster.pdf?size=A3" >> "$OUT/poster-times.txt"
done
sort -n "$OUT/poster-times.txt" | awk '{a[NR]=$1} END {printf "   min %.3f s, median %.3f s, max %.3f s (%d runs)\n", a[1], a[int((NR+1)/2)], a[NR], NR}'
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
