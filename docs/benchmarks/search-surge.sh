#!/usr/bin/env bash
# Search under a surge: CONNECTIONS (50) connections asking plain, typo and faceted searches for DURATION (10 s)
# on the demo catalog with the embedded Elasticsearch node, counting full result pages, degraded pages (the
# database's answer), "busy" pages and answers of 500 or more (docs/benchmarks/search-mix.lua), with the
# processor time the application, Elasticsearch and MariaDB spent per answer. Then the same with the short
# cache of answers off (podium.search.load.results-time-to-live=0), so that every search reaches the cluster
# through the bulkhead: what the cluster and the bulkhead do alone.
#
#   docs/benchmarks/search-surge.sh               # results printed and written to target/benchmarks/
#   JAR=other.jar docs/benchmarks/search-surge.sh # another build (a baseline)
#
# Bounded: loopback only, fixed durations; it stops the application it started (data in
# target/bench-surge-data, apart from ./data).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-50}"
DATA_DIR="${DATA_DIR:-target/bench-surge-data}"
OUT_DIR=target/benchmarks
mkdir -p "$OUT_DIR"
LOG="$OUT_DIR/search-surge-app.log"
RESULTS="$OUT_DIR/search-surge-$(date -u +%Y%m%dT%H%M%SZ).md"
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
PORT="${PORT:-18095}"
while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
BASE="http://127.0.0.1:$PORT"

JAR="${JAR:-}"
if [ -z "$JAR" ]; then
	./mvnw -B -q -ntp -DskipTests package
	JAR="$(ls target/podium-*.jar | grep -v original | head -1)"
fi
ES_VERSION="$(sed -n 's:.*<elasticsearch.distribution.version>\(.*\)</elasticsearch.distribution.version>.*:\1:p' pom.xml)"
ES_ZIP="$HOME/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"

APP_PID=""
stop_app() {
	if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
		kill -TERM -- "-$APP_PID" 2>/dev/null || true
		for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
		kill -KILL -- "-$APP_PID" 2>/dev/null || true
	fi
	APP_PID=""
}
trap stop_app EXIT INT TERM

descendants() { local child; for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done; }
ES_PID=0
DB_PID=0
find_pids() {
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
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
TICK_MS=$((1000 / $(getconf CLK_TCK)))

start_app() { # extra arguments for the application
	: >"$LOG"
	setsid "$JAVA_HOME/bin/java" -Xmx512m "-Dpodium.embedded.elasticsearch.distribution=$ES_ZIP" -jar "$JAR" \
		--spring.profiles.active=dev --server.port="$PORT" --podium.embedded.data-dir="$DATA_DIR" \
		--podium.media.dir="$DATA_DIR/media" "$@" >>"$LOG" 2>&1 </dev/null &
	APP_PID=$!
	for _ in $(seq 1 600); do
		if curl -s --max-time 2 "$BASE/actuator/health" | grep -q '"search":{"status":"UP"'; then
			find_pids
			return 0
		fi
		kill -0 "$APP_PID" 2>/dev/null || { echo "The application stopped; see $LOG" >&2; exit 1; }
		sleep 1
	done
	echo "The application did not become healthy; see $LOG" >&2
	exit 1
}

ROWS=()
surge() { # name
	local app es db line answers
	# warm-up: the JIT and the first searches of the index are not what is measured
	wrk -t2 -c4 -d5s -s docs/benchmarks/search-mix.lua "$BASE" >/dev/null
	app="$(cpu_ticks "$APP_PID")"; es="$(cpu_ticks "$ES_PID")"; db="$(cpu_ticks "$DB_PID")"
	line="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s docs/benchmarks/search-mix.lua "$BASE" | grep '^MIX')"
	answers="$(sed -E 's/.*, ([0-9]+) answers:.*/\1/' <<<"$line")"
	cpu="$(awk -v a="$app" -v b="$(cpu_ticks "$APP_PID")" -v c="$es" -v d="$(cpu_ticks "$ES_PID")" \
		-v e="$db" -v f="$(cpu_ticks "$DB_PID")" -v n="$answers" -v t="$TICK_MS" \
		'BEGIN { n = (n > 0) ? n : 1; printf "%.1f / %.1f / %.1f", (b - a) * t / n, (d - c) * t / n, (f - e) * t / n }')"
	say "$1: $line; CPU ms per answer (app / Elasticsearch / MariaDB): $cpu"
	ROWS+=("| $1 | ${line#MIX } | $cpu |")
}

say "Starting the application on $PORT"
rm -rf "$DATA_DIR"
start_app
surge "answers kept for seconds (as configured)"
stop_app

say "Restarting with no answers kept: every search goes through the bulkhead to the cluster"
start_app --podium.search.load.results-time-to-live=0
surge "no answers kept (bulkhead and fallbacks only)"
stop_app

{
	echo "# Search surge $(date -u +%Y-%m-%dT%H:%MZ)"
	echo
	echo "- Command: \`DURATION=$DURATION CONNECTIONS=$CONNECTIONS docs/benchmarks/search-surge.sh\`; checkout $(git rev-parse --short HEAD); jar $JAR"
	echo "- Machine: $MACHINE; load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "- Demo catalog, embedded Elasticsearch $ES_VERSION and MariaDB; searches cycle through"
	echo "  \`/us/search?q=hoodie\`, \`?q=hoddie\` (a typo) and \`?q=t-shirt&category=t-shirts&size=M\` (faceted)"
	echo
	echo "| configuration | $CONNECTIONS connections, $DURATION | CPU ms per answer: app / Elasticsearch / MariaDB |"
	echo "|---|---|---|"
	printf '%s\n' "${ROWS[@]}"
} | tee "$RESULTS"
