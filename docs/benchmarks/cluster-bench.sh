#!/usr/bin/env bash
# The local cluster's benchmarks, all in one run against ops/cluster/cluster.sh's cluster (start it first), on
# loopback only, each wrk run bounded in time:
#   1. a guest's product page through Varnish vs the same page from one instance alone (its own guest page cache)
#   2. purge-to-fresh-page: after a PURGE by the product's key, how long until the shared cache serves the page
#      fetched anew
#   3. one instance vs two behind HAProxy, for a page each instance renders every time (a product page asked as
#      htmx does: no cache of any kind answers it)
# Usage: docs/benchmarks/cluster-bench.sh [seconds per run, default 10] [connections, default 50]
set -euo pipefail

SECONDS_PER_RUN="${1:-10}"
CONNECTIONS="${2:-50}"
FRONT=http://127.0.0.1:8110
BALANCER=http://127.0.0.1:8111
ONE=http://127.0.0.1:8121

slug="$(curl -s "$FRONT/eu" | grep -o 'href="/eu/products/[a-z0-9-]*"' | head -1 | sed 's|.*/products/||; s|"||')"
[ -n "$slug" ] || { echo "no product found on $FRONT/eu: is the cluster running?" >&2; exit 1; }
page="/eu/products/$slug"

run() {
	# run <label> <url> [header]
	local label="$1" url="$2"
	shift 2
	echo "== $label: $url"
	wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$@" "$url" | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|99)%|Latency '
}

echo "# $(date -u +%FT%TZ), $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s, product page $page"

# warm both
for _ in 1 2 3; do curl -s -o /dev/null "$FRONT$page"; curl -s -o /dev/null "$ONE$page"; done

run "1a guest product page through Varnish" "$FRONT$page"
run "1b guest product page from instance 1 alone" "$ONE$page"

echo "== 2 purge-to-fresh-page (PURGE xkey product-$slug, then poll the front door until a MISS is served)"
for i in 1 2 3 4 5; do
	curl -s -o /dev/null "$FRONT$page"
	start=$(date +%s%N)
	curl -s -o /dev/null -X PURGE -H "xkey-purge: product-$slug" "$FRONT/"
	while :; do
		cache="$(curl -s -o /dev/null -D - "$FRONT$page" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache" { print $2 }')"
		[ "$cache" = MISS ] && break
	done
	echo "   run $i: fresh page after $(( ($(date +%s%N) - start) / 1000000 )) ms"
done

run "3a rendered product page, instance 1 alone" "$ONE$page" -H 'HX-Request: true'
run "3b rendered product page, two instances behind HAProxy" "$BALANCER$page" -H 'HX-Request: true'
