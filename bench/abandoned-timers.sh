#!/usr/bin/env bash
# What Time.after left behind in a select loop costs: 1,000,000 selects between a ready channel
# and Time.after(10 min), then the heap those pending timers hold after a full GC.
#
#   bench/abandoned-timers.sh [iterations] [RUNTIME_JAR]
#
# RUNTIME_JAR, if given, is put before benchmarks.jar on the class path, so that the same
# program measures another build of the runtime (an older commit's runtime/target jar).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/find-jdk.sh
env -u JAVA_HOME ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
cp="benchmarks/target/benchmarks.jar"
if [ -n "${2:-}" ]; then
  cp="$2:$cp"
fi
exec "$JDK_HOME/bin/java" -Xmx4g -XX:+ExitOnOutOfMemoryError -cp "$cp" \
  dev.goconc.bench.AbandonedTimers "${1:-1000000}"
