#!/usr/bin/env bash
# Start-up of a shop instance beside a database and a search node that already run (what a surge does: more
# instances join a running shop): the seconds from the start of `java` to the first 200 of /$REGION and to
# readiness, for the jar as built and for the same jar extracted and started with the JDK's AOT cache made by a
# training run (JDK 25: -XX:AOTCacheOutput / -XX:AOTCache).
#
#   docs/benchmarks/startup.sh                   # results printed and written to target/benchmarks/
#   RUNS=5 docs/benchmarks/startup.sh
#   SKIP_BUILD=1 docs/benchmarks/startup.sh      # measure the jar already in target/
#   EXTRACTED_ALONE=1 docs/benchmarks/startup.sh # also the extracted jar without the cache
#   DB_PORT=… ES_PORT=… docs/benchmarks/startup.sh  # use a database and search node already running
#   STEPS=25 docs/benchmarks/startup.sh          # the instances log their 25 longest start-up steps
#
# The database and the search node are the embedded MariaDB and Elasticsearch of a first instance ("the
# components host", data in target/startup-data) started once; each measured instance is pointed at them with
# spring.datasource.url and podium.search.uris, so it starts neither itself.
#
# Bounded: loopback only; it stops every process it started. Ports: PORT (the components host) and PORT+1 (the
# measured instance), 18180 and 18181 unless set.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

REGION="${REGION:-us}"
RUNS="${RUNS:-3}"
PORT="${PORT:-18180}"
INSTANCE_PORT=$((PORT + 1))
DATA_DIR=target/startup-data
WORK=target/startup
OUT_DIR=target/benchmarks
mkdir -p "$OUT_DIR" "$WORK"
RESULTS="$OUT_DIR/startup-$(date -u +%Y%m%dT%H%M%SZ).md"

say() { printf '\n==> %s\n' "$*" >&2; }

if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
	export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:?Set JAVA_HOME to a JDK 25}/bin/java"
CPU_MODEL="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
MACHINE="$(nproc) cores ($CPU_MODEL), $(free -h | awk '/^Mem:/ { print $2 }') memory, $(uname -sr), $("$JAVA" -version 2>&1 | head -1)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
say "Machine: $MACHINE, load $LOAD_BEFORE"

if [ -z "${SKIP_BUILD:-}" ]; then
	say "Building the jar"
	./mvnw -B -q -ntp -DskipTests package
fi
JAR="$(ls target/podium-*.jar | grep -v original | head -1)"
ES_VERSION="$(sed -n 's:.*<elasticsearch.distribution.version>\(.*\)</elasticsearch.distribution.version>.*:\1:p' pom.xml)"
ES_ZIP="$HOME/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"

PIDS=()
stop_group() { # a process group leader's pid
	local pid="$1"
	kill -0 "$pid" 2>/dev/null || return 0
	kill -TERM -- "-$pid" 2>/dev/null || true
	# a training run writes its AOT cache as it exits, which takes a while on a busy machine
	for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
	kill -KILL -- "-$pid" 2>/dev/null || true
}
stop_all() {
	for pid in "${PIDS[@]}"; do stop_group "$pid"; done
}
trap stop_all EXIT INT TERM

# --- the components host: its embedded database and search node are what the instances use -----------------
if [ -n "${DB_PORT:-}" ]; then
	# a database (and search node) already running, e.g. a shop started by hand: no components host
	SEARCH_NODE="http://127.0.0.1:${ES_PORT:-9}"
	say "Database on $DB_PORT, search node $SEARCH_NODE (given)"
else
say "Starting the components host on $PORT (embedded MariaDB and Elasticsearch, data in $DATA_DIR)"
HOST_LOG="$WORK/components-host.log"
setsid "$JAVA" -Xmx512m "-Dpodium.embedded.elasticsearch.distribution=$ES_ZIP" -jar "$JAR" \
	--spring.profiles.active=dev --server.port="$PORT" --podium.embedded.data-dir="$DATA_DIR" \
	--podium.media.dir="$DATA_DIR/media" >"$HOST_LOG" 2>&1 </dev/null &
HOST_PID=$!
PIDS+=("$HOST_PID")
for _ in $(seq 1 600); do
	curl -s --max-time 2 "http://127.0.0.1:$PORT/actuator/health" | grep -q '"status":"UP"' && break
	# a node that could not start leaves the host up without it: wait for the host itself (schema, seed)
	grep -q "Elasticsearch could not start" "$HOST_LOG" && grep -q "Started PodiumApplication" "$HOST_LOG" && break
	kill -0 "$HOST_PID" 2>/dev/null || { echo "The components host stopped; see $HOST_LOG" >&2; exit 1; }
	sleep 1
done
DB_PORT="$(grep -o 'MariaDB on 127.0.0.1:[0-9]*' "$HOST_LOG" | head -1 | sed 's/.*://' || true)"
ES_PORT="$(grep -o 'Elasticsearch ready on 127.0.0.1:[0-9]*' "$HOST_LOG" | head -1 | sed 's/.*://' || true)"
if [ -z "$DB_PORT" ]; then
	echo "The components host has no database (see $HOST_LOG)" >&2
	exit 1
fi
SEARCH_NODE="http://127.0.0.1:$ES_PORT"
if [ -z "$ES_PORT" ]; then
	# on a machine this busy the embedded node may need longer than its 180 s to start: the instances then point
	# at an address nobody listens on, as at a search cluster that is down (search answers from the database;
	# the instance's start path is the same, its first contact with the cluster is in the background)
	SEARCH_NODE="http://127.0.0.1:9"
	say "The search node did not start on the components host: instances point at $SEARCH_NODE (a cluster that is down)"
fi
say "Database on $DB_PORT, search node $SEARCH_NODE"
fi

INSTANCE_ARGS=(--spring.profiles.active=dev --server.port="$INSTANCE_PORT"
	"--spring.datasource.url=jdbc:mysql://127.0.0.1:$DB_PORT/podium?sslMode=DISABLED&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
	--spring.datasource.username=root --spring.datasource.password=
	--spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false
	--spring.jpa.properties.jakarta.persistence.database-product-name=MariaDB
	--spring.jpa.properties.jakarta.persistence.database-major-version=11
	--spring.jpa.properties.jakarta.persistence.database-minor-version=4
	"--podium.search.uris=$SEARCH_NODE"
	--podium.embedded.data-dir="$WORK/instance-data" --podium.media.dir="$DATA_DIR/media")

# Starts one instance (java options given as arguments) and sets FIRST_PAGE and READY to the seconds from its
# start to the first 200 of /$REGION and to readiness, and STARTED to what Spring Boot logs.
FIRST_PAGE=""
READY=""
STARTED=""
measure() {
	local log="$WORK/instance.log" started now status pid
	started="$(date +%s.%N)"
	setsid "$JAVA" -Xmx512m ${STEPS:+-Dpodium.startup.steps=$STEPS} "$@" "${INSTANCE_ARGS[@]}" >"$log" 2>&1 </dev/null &
	pid=$!
	PIDS+=("$pid")
	FIRST_PAGE=""
	READY=""
	for _ in $(seq 1 1200); do
		if [ -z "$FIRST_PAGE" ]; then
			status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$INSTANCE_PORT/$REGION" || true)"
			if [ "$status" = "200" ]; then
				now="$(date +%s.%N)"
				FIRST_PAGE="$(awk -v a="$started" -v b="$now" 'BEGIN { printf "%.1f", b - a }')"
			fi
		fi
		if [ -n "$FIRST_PAGE" ] && [ -z "$READY" ]; then
			if curl -s --max-time 5 "http://127.0.0.1:$INSTANCE_PORT/actuator/health/readiness" | grep -q '"status":"UP"'; then
				now="$(date +%s.%N)"
				READY="$(awk -v a="$started" -v b="$now" 'BEGIN { printf "%.1f", b - a }')"
				break
			fi
		fi
		kill -0 "$pid" 2>/dev/null || { echo "The instance stopped; see $log" >&2; exit 1; }
		sleep 0.1
	done
	STARTED="$(grep -o 'Started PodiumApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' | head -1 || true)"
	cp "$log" "$WORK/instance-$(date -u +%H%M%S).log"
	if [ -n "${TRAIN:-}" ]; then
		# the training run: the pages a fan opens first, so that their classes are in the cache too
		for path in "/$REGION" "/$REGION/categories/t-shirts" "/$REGION/search?q=hoodie" "/sign-in" "/"; do
			curl -s -o /dev/null "http://127.0.0.1:$INSTANCE_PORT$path" || true
		done
		curl -s "http://127.0.0.1:$INSTANCE_PORT/$REGION" | grep -o 'href="/'"$REGION"'/products/[^"]*"' | head -3 \
			| sed 's/href="//; s/"//' | while read -r product; do
				curl -s -o /dev/null "http://127.0.0.1:$INSTANCE_PORT$product" || true
			done
	fi
	stop_group "$pid"
}

declare -a ROWS
run_mode() { # name, java options...
	local name="$1" i
	shift
	for i in $(seq 1 "$RUNS"); do
		measure "$@"
		say "$name run $i: first page ${FIRST_PAGE} s, ready ${READY} s (Spring Boot: started in ${STARTED} s)"
		ROWS+=("| $name | $i | $FIRST_PAGE | $READY | $STARTED |")
	done
}

say "The jar as built"
run_mode "jar" -jar "$JAR"

say "Extracting the jar and training the AOT cache"
rm -rf "$WORK/app" "$WORK/podium.aot"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP_JAR="$WORK/app/$(basename "$JAR")"
TRAIN=1 measure -XX:AOTCacheOutput="$WORK/podium.aot" -jar "$APP_JAR"
TRAINING="first page ${FIRST_PAGE} s in the training run"
if [ ! -f "$WORK/podium.aot" ]; then
	echo "The training run wrote no AOT cache; see $WORK/instance.log" >&2
	exit 1
fi
AOT_SIZE="$(du -h "$WORK/podium.aot" | cut -f1)"

say "The extracted jar with the AOT cache"
run_mode "extracted + AOT cache" -XX:AOTCache="$WORK/podium.aot" -jar "$APP_JAR"

if [ -n "${EXTRACTED_ALONE:-}" ]; then
	say "The extracted jar without the cache (what extraction alone gives)"
	run_mode "extracted" -jar "$APP_JAR"
fi

{
	echo "# Start-up beside a running database and search node, $(date -u +%Y-%m-%dT%H:%MZ)"
	echo
	echo "- Command: \`RUNS=$RUNS docs/benchmarks/startup.sh\`; checkout $(git rev-parse --short HEAD)"
	echo "- Machine: $MACHINE; load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "- Search node the instances used: $SEARCH_NODE"
	echo "- AOT cache: $AOT_SIZE, trained by one run ($TRAINING) that opened the home, a category, three products,"
	echo "  a search, the sign-in page and the region chooser"
	echo
	echo "| start | run | first 200 of \`/$REGION\` (s) | ready (s) | Spring Boot's \"Started in\" (s) |"
	echo "|---|---|---|---|---|"
	printf '%s\n' "${ROWS[@]}"
} | tee "$RESULTS"
say "Results written to $RESULTS"
