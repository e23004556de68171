#!/usr/bin/env bash
# A local cluster of the shop on this machine, everything on 127.0.0.1:
#
#   Varnish :8110  ->  HAProxy :8111 (stats :8118)  ->  instances :8121, :8122
#                                                        |-> MariaDB :8113 and Elasticsearch :8114 (one of each)
#
# The database and the search node are the shop's own embedded components, run once in a process of their own
# (shop.podium.embedded.EmbeddedServers); the instances are the built jar (./mvnw -DskipTests package), pointed at
# them. Everything it starts leaves a pid file and a log under target/cluster/ (PODIUM_CLUSTER_DIR).
#
#   ops/cluster/cluster.sh start            start what is not running, wait until the front door answers
#   ops/cluster/cluster.sh stop             stop everything it started (and nothing else)
#   ops/cluster/cluster.sh status           what runs, and whether it is healthy
#   ops/cluster/cluster.sh restart-instances  stop every instance, then start them all again
#   ops/cluster/cluster.sh stop-instance N | start-instance N | kill-instance N   (N = 1 or 2; kill is kill -9)
#   ops/cluster/cluster.sh maint-instance N | ready-instance N   take instance N out of HAProxy's rotation, put it back
#
# The instances share one Stripe emulator (its state is in the database; a call or a webhook sent by one instance
# may reach the other through HAProxy), so they are given the same emulator key and webhook signing secret, made
# up once per cluster in target/cluster/emulator.properties.
#
# PODIUM_CLUSTER_FRESH=true makes `start` drop the data of earlier runs (unless the database is running).
#
# Ports can be moved with PODIUM_CLUSTER_PORT_BASE (default 8110: Varnish at +0, HAProxy +1, MariaDB +3,
# Elasticsearch +4/+5, HAProxy stats +8, instances +11 and +12).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN="${PODIUM_CLUSTER_DIR:-$ROOT/target/cluster}"
BASE="${PODIUM_CLUSTER_PORT_BASE:-8110}"
PORT_VARNISH=$((BASE + 0))
PORT_HAPROXY=$((BASE + 1))
PORT_DB=$((BASE + 3))
PORT_SEARCH=$((BASE + 4))
PORT_SEARCH_TRANSPORT=$((BASE + 5))
PORT_STATS=$((BASE + 8))
INSTANCES=(1 2)
CONFIG="$ROOT/ops/cluster"

instance_port() {
	echo $((BASE + 10 + $1))
}

say() {
	printf '[cluster] %s\n' "$*"
}

die() {
	printf '[cluster] %s\n' "$*" >&2
	exit 1
}

java_bin() {
	local candidate
	for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
		if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then
			echo "$candidate/bin/java"
			return
		fi
	done
	command -v java || die "No Java found: set JAVA_HOME to a JDK 21 or newer"
}

shop_jar() {
	local jar
	jar="$(ls -1 "$ROOT"/target/podium-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)"
	[ -n "$jar" ] || die "No shop jar in target/: build it first with ./mvnw -DskipTests package"
	echo "$jar"
}

search_distribution() {
	if [ -n "${PODIUM_ES_DISTRIBUTION:-}" ]; then
		echo "$PODIUM_ES_DISTRIBUTION"
		return
	fi
	local found
	found="$(ls -1 "${MAVEN_REPOSITORY:-$HOME/.m2/repository}"/org/elasticsearch/distribution/integ-test-zip/elasticsearch/*/elasticsearch-*.zip 2>/dev/null | sort -V | tail -1 || true)"
	[ -n "$found" ] || die "No Elasticsearch distribution in the local Maven repository: run ./mvnw -DskipTests package (or set PODIUM_ES_DISTRIBUTION)"
	echo "$found"
}

pid_of() {
	local file="$RUN/pids/$1.pid"
	[ -s "$file" ] && cat "$file" || true
}

running() {
	local pid
	pid="$(pid_of "$1")"
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

http_status() {
	curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-2}" "$1" 2>/dev/null || true
}

await() {
	# await <what> <seconds> <command...>
	local what="$1" seconds="$2"
	shift 2
	local deadline=$((SECONDS + seconds))
	until "$@"; do
		if [ "$SECONDS" -ge "$deadline" ]; then
			die "$what not ready after ${seconds}s; see $RUN/logs/"
		fi
		sleep 0.5
	done
}

# Stops the process of a pid file: TERM, then KILL after a grace period.
stop_pid() {
	local name="$1" grace="${2:-30}" pid
	pid="$(pid_of "$name")"
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null || true
		local deadline=$((SECONDS + grace))
		while kill -0 "$pid" 2>/dev/null; do
			if [ "$SECONDS" -ge "$deadline" ]; then
				say "$name did not stop within ${grace}s: killing it"
				kill -KILL "$pid" 2>/dev/null || true
				break
			fi
			sleep 0.2
		done
		say "stopped $name (pid $pid)"
	fi
	rm -f "$RUN/pids/$name.pid"
}

start_embedded() {
	if running embedded; then
		return
	fi
	local java jar distribution
	java="$(java_bin)"
	jar="$(shop_jar)"
	distribution="$(search_distribution)"
	rm -f "$RUN/instance.properties"
	say "starting MariaDB on :$PORT_DB and Elasticsearch on :$PORT_SEARCH"
	nohup "$java" -Xmx128m -cp "$jar" -Dloader.main=shop.podium.embedded.EmbeddedServers \
		org.springframework.boot.loader.launch.PropertiesLauncher \
		--podium.embedded.data-dir="$RUN/data" \
		--podium.embedded.mariadb.fresh="${PODIUM_CLUSTER_FRESH:-false}" \
		--podium.embedded.mariadb.port="$PORT_DB" \
		--podium.embedded.elasticsearch.port="$PORT_SEARCH" \
		--podium.embedded.elasticsearch.transport-port="$PORT_SEARCH_TRANSPORT" \
		--podium.embedded.elasticsearch.distribution="$distribution" \
		--podium.embedded.elasticsearch.start-timeout="${PODIUM_COMPONENT_START_TIMEOUT:-600}s" \
		--podium.embedded.export="$RUN/instance.properties" \
		>"$RUN/logs/embedded.log" 2>&1 &
	echo $! >"$RUN/pids/embedded.pid"
	await "the database" "${PODIUM_COMPONENT_START_TIMEOUT:-600}" database_ready
	await "Elasticsearch" "${PODIUM_COMPONENT_START_TIMEOUT:-600}" search_ready
}

database_ready() {
	# a process that failed to start is not waited for until the timeout
	running embedded || die "the embedded components stopped; see $RUN/logs/embedded.log"
	test -s "$RUN/instance.properties"
}

search_ready() {
	running embedded || die "the embedded components stopped; see $RUN/logs/embedded.log"
	[ "$(http_status "http://127.0.0.1:$PORT_SEARCH/_cluster/health?wait_for_status=yellow&timeout=1s" 3)" = 200 ]
}

instance_ready() {
	running "instance$1" || die "instance $1 stopped; see $RUN/logs/instance$1.log"
	[ "$(http_status "http://127.0.0.1:$(instance_port "$1")/actuator/health/readiness")" = 200 ]
}

# The emulator's key and webhook signing secret, the same for every instance, made up once per cluster.
emulator_secrets() {
	local file="$RUN/emulator.properties"
	if [ ! -s "$file" ]; then
		(umask 077
			printf 'podium.stripe.emulator.secret-key=sk_test_cluster_%s\npodium.stripe.webhook-secret=whsec_cluster_%s\n' \
				"$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')" "$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')" >"$file.new")
		mv "$file.new" "$file"
	fi
}

start_instance() {
	local n="$1" port java jar
	if running "instance$n"; then
		return
	fi
	port="$(instance_port "$n")"
	java="$(java_bin)"
	jar="$(shop_jar)"
	say "starting instance $n on :$port"
	# from the repository root: the demo catalog (catalog-seed/) and the themes are read from there
	(cd "$ROOT"
		exec nohup "$java" ${PODIUM_INSTANCE_JAVA_OPTS:--Xms256m -Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} -jar "$jar" \
		--spring.profiles.active=dev \
		--spring.config.import="optional:file:$RUN/instance.properties,file:$RUN/emulator.properties" \
		--server.port="$port" \
		--server.address=127.0.0.1 \
		--server.shutdown=graceful \
		--podium.search.uris="http://127.0.0.1:$PORT_SEARCH" \
		--podium.embedded.data-dir="$RUN/data" \
		--podium.media.dir="$RUN/data/media" \
		--podium.http-cache.purge-urls="http://127.0.0.1:$PORT_VARNISH/" \
		--podium.stripe.emulator.enabled=true \
		--podium.stripe.emulator.api-base="http://127.0.0.1:$PORT_HAPROXY/stripe-emulator" \
		--podium.stripe.emulator.webhook-url="http://127.0.0.1:$PORT_HAPROXY/webhooks/stripe" \
		${PODIUM_INSTANCE_ARGS:-} \
		>>"$RUN/logs/instance$n.log" 2>&1) &
	echo $! >"$RUN/pids/instance$n.pid"
}

await_instance() {
	await "instance $1" "${PODIUM_INSTANCE_START_TIMEOUT:-600}" instance_ready "$1"
	say "instance $1 ready on :$(instance_port "$1")"
	if running haproxy; then
		# ready is not yet served: HAProxy sends it requests only after two good checks of its own (rise 2)
		await "HAProxy taking instance $1 back" 30 balanced "$1"
		say "instance $1 in HAProxy's rotation"
	fi
}

# Whether HAProxy sends requests to instance N: its server is UP on the statistics page (CSV, column 18).
balanced() {
	curl -s --max-time 2 "http://127.0.0.1:$PORT_STATS/;csv" 2>/dev/null \
		| awk -F, -v server="app$1" '$1 == "instances" && $2 == server { print $18 }' | grep -qx 'UP'
}

# Sets instance N's state in HAProxy (maint: no request reaches it; ready: back once its checks pass) through the
# statistics page, which takes such changes from this machine only.
haproxy_state() {
	local code
	code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -d "s=app$1&action=$2&b=instances" \
		"http://127.0.0.1:$PORT_STATS/" || true)"
	[ "$code" = 303 ] || die "HAProxy refused to set app$1 to $2 (HTTP $code)"
	say "instance $1 set to $2 in HAProxy"
}

in_maintenance() {
	curl -s --max-time 2 "http://127.0.0.1:$PORT_STATS/;csv" 2>/dev/null \
		| awk -F, -v server="app$1" '$1 == "instances" && $2 == server { print $18 }' | grep -q 'MAINT'
}

start_haproxy() {
	if running haproxy; then
		return
	fi
	say "starting HAProxy on :$PORT_HAPROXY (stats on :$PORT_STATS)"
	PODIUM_HAPROXY_BIND="127.0.0.1:$PORT_HAPROXY" PODIUM_HAPROXY_STATS="127.0.0.1:$PORT_STATS" \
		PODIUM_APP1="127.0.0.1:$(instance_port 1)" PODIUM_APP2="127.0.0.1:$(instance_port 2)" \
		haproxy -f "$CONFIG/haproxy/haproxy.cfg" -D -p "$RUN/pids/haproxy.pid" >>"$RUN/logs/haproxy.log" 2>&1
}

start_varnish() {
	if running varnish; then
		return
	fi
	say "starting Varnish on :$PORT_VARNISH"
	local site="$RUN/varnish-site"
	mkdir -p "$site"
	# the site file names HAProxy's port, which moves with PODIUM_CLUSTER_PORT_BASE
	sed "s/\"8111\"/\"$PORT_HAPROXY\"/" "$CONFIG/varnish/local/podium-site.vcl" >"$site/podium-site.vcl"
	varnishd -a "127.0.0.1:$PORT_VARNISH" -T none -f "$CONFIG/varnish/podium.vcl" -p vcl_path="$site" \
		-n "$RUN/varnish" -s malloc,128m -P "$RUN/pids/varnish.pid" >>"$RUN/logs/varnish.log" 2>&1
}

# Starts every instance at once, then waits for each: on a fresh database one applies the migrations and loads the
# demo catalog while the other waits for it (Flyway's lock, the seed's cluster lock).
start_instances() {
	local n
	for n in "${INSTANCES[@]}"; do
		start_instance "$n"
	done
	for n in "${INSTANCES[@]}"; do
		await_instance "$n"
	done
	if running varnish; then
		# Varnish's own probe marked HAProxy sick while no instance answered: it answers 503 until it has seen
		# HAProxy well again
		await "the front door (Varnish -> HAProxy -> instances)" 60 front_ready
	fi
}

front_ready() {
	[ "$(http_status "http://127.0.0.1:$PORT_VARNISH/actuator/health/readiness")" = 200 ]
}

start() {
	command -v haproxy >/dev/null || die "haproxy is not installed (Debian: apt-get install haproxy)"
	command -v varnishd >/dev/null || die "varnishd is not installed (Debian: apt-get install varnish varnish-modules)"
	if [ "${PODIUM_CLUSTER_FRESH:-false}" = true ] && ! running embedded; then
		# a cluster whose state is that of a first start (the cluster suite): the database and search data of
		# earlier runs go
		say "starting from empty data (PODIUM_CLUSTER_FRESH=true)"
		rm -rf "$RUN/data"
	fi
	mkdir -p "$RUN/pids" "$RUN/logs" "$RUN/data"
	start_embedded
	emulator_secrets
	start_instances
	start_haproxy
	for n in "${INSTANCES[@]}"; do
		await "HAProxy taking instance $n" 30 balanced "$n"
	done
	start_varnish
	await "the front door (Varnish -> HAProxy -> instances)" 30 front_ready
	say "ready: http://127.0.0.1:$PORT_VARNISH (HAProxy http://127.0.0.1:$PORT_HAPROXY, its stats http://127.0.0.1:$PORT_STATS)"
}

stop() {
	stop_pid varnish 10
	stop_pid haproxy 10
	for n in "${INSTANCES[@]}"; do
		stop_pid "instance$n" 40
	done
	stop_pid embedded 40
	# the components stop with their process; one left by a killed process is stopped through its own pid file
	local file pid
	for file in "$RUN/data/mariadb/mariadbd.pid" "$RUN"/data/elasticsearch/logs/elasticsearch.pid \
		/var/tmp/podium-elasticsearch/*/logs/elasticsearch.pid; do
		[ -s "$file" ] || continue
		# as root the node lives under /var/tmp (nobody cannot reach every checkout): only ours, by its port
		case "$file" in
		/var/tmp/*) grep -qs "^http.port: $PORT_SEARCH\$" "$(dirname "$file")/../config/elasticsearch.yml" || continue ;;
		esac
		pid="$(cat "$file")"
		if kill -0 "$pid" 2>/dev/null; then
			say "stopping a component left running (pid $pid, $file)"
			kill -TERM "$pid" 2>/dev/null || true
		fi
	done
}

status() {
	local name url code
	for name in embedded instance1 instance2 haproxy varnish; do
		case "$name" in
		embedded) url="http://127.0.0.1:$PORT_SEARCH/_cluster/health" ;;
		instance*) url="http://127.0.0.1:$(instance_port "${name#instance}")/actuator/health/readiness" ;;
		haproxy) url="http://127.0.0.1:$PORT_HAPROXY/actuator/health/readiness" ;;
		varnish) url="http://127.0.0.1:$PORT_VARNISH/actuator/health/readiness" ;;
		esac
		if running "$name"; then
			code="$(http_status "$url")"
			printf '%-10s running (pid %s)  %s -> %s\n' "$name" "$(pid_of "$name")" "$url" "$code"
		else
			printf '%-10s stopped\n' "$name"
		fi
	done
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
restart-instances)
	for n in "${INSTANCES[@]}"; do
		stop_pid "instance$n" 40 &
	done
	wait
	emulator_secrets
	start_instances
	;;
stop-instance) stop_pid "instance${2:?instance number}" 40 ;;
start-instance)
	emulator_secrets
	start_instance "${2:?instance number}"
	await_instance "$2"
	;;
maint-instance)
	haproxy_state "${2:?instance number}" maint
	await "HAProxy taking instance $2 out" 10 in_maintenance "$2"
	;;
ready-instance)
	haproxy_state "${2:?instance number}" ready
	await "HAProxy taking instance $2 back" 30 balanced "$2"
	;;
kill-instance)
	pid="$(pid_of "instance${2:?instance number}")"
	[ -n "$pid" ] && kill -KILL "$pid" && say "killed instance $2 (pid $pid)"
	rm -f "$RUN/pids/instance$2.pid"
	;;
*)
	# the comment at the top of this file
	awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
	exit 2
	;;
esac
