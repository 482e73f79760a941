#!/usr/bin/env bash
# The memory check: 1,000,000 goroutines, each parked on its own channel, in a 4 GiB heap.
#
#   bench/parked-goroutines.sh [goconc|jox] [count]
#
# Exits non-zero (OutOfMemoryError) if they do not fit; prints the heap held per goroutine.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/find-jdk.sh
env -u JAVA_HOME ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
exec "$JDK_HOME/bin/java" -Xmx4g -XX:+ExitOnOutOfMemoryError -cp benchmarks/target/benchmarks.jar \
  dev.goconc.bench.ParkedGoroutines "${1:-goconc}" "${2:-1000000}"
