#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, with the Debian Chromium) on the home, a product and a search page of a shop
# that is already running, mobile and desktop: the four category scores, the page weight and the number of
# requests of each, as one line per page and form factor.
#
#   npm install --prefix /tmp/lighthouse lighthouse@12
#   ./mvnw spring-boot:run -Dspring-boot.run.arguments=--server.port=8600 &
#   LIGHTHOUSE=/tmp/lighthouse/node_modules/.bin/lighthouse docs/benchmarks/lighthouse.sh http://127.0.0.1:8600 jp \
#       milano-cortina-2026-duffel-bag
#
# Loopback only; the reports are kept in target/lighthouse/.
set -euo pipefail

BASE="${1:-http://127.0.0.1:8600}"
REGION="${2:-jp}"
PRODUCT="${3:?a product slug sold in the region}"
LIGHTHOUSE="${LIGHTHOUSE:-lighthouse}"
OUT=target/lighthouse
mkdir -p "$OUT"

case "$BASE" in
	http://127.*|http://localhost*) ;;
	*) echo "only a shop on this machine (127.0.0.0/8) is measured" >&2; exit 2 ;;
esac

for page in "home:/$REGION" "product:/$REGION/products/$PRODUCT" "search:/$REGION/search?q=hoodie"; do
	name="${page%%:*}"
	path="${page#*:}"
	for form in mobile desktop; do
		preset=()
		if [ "$form" = desktop ]; then preset=(--preset=desktop); fi
		CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" "$LIGHTHOUSE" "$BASE$path" "${preset[@]}" --quiet \
			--chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
			--output=json --output-path="$OUT/$name-$form.json" >/dev/null
		node -e '
			const r = require(process.argv[1]);
			const c = r.categories;
			console.log(process.argv[2], process.argv[3],
				Object.keys(c).map(k => k + "=" + Math.round(c[k].score * 100)).join(" "),
				"bytes=" + r.audits["total-byte-weight"].numericValue,
				"requests=" + r.audits["network-requests"].details.items.length);
		' "$PWD/$OUT/$name-$form.json" "$name" "$form"
	done
done
