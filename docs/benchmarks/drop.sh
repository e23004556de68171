#!/usr/bin/env sh
# The drop benchmark (see drop.md): simulated fans against the local cluster of ops/cluster/cluster.sh, which must
# be running (started with the environment below), on 127.0.0.1 only. Prints the checks and figures of one launch.
#   PODIUM_CLUSTER_PORT_BASE=8300 PODIUM_DROPS_QUEUE_REQUESTS_PER_CLIENT_MINUTE=1000000 ops/cluster/cluster.sh start
#   docs/benchmarks/drop.sh 2000 200
# Usage: docs/benchmarks/drop.sh [fans, default 2000] [units, default 200]
set -eu
cd "$(dirname "$0")/../.."
FANS="${1:-2000}"
UNITS="${2:-200}"
BASE="${PODIUM_CLUSTER_PORT_BASE:-8300}"
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
	export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q test -Dtest=DropBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dbenchmark.base="http://127.0.0.1:$BASE" -Dbenchmark.fans="$FANS" -Dbenchmark.units="$UNITS" \
	-Dbenchmark.instance-properties="${PODIUM_CLUSTER_DIR:-target/cluster}/instance.properties" | grep BENCHMARK
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
