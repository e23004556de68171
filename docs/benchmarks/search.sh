#!/usr/bin/env bash
# Search benchmark on the synthetic catalog (100,000 products by default): the full reindex rate, then
# p50/p95/p99 latency of searches through the application (GET /us/search, the whole page) and of the very
# same request bodies sent straight to Elasticsearch, in the same run, with wrk, and the processor time each
# process (application, Elasticsearch) spent per request.
#
# Each request is measured twice: with one connection (the latency row: one request at a time, so the figures
# are the work of one request and not the wait for a processor behind the others) and with CONNECTIONS
# connections (the throughput row: on 2 cores, 4 connections mostly measure queueing for a processor).
#
#   docs/benchmarks/search.sh                     # results printed and written to target/benchmarks/
#   PRODUCTS=50000 DURATION=20s docs/benchmarks/search.sh
#   JAR=other/podium.jar BODIES=other/bodies docs/benchmarks/search.sh   # measure another build (a baseline)
#
# Bounded: loopback only, fixed durations; it stops the application it started. The application runs on a
# free port with its own data directory (target/bench-search-data), apart from ./data.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PRODUCTS="${PRODUCTS:-100000}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-4}"
WARMUP="${WARMUP:-30s}"
DATA_DIR="${DATA_DIR:-target/bench-search-data}"
CATALOG=target/synthetic-catalog-$PRODUCTS
JAR="${JAR:-}"
BODIES="${BODIES:-}"
OUT_DIR=target/benchmarks
mkdir -p "$OUT_DIR"
LOG="$OUT_DIR/search-app.log"
RESULTS="$OUT_DIR/search-$(date -u +%Y%m%dT%H%M%SZ).md"

say() { printf '\n==> %s\n' "$*" >&2; }

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
	export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

CPU_MODEL="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
MACHINE="$(nproc) cores ($CPU_MODEL), $(free -h | awk '/^Mem:/ { print $2 }') memory, $(uname -sr)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
say "Machine: $MACHINE, load $LOAD_BEFORE"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT="${PORT:-18091}"
while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
BASE="http://127.0.0.1:$PORT"

say "Building, the synthetic catalog of $PRODUCTS products, and the request bodies"
./mvnw -B -q -ntp -DskipTests test-compile
if [ ! -f "$CATALOG/products.csv" ]; then
	./mvnw -B -q -ntp exec:java -Dexec.mainClass=shop.podium.seed.SyntheticCatalog -Dexec.args="$PRODUCTS $CATALOG"
fi
if [ -z "$BODIES" ]; then
	BODIES=target/benchmarks/search-bodies
	./mvnw -B -q -ntp exec:java -Dexec.classpathScope=test -Dexec.mainClass=shop.podium.search.BenchmarkBodies \
		-Dexec.args="$BODIES"
fi
if [ -z "$JAR" ]; then
	./mvnw -B -q -ntp -DskipTests package
	JAR=target/podium-0.1.0-SNAPSHOT.jar
fi

APP_PID=""
stop_app() {
	if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
		say "Stopping the application (process group $APP_PID)"
		kill -TERM -- "-$APP_PID" 2>/dev/null || true
		for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
		kill -KILL -- "-$APP_PID" 2>/dev/null || true
	fi
	APP_PID=""
}
trap stop_app EXIT INT TERM

rm -rf "$DATA_DIR"
: >"$LOG"
say "Starting the application on $PORT with the synthetic catalog (loads it, then indexes it)"
# the node version the project pins (pom.xml), not whichever other version the local repository holds
ES_VERSION="$(sed -n 's:.*<elasticsearch.distribution.version>\(.*\)</elasticsearch.distribution.version>.*:\1:p' pom.xml)"
ES_ZIP="$HOME/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"
setsid "${JAVA_HOME:-/usr}/bin/java" -Xmx512m "-Dpodium.embedded.elasticsearch.distribution=$ES_ZIP" -jar "$JAR" \
	--spring.profiles.active=dev --server.port="$PORT" --podium.embedded.data-dir="$DATA_DIR" \
	--podium.seed.directory="$CATALOG" --podium.seed.users=false --podium.media.dir="$DATA_DIR/media" \
	>>"$LOG" 2>&1 </dev/null &
APP_PID=$!
descendants() { local child; for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done; }
find_pids() { # the Elasticsearch node and MariaDB server the application started
	local pid cmd
	for pid in $(descendants "$APP_PID"); do
		cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
		case "$cmd" in
			*org.elasticsearch.launcher*) ;;
			*-Des.*) ES_PID="$pid" ;;
			*mariadbd*|*mysqld*) DB_PID="$pid" ;;
		esac
	done
}
cpu_ticks() { # utime + stime of a process and its reaped children, in clock ticks
	awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat" 2>/dev/null || echo 0
}
TICK_MS=$((1000 / $(getconf CLK_TCK)))
ES_PID=0
DB_PID=0
cpu_all() { echo "$(cpu_ticks "$APP_PID") $(cpu_ticks "$ES_PID") $(cpu_ticks "$DB_PID")"; }
REINDEX_FROM=""

for _ in $(seq 1 1200); do
	if [ -z "$REINDEX_FROM" ] && grep -q "Search reindex (catalog seeded" "$LOG"; then
		find_pids
		REINDEX_FROM="$(cpu_all)"
	fi
	# the index is built twice on a first start: once when the node answers, again when the seed lands
	if grep -q "Search reindex (catalog seeded" "$LOG" && grep "Search reindex" "$LOG" | tail -1 | grep -q "live with" && curl -s --max-time 2 "$BASE/actuator/health" | grep -q '"search":{"status":"UP"'; then
		break
	fi
	kill -0 "$APP_PID" 2>/dev/null || { echo "The application stopped; see $LOG" >&2; exit 1; }
	sleep 1
done
REINDEX="$(grep -o 'Search reindex: .* live with .*' "$LOG" | tail -1)"
DOCS="$(echo "$REINDEX" | sed -E 's/.* live with ([0-9,]+) documents.*/\1/' | tr -d ,)"
REINDEX_CPU="$(echo "$REINDEX_FROM $(cpu_all)" | awk -v t="$TICK_MS" -v n="$DOCS" '{ printf "%.2f / %.2f / %.2f ms per document (app / Elasticsearch / MariaDB)", ($4 - $1) * t / n, ($5 - $2) * t / n, ($6 - $3) * t / n }')"
ES="http://$(grep -o 'Elasticsearch ready on [0-9.:]*' "$LOG" | tail -1 | sed 's/Elasticsearch ready on //')"
INDEX=podium-products
say "$REINDEX; Elasticsearch at $ES"
# a freshly built index merges its segments for a while; measure the searches after that, not during it
for _ in $(seq 1 180); do
	curl -s "$ES/$INDEX/_stats/merge" | grep -q '"merges":{"current":0,' && break
	sleep 1
done


cat >"$OUT_DIR/search-percentiles.lua" <<'LUA'
done = function(summary, latency, requests)
	io.write(string.format("RESULT %.1f / %.1f / %.1f, %.0f req/s, %d requests, %d errors\n", latency:percentile(50) / 1000,
		latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
		summary.requests,
		summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
cat >"$OUT_DIR/search-post.lua" <<'LUA'
local f = io.open(os.getenv("BODY"), "r")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
LUA
cat "$OUT_DIR/search-percentiles.lua" >>"$OUT_DIR/search-post.lua"

run() { # name, connections, url, [body file]
	local line app_before es_before db_before requests app_ms es_ms db_ms threads=$(( $2 < 2 ? 1 : 2 ))
	app_before="$(cpu_ticks "$APP_PID")"
	es_before="$(cpu_ticks "$ES_PID")"
	db_before="$(cpu_ticks "$DB_PID")"
	if [ -n "${4:-}" ]; then
		line="$(BODY="$4" wrk -t"$threads" -c"$2" -d"$DURATION" -s "$OUT_DIR/search-post.lua" "$3" | grep '^RESULT')"
	else
		line="$(wrk -t"$threads" -c"$2" -d"$DURATION" -s "$OUT_DIR/search-percentiles.lua" "$3" | grep '^RESULT')"
	fi
	requests="$(echo "$line" | sed -E 's/.* ([0-9]+) requests.*/\1/')"
	app_ms="$(awk -v a="$app_before" -v b="$(cpu_ticks "$APP_PID")" -v n="$requests" -v t="$TICK_MS" 'BEGIN { printf "%.1f", (b - a) * t / (n > 0 ? n : 1) }')"
	es_ms="$(awk -v a="$es_before" -v b="$(cpu_ticks "$ES_PID")" -v n="$requests" -v t="$TICK_MS" 'BEGIN { printf "%.1f", (b - a) * t / (n > 0 ? n : 1) }')"
	db_ms="$(awk -v a="$db_before" -v b="$(cpu_ticks "$DB_PID")" -v n="$requests" -v t="$TICK_MS" 'BEGIN { printf "%.1f", (b - a) * t / (n > 0 ? n : 1) }')"
	echo "| $1 | $2 | ${line#RESULT } | $app_ms / $es_ms / $db_ms |" | tee -a "$RESULTS.rows" >&2
}

both() { # name, url, [body file]: the latency row (one connection), then the throughput row
	run "$1" 1 "$2" "${3:-}"
	run "$1" "$CONNECTIONS" "$2" "${3:-}"
}

: >"$RESULTS.rows"
RAW="$ES/$INDEX/_search?typed_keys=true"
APP_URLS=("$BASE/us/search?q=hoodie" "$BASE/us/search?q=t-shirt&category=t-shirts&size=M&price=25-50"
	"$BASE/us/search?q=hoddie" "$BASE/us/search/suggest?q=podiu")
say "Warming up ($WARMUP per page)"
for url in "${APP_URLS[@]}"; do wrk -t1 -c2 -d"$WARMUP" "$url" >/dev/null; done
say "Measuring ($DURATION each, 1 and $CONNECTIONS connections)"
both "app: text query \`hoodie\`" "${APP_URLS[0]}"
both "raw ES: same body" "$RAW" "$BODIES/text.json"
both "app: faceted \`t-shirt\` + category + size + price" "${APP_URLS[1]}"
both "raw ES: same body" "$RAW" "$BODIES/faceted.json"
both "app: typo \`hoddie\` (exact pass, then fuzzy pass)" "${APP_URLS[2]}"
both "raw ES: exact pass body" "$RAW" "$BODIES/typo-exact.json"
both "raw ES: fuzzy pass body" "$RAW" "$BODIES/typo-fuzzy.json"
both "app: type-ahead \`podiu\`" "${APP_URLS[3]}"
both "raw ES: same body" "$RAW" "$BODIES/suggest.json"

{
	echo "# Search benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
	echo
	echo "- Command: \`PRODUCTS=$PRODUCTS DURATION=$DURATION CONNECTIONS=$CONNECTIONS docs/benchmarks/search.sh\`"
	echo "- Checkout: $(git rev-parse --short HEAD); jar: $JAR; bodies: $BODIES"
	echo "- Machine: $MACHINE; load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "- Elasticsearch $ES_VERSION (embedded, integ-test-zip)"
	echo "- Reindex: $REINDEX"
	echo "- Processor time during that reindex: $REINDEX_CPU"
	echo
	echo "| request | connections | p50 / p95 / p99 ms, throughput | CPU ms per request: app / Elasticsearch / MariaDB |"
	echo "|---|---|---|---|"
	cat "$RESULTS.rows"
} >"$RESULTS"
rm -f "$RESULTS.rows"
cat "$RESULTS"
