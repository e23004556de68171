#!/usr/bin/env sh
# The checkout benchmark (see checkout.md): starts the application on a random port with the embedded MariaDB and
# the Stripe emulator, then measures the checkout redirect next to the health endpoint, and webhook throughput.
# Usage: docs/benchmarks/checkout.sh [checkouts] [concurrency]
set -eu
cd "$(dirname "$0")/../.."
CHECKOUTS="${1:-300}"
CONCURRENCY="${2:-8}"
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
	export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q test -Dtest=CheckoutBenchmark -Dbenchmark.checkouts="$CHECKOUTS" -Dbenchmark.concurrency="$CONCURRENCY" \
	| grep BENCHMARK
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
