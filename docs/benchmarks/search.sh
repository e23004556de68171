#!/usr/bin/env bash
# Search benchmark on the synthetic catalog (100,000 products by default): the full reindex rate, then
# p50/p95/p99 latency of searches through the application (GET /us/search, the whole page) and of the very
# same request bodies sent straight to Elasticsearch, in the same run, with wrk.
#
#   docs/benchmarks/search.sh                     # results printed and written to target/benchmarks/
#   PRODUCTS=50000 DURATION=20s docs/benchmarks/search.sh
#
# Bounded: loopback only, fixed durations; it stops the application it started. The application runs on a
# free port with its own data directory (target/bench-search-data), apart from ./data.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PRODUCTS="${PRODUCTS:-100000}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-4}"
DATA_DIR=target/bench-search-data
CATALOG=target/synthetic-catalog-$PRODUCTS
BODIES=target/benchmarks/search-bodies
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
./mvnw -B -q -ntp exec:java -Dexec.classpathScope=test -Dexec.mainClass=shop.podium.search.BenchmarkBodies \
	-Dexec.args="$BODIES"

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
setsid ./mvnw -B -q -ntp spring-boot:run "-Dspring-boot.run.arguments=--server.port=$PORT \
--podium.embedded.data-dir=$DATA_DIR --podium.seed.directory=$CATALOG --podium.seed.users=false \
--podium.media.dir=$DATA_DIR/media" >>"$LOG" 2>&1 </dev/null &
APP_PID=$!
for _ in $(seq 1 1200); do
	# the index is built twice on a first start: once when the node answers, again when the seed lands
	if grep -q "Search reindex (catalog seeded" "$LOG" && grep "Search reindex" "$LOG" | tail -1 | grep -q "live with" && curl -s --max-time 2 "$BASE/actuator/health" | grep -q '"search":{"status":"UP"'; then
		break
	fi
	kill -0 "$APP_PID" 2>/dev/null || { echo "The application stopped; see $LOG" >&2; exit 1; }
	sleep 1
done
REINDEX="$(grep -o 'Search reindex: .* live with .*' "$LOG" | tail -1)"
ES="http://$(grep -o 'Elasticsearch ready on [0-9.:]*' "$LOG" | tail -1 | sed 's/Elasticsearch ready on //')"
INDEX=podium-products
say "$REINDEX; Elasticsearch at $ES"

cat >"$OUT_DIR/search-percentiles.lua" <<'LUA'
done = function(summary, latency, requests)
	io.write(string.format("RESULT p50=%.1f p95=%.1f p99=%.1f rps=%.0f errors=%d\n", latency:percentile(50) / 1000,
		latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
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

run() { # name, url, [body file]
	local line
	if [ -n "${3:-}" ]; then
		line="$(BODY="$3" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$OUT_DIR/search-post.lua" "$2" | grep '^RESULT')"
	else
		line="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$OUT_DIR/search-percentiles.lua" "$2" | grep '^RESULT')"
	fi
	echo "| $1 | ${line#RESULT } |" | tee -a "$RESULTS.rows" >&2
}

: >"$RESULTS.rows"
RAW="$ES/$INDEX/_search?typed_keys=true"
say "Warming up"
for q in "q=hoodie" "q=t-shirt&category=t-shirts&size=M&price=25-50" "q=hoddie"; do curl -s -o /dev/null "$BASE/us/search?$q"; done
say "Measuring ($DURATION each, $CONNECTIONS connections)"
run "app: text query \`hoodie\`" "$BASE/us/search?q=hoodie"
run "raw ES: same body" "$RAW" "$BODIES/text.json"
run "app: faceted \`t-shirt\` + category + size + price" "$BASE/us/search?q=t-shirt&category=t-shirts&size=M&price=25-50"
run "raw ES: same body" "$RAW" "$BODIES/faceted.json"
run "app: typo \`hoddie\` (exact pass, then fuzzy pass)" "$BASE/us/search?q=hoddie"
run "raw ES: exact pass body" "$RAW" "$BODIES/typo-exact.json"
run "raw ES: fuzzy pass body" "$RAW" "$BODIES/typo-fuzzy.json"
run "app: type-ahead \`podiu\`" "$BASE/us/search/suggest?q=podiu"
run "raw ES: same body" "$RAW" "$BODIES/suggest.json"

{
	echo "# Search benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
	echo
	echo "- Command: \`PRODUCTS=$PRODUCTS DURATION=$DURATION CONNECTIONS=$CONNECTIONS docs/benchmarks/search.sh\`"
	echo "- Commit: $(git rev-parse --short HEAD)"
	echo "- Machine: $MACHINE; load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "- Reindex: $REINDEX"
	echo
	echo "| request | latency ms, throughput |"
	echo "|---|---|"
	cat "$RESULTS.rows"
} >"$RESULTS"
rm -f "$RESULTS.rows"
cat "$RESULTS"
