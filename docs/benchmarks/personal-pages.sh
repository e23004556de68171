#!/usr/bin/env bash
# Personal pages (issue 11, item 5): a signed-in fan with a cart reading the region home and a product page,
# against the shop's own stylesheet, at CONNECTIONS (50) connections, DURATION (10 s) each, in the same run:
# static, fan's home, fan's product page, static again (the ratio is to the mean of the two static runs, which
# also says how steady the machine was). Sessions are the database's (Spring Session JDBC). For each row it
# also prints the processor time of the application and of MariaDB per request, and the statements the
# database ran per request (its own counters: SELECT, UPDATE, INSERT, DELETE, and transactions committed).
#
#   docs/benchmarks/personal-pages.sh                     # builds, starts the shop on PORT, measures, stops it
#   JAR=other.jar docs/benchmarks/personal-pages.sh       # another build (a baseline)
#   BASE=http://127.0.0.1:8200 DB_PORT=… APP_PID=… docs/benchmarks/personal-pages.sh   # a shop already running
#
# Bounded: loopback only, fixed durations; it stops the application it started (data in
# target/bench-personal-data, apart from ./data).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

REGION="${REGION:-us}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-50}"
FAN_EMAIL="${FAN_EMAIL:-fan@podium.test}"
FAN_PASSWORD="${FAN_PASSWORD:-podium-demo-2026}"
DATA_DIR="${DATA_DIR:-target/bench-personal-data}"
OUT_DIR=target/benchmarks
mkdir -p "$OUT_DIR"
LOG="$OUT_DIR/personal-pages-app.log"
RESULTS="$OUT_DIR/personal-pages-$(date -u +%Y%m%dT%H%M%SZ).md"
say() { printf '\n==> %s\n' "$*" >&2; }

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
	export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
CPU_MODEL="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
MACHINE="$(nproc) cores ($CPU_MODEL), $(free -h | awk '/^Mem:/ { print $2 }') memory, $(uname -sr)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
say "Machine: $MACHINE, load $LOAD_BEFORE"

STARTED_HERE=""
if [ -z "${BASE:-}" ]; then
	port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
	PORT="${PORT:-18085}"
	while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
	BASE="http://127.0.0.1:$PORT"
	JAR="${JAR:-}"
	if [ -z "$JAR" ]; then
		./mvnw -B -q -ntp -DskipTests package
		JAR="$(ls target/podium-*.jar | grep -v original | head -1)"
	fi
	ES_VERSION="$(sed -n 's:.*<elasticsearch.distribution.version>\(.*\)</elasticsearch.distribution.version>.*:\1:p' pom.xml)"
	ES_ZIP="$HOME/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"
	: >"$LOG"
	setsid "$JAVA_HOME/bin/java" -Xmx512m "-Dpodium.embedded.elasticsearch.distribution=$ES_ZIP" -jar "$JAR" \
		--spring.profiles.active=dev --server.port="$PORT" --podium.embedded.data-dir="$DATA_DIR" \
		--podium.media.dir="$DATA_DIR/media" >>"$LOG" 2>&1 </dev/null &
	APP_PID=$!
	STARTED_HERE=1
	trap 'kill -TERM -- "-$APP_PID" 2>/dev/null || true; sleep 5; kill -KILL -- "-$APP_PID" 2>/dev/null || true' EXIT INT TERM
	for _ in $(seq 1 600); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/$REGION" || true)" = 200 ] && break
		kill -0 "$APP_PID" 2>/dev/null || { echo "The application stopped; see $LOG" >&2; exit 1; }
		sleep 1
	done
	DB_PORT="$(grep -o 'MariaDB on 127.0.0.1:[0-9]*' "$LOG" | head -1 | sed 's/.*://')"
fi
APP_PID="${APP_PID:?APP_PID: the process id of the application}"
DB_PORT="${DB_PORT:?DB_PORT: the database port}"
MARIADB="$(ls "$DATA_DIR"/mariadb/server/bin/mariadb 2>/dev/null || command -v mariadb || command -v mysql || true)"

descendants() { local child; for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done; }
JVM_PID="$APP_PID"
DBD_PID=""
for pid in "$APP_PID" $(descendants "$APP_PID"); do
	case "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)" in
		*mariadbd*|*mysqld*) DBD_PID="$pid" ;;
	esac
done
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
TICK_MS=$((1000 / $(getconf CLK_TCK)))
db_counters() { # Com_select Com_update Com_insert Com_delete Com_commit, space separated
	if [ -z "$MARIADB" ]; then echo "0 0 0 0 0"; return; fi
	"$MARIADB" -h127.0.0.1 -P"$DB_PORT" -uroot -N -B -e "SHOW GLOBAL STATUS WHERE Variable_name IN
		('Com_select','Com_update','Com_insert','Com_delete','Com_commit')" 2>/dev/null \
		| awk '{ v[$1] = $2 } END { print v["Com_select"]+0, v["Com_update"]+0, v["Com_insert"]+0, v["Com_delete"]+0, v["Com_commit"]+0 }'
}

first_link() { curl -s --max-time 10 "$BASE$1" | grep -o "href=\"$2[^\"]*\"" | head -1 | sed -e 's/^href="//' -e 's/"$//'; }
HOME_PAGE="/$REGION"
PRODUCT_PAGE="$(first_link "$HOME_PAGE" "/$REGION/products/")"
STATIC_FILE="$(curl -s --max-time 10 "$BASE$HOME_PAGE" | grep -o '<link[^>]*rel="stylesheet"[^>]*>' \
	| grep -o 'href="[^"]*\.css[^"]*"' | grep -v '^href="http' | head -1 | sed -e 's/^href="//' -e 's/"$//')"
[ -n "$PRODUCT_PAGE" ] && [ -n "$STATIC_FILE" ] || { echo "no product page or stylesheet on $HOME_PAGE" >&2; exit 1; }

# signs in as the demo fan and puts the product in their cart; FAN_COOKIE is what their browser would send
jar="$OUT_DIR/personal-cookies.txt"
rm -f "$jar"
token="$(curl -s -c "$jar" -b "$jar" "$BASE/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" \
	--data-urlencode "email=$FAN_EMAIL" --data-urlencode "password=$FAN_PASSWORD" "$BASE/sign-in")"
[ "$status" = 302 ] || { echo "Signing in answered $status" >&2; exit 1; }
page="$(curl -s -c "$jar" -b "$jar" "$BASE$PRODUCT_PAGE")"
token="$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')"
sku="$(grep -o 'name="sku"[^>]*value="[^"]*"' <<<"$page" | grep -v disabled | head -1 | sed 's/.*value="//; s/"$//')"
status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" \
	--data-urlencode "sku=$sku" --data-urlencode "quantity=1" "$BASE/$REGION/cart/lines")"
[ "$status" = 302 ] || { echo "Adding $sku to the cart answered $status" >&2; exit 1; }
FAN_COOKIE="$(sed 's/^#HttpOnly_//' "$jar" | awk -F'\t' 'NF >= 7 && $1 !~ /^#/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }')"
page="$(curl -s -H "Cookie: $FAN_COOKIE" "$BASE$HOME_PAGE")"
grep -q 'Sign out' <<<"$page" || { echo "The fan's cookie does not sign them in" >&2; exit 1; }
say "Fan signed in, $(grep -o 'class="cart-link"[^<]*' <<<"$page" | head -1)"

declare -A RPS P50 P99 CPU SQL
run() { # name path [cookie]
	local name="$1" path="$2" cookie="${3:-}" out requests app db before after
	local headers=()
	[ -n "$cookie" ] && headers=(-H "Cookie: $cookie")
	app="$(cpu_ticks "$JVM_PID")"; db="$(cpu_ticks "${DBD_PID:-0}")"; before="$(db_counters)"
	out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "${headers[@]}" "$BASE$path")"
	after="$(db_counters)"
	echo "$out" >&2
	if grep -q 'Non-2xx or 3xx' <<<"$out"; then echo "$path answered errors" >&2; exit 1; fi
	requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
	RPS[$name]="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")"
	P50[$name]="$(awk '$1 == "50%" { print $2 }' <<<"$out")"
	P99[$name]="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
	CPU[$name]="$(awk -v a="$app" -v b="$(cpu_ticks "$JVM_PID")" -v c="$db" -v d="$(cpu_ticks "${DBD_PID:-0}")" \
		-v n="$requests" -v t="$TICK_MS" 'BEGIN { n = (n > 0) ? n : 1; printf "%.2f / %.2f", (b - a) * t / n, (d - c) * t / n }')"
	SQL[$name]="$(awk -v b="$before" -v a="$after" -v n="$requests" 'BEGIN { split(b, x, " "); split(a, y, " ");
		n = (n > 0) ? n : 1; printf "%.2f / %.2f / %.2f / %.2f / %.2f", (y[1]-x[1])/n, (y[2]-x[2])/n, (y[3]-x[3])/n, (y[4]-x[4])/n, (y[5]-x[5])/n }')"
}

# warm-up: the JIT and the kept pages are not what is measured
for path in "$STATIC_FILE" "$HOME_PAGE" "$PRODUCT_PAGE"; do
	wrk -t2 -c8 -d5s -H "Cookie: $FAN_COOKIE" "$BASE$path" >/dev/null
done
run static-1 "$STATIC_FILE"
run fan-home "$HOME_PAGE" "$FAN_COOKIE"
run fan-product "$PRODUCT_PAGE" "$FAN_COOKIE"
run static-2 "$STATIC_FILE"

STATIC="$(awk -v a="${RPS[static-1]}" -v b="${RPS[static-2]}" 'BEGIN { printf "%.0f", (a + b) / 2 }')"
ratio() { awk -v p="${RPS[$1]}" -v s="$STATIC" 'BEGIN { printf "%.2f", p / s }'; }
{
	echo "# Personal pages $(date -u +%Y-%m-%dT%H:%MZ)"
	echo
	echo "- Command: \`DURATION=$DURATION CONNECTIONS=$CONNECTIONS docs/benchmarks/personal-pages.sh\`; checkout $(git rev-parse --short HEAD)${JAR:+; jar $JAR}"
	echo "- Machine: $MACHINE; load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "- \`wrk -t2 -c$CONNECTIONS -d$DURATION\`, the demo fan signed in with one item in the cart (Cookie header)"
	echo
	echo "| row | path | req/s | p50 | p99 | CPU ms per request: app / MariaDB | statements per request: SELECT / UPDATE / INSERT / DELETE / COMMIT |"
	echo "|---|---|---:|---:|---:|---|---|"
	for name in static-1 fan-home fan-product static-2; do
		case "$name" in static*) path="$STATIC_FILE" ;; fan-home) path="$HOME_PAGE" ;; *) path="$PRODUCT_PAGE" ;; esac
		echo "| $name | \`$path\` | ${RPS[$name]} | ${P50[$name]} | ${P99[$name]} | ${CPU[$name]} | ${SQL[$name]} |"
	done
	echo
	echo "Ratio to the static file (mean of its two runs, $STATIC req/s): fan's home **$(ratio fan-home)**, fan's product page **$(ratio fan-product)** (target ≥ 0.40 each)."
} | tee "$RESULTS"
