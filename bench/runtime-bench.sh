#!/usr/bin/env bash
# Runs the runtime's JMH suite: goconc's channels, select and goroutines against jox and
# java.util.concurrent, side by side, two forks, per-element times in ns.
#
#   bench/runtime-bench.sh                 the full suite (about 25 minutes on 2 cores)
#   bench/runtime-bench.sh --smoke         one short fork per row: checks that every row runs
#   bench/runtime-bench.sh [--smoke] Ping  only benchmarks matching a JMH regex; other JMH
#                                          options may follow (e.g. -p impl=jox)
#
# Results: the table on stdout, and bench/results/runtime-<date>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/find-jdk.sh

jmh_opts=()
if [ "${1:-}" = "--smoke" ]; then
  shift
  jmh_opts=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
fi

env -u JAVA_HOME ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests

mkdir -p bench/results
out="bench/results/runtime-$(date -u +%Y%m%d-%H%M%S).txt"
{
  echo "# $(uname -srm), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "# $("$JDK_HOME/bin/java" -version 2>&1 | head -1), JMH args: ${jmh_opts[*]:-defaults (2 forks)} $*"
} > "$out"
"$JDK_HOME/bin/java" -jar benchmarks/target/benchmarks.jar "${jmh_opts[@]}" -rf text -rff "$out.table" "$@"
cat "$out.table" >> "$out" && rm "$out.table"
echo "Results written to $out"
