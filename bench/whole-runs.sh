#!/usr/bin/env bash
# The JMH rows' workloads as whole runs of 100,000 elements, each timed on its own, no JMH: a
# quick look (seconds) at one row, run to run. See dev.goconc.bench.WholeRuns.
#
#   bench/whole-runs.sh ROW IMPL [CAPACITY] [RUNS]
#   bench/whole-runs.sh ping-pong goconc
#   bench/whole-runs.sh four-to-four LinkedTransferQueue 16 40
#   bench/whole-runs.sh spawn goGo
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/find-jdk.sh
env -u JAVA_HOME ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
exec "$JDK_HOME/bin/java" -cp benchmarks/target/benchmarks.jar dev.goconc.bench.WholeRuns "$@"
