#!/usr/bin/env bash
# Storefront benchmark: the cold start of `./mvnw spring-boot:run` to the first page served, then
# requests/second and p50/p99 latency (wrk) for the region home, a category page, a product page and a
# static CSS file served by the same application in the same run, at 8 and 50 connections, for a guest and for
# a signed-in fan with a cart (signed in and added to the cart with curl, then wrk with the session cookie);
# then, with RENDERED=1, the same with storefront pages not kept (every page rendered for every request) after
# a restart.
#
#   docs/benchmarks/storefront.sh                 # results printed and written to target/benchmarks/
#   REGION=jp DURATION=15s docs/benchmarks/storefront.sh
#   RENDERED=1 docs/benchmarks/storefront.sh      # also the pages rendered for every request
#   SKIP_COLD=1 docs/benchmarks/storefront.sh     # keep the data directory: no first start from empty
#
# Bounded: loopback only, fixed durations, and it stops the application it started. The application
# runs on a free port with its own data directory (target/bench-data), apart from ./data.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

REGION="${REGION:-us}"
DURATION="${DURATION:-15s}"
THREADS=2
RENDERED="${RENDERED:-}"
FAN_EMAIL="${FAN_EMAIL:-fan@podium.test}"
FAN_PASSWORD="${FAN_PASSWORD:-podium-demo-2026}"
DATA_DIR=target/bench-data
OUT_DIR=target/benchmarks
mkdir -p "$OUT_DIR"
LOG="$OUT_DIR/app.log"
RESULTS="$OUT_DIR/storefront-$(date -u +%Y%m%dT%H%M%SZ).md"

say() {
	printf '\n==> %s\n' "$*" >&2
}

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- tools and JDK ------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
	say "Installing wrk (Debian package)"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk
fi
for tool in curl awk; do
	command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
	export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [ -z "${JAVA_HOME:-}" ]; then
	echo "Set JAVA_HOME to a JDK 21 or newer" >&2
	exit 1
fi

# --- the machine ----------------------------------------------------------------------------------
CPU_MODEL="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
MEMORY="$(free -h | awk '/^Mem:/ { print $2 }')"
MACHINE="$(nproc) cores ($CPU_MODEL), $MEMORY memory, $(uname -sr), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
# other work on the machine skews every figure: say how busy it was
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
say "Machine: $MACHINE"

# --- a free port ----------------------------------------------------------------------------------
port_in_use() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
PORT="${PORT:-18080}"
while port_in_use "$PORT"; do
	PORT=$((PORT + 1))
done
BASE="http://127.0.0.1:$PORT"

# --- build, then start and stop the application -----------------------------------------------------
if [ -z "${SKIP_BUILD:-}" ]; then
	say "Building the jar (./mvnw -B -q -DskipTests package)"
	./mvnw -B -q -ntp -DskipTests package
fi

APP_PID=""
stop_app() {
	if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
		say "Stopping the application (process group $APP_PID)"
		kill -TERM -- "-$APP_PID" 2>/dev/null || true
		for _ in $(seq 1 60); do
			kill -0 "$APP_PID" 2>/dev/null || break
			sleep 1
		done
		kill -KILL -- "-$APP_PID" 2>/dev/null || true
	fi
	APP_PID=""
}
trap stop_app EXIT INT TERM

# Starts `./mvnw spring-boot:run` in its own process group and sets STARTUP to the seconds until /$REGION
# answers 200. Arguments are passed on to the application.
STARTUP=""
start_app() {
	local started now status
	started="$(date +%s.%N)"
	setsid ./mvnw -B -q -ntp spring-boot:run \
		"-Dspring-boot.run.arguments=--server.port=$PORT --podium.embedded.data-dir=$DATA_DIR $*" \
		>>"$LOG" 2>&1 </dev/null &
	APP_PID=$!
	for _ in $(seq 1 600); do
		status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/$REGION" || true)"
		if [ "$status" = "200" ]; then
			now="$(date +%s.%N)"
			STARTUP="$(awk -v a="$started" -v b="$now" 'BEGIN { printf "%.1f", b - a }')"
			return 0
		fi
		if ! kill -0 "$APP_PID" 2>/dev/null; then
			echo "The application stopped; see $LOG" >&2
			exit 1
		fi
		sleep 0.5
	done
	echo "/$REGION did not answer 200 within 5 minutes; see $LOG" >&2
	exit 1
}

: >"$LOG"
FIRST_START="not measured (SKIP_COLD)"
if [ -z "${SKIP_COLD:-}" ]; then
	rm -rf "$DATA_DIR"
	say "Cold start with an empty data directory (creates the database, loads the demo catalog)"
	start_app
	FIRST_START="$STARTUP"
	echo "first start: ${FIRST_START} s" >&2
	stop_app
fi
say "Cold start with the data kept (a restart)"
start_app
RESTART="$STARTUP"
echo "restart: ${RESTART} s" >&2

# --- the pages --------------------------------------------------------------------------------------
first_link() {
	# the first href on the page at $1 that matches the pattern $2
	curl -s --max-time 10 "$BASE$1" | grep -o "href=\"$2[^\"]*\"" | head -1 | sed -e 's/^href="//' -e 's/"$//' -e 's/&amp;/\&/g'
}
HOME_PAGE="/$REGION"
CATEGORY_PAGE="$(first_link "$HOME_PAGE" "/$REGION/categories/")"
PRODUCT_PAGE="$(first_link "${CATEGORY_PAGE:-$HOME_PAGE}" "/$REGION/products/")"
STATIC_FILE="$(curl -s --max-time 10 "$BASE$HOME_PAGE" | grep -o '<link[^>]*rel="stylesheet"[^>]*>' \
	| grep -o 'href="[^"]*\.css[^"]*"' | grep -v '^href="http' | head -1 | sed -e 's/^href="//' -e 's/"$//')"
for page in "$CATEGORY_PAGE" "$PRODUCT_PAGE" "$STATIC_FILE"; do
	if [ -z "$page" ]; then
		echo "Could not find a category page, a product page and a stylesheet linked from $HOME_PAGE" >&2
		exit 1
	fi
done
for page in "$HOME_PAGE" "$CATEGORY_PAGE" "$PRODUCT_PAGE" "$STATIC_FILE"; do
	status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE$page")"
	[ "$status" = "200" ] || { echo "$page answers $status" >&2; exit 1; }
done

# --- a signed-in fan with a cart --------------------------------------------------------------------
# Signs in as the demo fan and puts the product in their cart, then sets FAN_COOKIE to the Cookie header their
# browser would send (session, CSRF token, region).
FAN_COOKIE=""
sign_in_fan() {
	local jar="$OUT_DIR/fan-cookies.txt" token page sku status
	rm -f "$jar"
	token="$(curl -s -c "$jar" -b "$jar" "$BASE/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
	status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" \
		--data-urlencode "email=$FAN_EMAIL" --data-urlencode "password=$FAN_PASSWORD" "$BASE/sign-in")"
	[ "$status" = "302" ] || { echo "Signing in as $FAN_EMAIL answered $status" >&2; exit 1; }
	page="$(curl -s -c "$jar" -b "$jar" "$BASE$PRODUCT_PAGE")"
	token="$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')"
	sku="$(grep -o 'name="sku"[^>]*value="[^"]*"' <<<"$page" | grep -v disabled | head -1 | sed 's/.*value="//; s/"$//')"
	status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" \
		--data-urlencode "sku=$sku" --data-urlencode "quantity=1" "$BASE/$REGION/cart/lines")"
	[ "$status" = "302" ] || { echo "Adding $sku to the cart answered $status" >&2; exit 1; }
	# the cookies of the jar (HttpOnly ones are written with a #HttpOnly_ prefix), as one header
	FAN_COOKIE="$(sed 's/^#HttpOnly_//' "$jar" | awk -F'\t' 'NF >= 7 && $1 !~ /^#/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }')"
	# read whole before grep: grep -q stopping early would fail curl's write, and the pipeline with it
	page="$(curl -s -H "Cookie: $FAN_COOKIE" "$BASE$HOME_PAGE")"
	grep -q 'Sign out' <<<"$page" || { echo "The fan's cookie does not sign them in" >&2; exit 1; }
	grep -o 'class="cart-link"[^<]*' <<<"$page" >&2
}

# --- load -------------------------------------------------------------------------------------------
to_ms() {
	# wrk prints latencies as 512.00us, 1.23ms or 1.02s
	awk -v v="$1" 'BEGIN {
		if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
		else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
		else printf "%s", v }'
}

# Processor time of the application's JVM and its database per request: steadier than req/s when other work
# shares the machine (it counts only what these processes did, not the time they waited for a processor).
descendants() { local child; for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done; }
cpu_ticks() { # utime + stime of the application's JVM and MariaDB, in clock ticks
	local pid cmd total=0
	for pid in $(descendants "$APP_PID"); do
		cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
		case "$cmd" in
			*PodiumApplication*|*podium-*.jar*|*mariadbd*)
				total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0))) ;;
		esac
	done
	echo "$total"
}
TICK_MS=$((1000 / $(getconf CLK_TCK)))

declare -A RPS P50 P99 CPU
run_wrk() { # name, path, connections, [Cookie header]
	local name="$1" path="$2" connections="$3" cookie="${4:-}" output
	local headers=()
	[ -n "$cookie" ] && headers=(-H "Cookie: $cookie")
	say "wrk -t$THREADS -c$connections -d$DURATION --latency $path${cookie:+ (signed-in fan)}"
	local before requests
	before="$(cpu_ticks)"
	output="$(wrk -t"$THREADS" -c"$connections" -d"$DURATION" --timeout 10s --latency "${headers[@]}" "$BASE$path")"
	requests="$(awk '/requests in/ { print $1 }' <<<"$output")"
	CPU[$name,$connections]="$(awk -v a="$before" -v b="$(cpu_ticks)" -v n="$requests" -v t="$TICK_MS" 'BEGIN { printf "%.2f", (b - a) * t / (n > 0 ? n : 1) }')"
	echo "$output" >&2
	if grep -q 'Non-2xx or 3xx responses' <<<"$output"; then
		echo "$path answered errors under load" >&2
		exit 1
	fi
	RPS[$name,$connections]="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$output")"
	P50[$name,$connections]="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$output")")"
	P99[$name,$connections]="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$output")")"
}

sign_in_fan
# one warm-up pass so that the JIT and the caches are not what is measured
for path in "$HOME_PAGE" "$CATEGORY_PAGE" "$PRODUCT_PAGE" "$STATIC_FILE"; do
	wrk -t"$THREADS" -c8 -d5s "$BASE$path" >/dev/null
	wrk -t"$THREADS" -c8 -d5s -H "Cookie: $FAN_COOKIE" "$BASE$path" >/dev/null
done
for connections in 8 50; do
	run_wrk home "$HOME_PAGE" "$connections"
	run_wrk category "$CATEGORY_PAGE" "$connections"
	run_wrk product "$PRODUCT_PAGE" "$connections"
	run_wrk fan-home "$HOME_PAGE" "$connections" "$FAN_COOKIE"
	run_wrk fan-category "$CATEGORY_PAGE" "$connections" "$FAN_COOKIE"
	run_wrk fan-product "$PRODUCT_PAGE" "$connections" "$FAN_COOKIE"
	run_wrk static "$STATIC_FILE" "$connections"
done
stop_app
NAMES=(home category product fan-home fan-category fan-product static)

# The same pages rendered for every request: guest pages not kept (what a signed-in fan, a guest with a cart,
# or the first guest of a page after a change costs).
if [ -n "$RENDERED" ]; then
	say "Restart with storefront pages not kept (podium.storefront.guest-pages.enabled=false)"
	start_app --podium.storefront.guest-pages.enabled=false
	sign_in_fan
	for path in "$HOME_PAGE" "$CATEGORY_PAGE" "$PRODUCT_PAGE" "$STATIC_FILE"; do
		wrk -t"$THREADS" -c8 -d5s "$BASE$path" >/dev/null
	done
	for connections in 8 50; do
		run_wrk home-rendered "$HOME_PAGE" "$connections"
		run_wrk product-rendered "$PRODUCT_PAGE" "$connections"
		run_wrk fan-home-rendered "$HOME_PAGE" "$connections" "$FAN_COOKIE"
		run_wrk fan-product-rendered "$PRODUCT_PAGE" "$connections" "$FAN_COOKIE"
		run_wrk static-rendered "$STATIC_FILE" "$connections"
	done
	stop_app
	NAMES+=(home-rendered product-rendered fan-home-rendered fan-product-rendered static-rendered)
fi

# --- report -----------------------------------------------------------------------------------------
ratio() { # name, other name, connections: 100 * req/s of the first / req/s of the second
	awk -v p="${RPS[$1,$3]:-0}" -v s="${RPS[$2,$3]:-0}" 'BEGIN { if (s > 0) printf "%.0f%%", 100 * p / s; else print "-" }'
}
{
	echo "Run $(date -u +%Y-%m-%dT%H:%MZ) at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
	echo "on $MACHINE; wrk with $THREADS threads, $DURATION per run, on the same machine;"
	echo "load average $LOAD_BEFORE before the run, $(cut -d' ' -f1-3 /proc/loadavg) after it."
	echo
	echo "| cold start of \`./mvnw spring-boot:run\` to the first 200 on \`/$REGION\` | seconds |"
	echo "|---|---|"
	echo "| first start (empty data directory: database created, demo catalog loaded) | $FIRST_START |"
	echo "| restart (data kept) | $RESTART |"
	echo
	echo "| page | path | conns | req/s | p50 ms | p99 ms | CPU ms per request (app + database) |"
	echo "|---|---|---|---|---|---|---|"
	for connections in 8 50; do
		for name in "${NAMES[@]}"; do
			case "$name" in
				*home*) path="$HOME_PAGE" ;;
				*category*) path="$CATEGORY_PAGE" ;;
				*product*) path="$PRODUCT_PAGE" ;;
				static*) path="$STATIC_FILE" ;;
			esac
			echo "| $name | \`$path\` | $connections | ${RPS[$name,$connections]} | ${P50[$name,$connections]} | ${P99[$name,$connections]} | ${CPU[$name,$connections]} |"
		done
	done
	echo
	echo "| ratio at 50 connections (req/s against the static file's in the same run) | value | target |"
	echo "|---|---|---|"
	echo "| signed-in fan with a cart: region home / static | $(ratio fan-home static 50) | ≥ 40% |"
	echo "| signed-in fan with a cart: product page / static | $(ratio fan-product static 50) | ≥ 40% |"
	echo "| signed-in fan with a cart: category page / static | $(ratio fan-category static 50) | |"
	echo "| guest: product page / static | $(ratio product static 50) | ≥ 40% |"
	if [ -n "$RENDERED" ]; then
		echo "| pages not kept, signed-in fan: home / static | $(ratio fan-home-rendered static-rendered 50) | |"
		echo "| pages not kept, signed-in fan: product / static | $(ratio fan-product-rendered static-rendered 50) | |"
	fi
} | tee "$RESULTS"
say "Results written to $RESULTS"
