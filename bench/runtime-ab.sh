#!/usr/bin/env bash
# A/B of two versions of the runtime on the JMH suite: builds benchmarks.jar for each, then runs
# the two jars alternately, round after round, so that both see the same machine. On 2 cores a
# JVM settles into a fast or a slow mode for a whole fork (docs/benchmarks.md), so one run of
# each says little; alternating rounds of several forks each is what the project's A/B figures
# come from.
#
#   bench/runtime-ab.sh [--rounds N] REV_A REV_B [JMH args...]
#
# REV_A and REV_B are git revisions, or `.` for the working tree as it is (uncommitted changes
# included). JMH args default to `-f 2 -wi 2 -w 1s -i 3 -r 1s` and should name the rows, e.g.
#   bench/runtime-ab.sh --rounds 4 main . -f 2 -wi 2 -w 1s -i 3 -r 1s PingPong -p impl=goconc
# Results: a table per row (each round's score for A and B, their means, B/A) on stdout and in
# bench/results/ab-<date>.txt; JMH's own output in bench/results/ab-<date>/.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/find-jdk.sh

rounds=3
if [ "${1:-}" = "--rounds" ]; then
  rounds=$2
  shift 2
fi
if [ $# -lt 2 ]; then
  echo "usage: bench/runtime-ab.sh [--rounds N] REV_A REV_B [JMH args...]" >&2
  exit 2
fi
rev_a=$1
rev_b=$2
shift 2
jmh_args=("$@")
for rev in "$rev_a" "$rev_b"; do
  if [ "$rev" != "." ] && ! git rev-parse --quiet --verify "$rev^{commit}" > /dev/null; then
    echo "not a git revision: $rev (give a commit, a branch, a tag, or . for the working tree)" >&2
    exit 2
  fi
done
if [ ${#jmh_args[@]} -eq 0 ]; then
  jmh_args=(-f 2 -wi 2 -w 1s -i 3 -r 1s)
fi

stamp=$(date -u +%Y%m%d-%H%M%S)
out="bench/results/ab-$stamp"
mkdir -p "$out"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"; git worktree prune' EXIT

# Builds benchmarks.jar of revision $1 into $2. A revision other than `.` is built in a
# throw-away worktree, so the working tree is never touched.
build_jar() {
  local rev=$1 jar=$2 dir
  if [ "$rev" = "." ]; then
    dir=.
  else
    dir="$scratch/tree-$(basename "$jar" .jar)"
    git worktree add --quiet --detach "$dir" "$rev"
  fi
  echo "building $rev ..."
  (cd "$dir" && env -u JAVA_HOME ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests)
  cp "$dir/benchmarks/target/benchmarks.jar" "$jar"
  if [ "$dir" != . ]; then
    git worktree remove --force "$dir"
  fi
}

# A revision as the results name it: its commit, and whether uncommitted changes were in it.
describe() {
  if [ "$1" = "." ]; then
    echo "the working tree at $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' with changes')"
  else
    echo "$1 ($(git rev-parse --short "$1"))"
  fi
}

build_jar "$rev_a" "$scratch/a.jar"
build_jar "$rev_b" "$scratch/b.jar"

for ((r = 1; r <= rounds; r++)); do
  for side in a b; do
    echo "round $r of $rounds: $side"
    "$JDK_HOME/bin/java" -jar "$scratch/$side.jar" -rf csv -rff "$out/$side-$r.csv" \
      "${jmh_args[@]}" > "$out/$side-$r.log" 2>&1
  done
done

{
  echo "# $(uname -srm), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "# $("$JDK_HOME/bin/java" -version 2>&1 | head -1); A = $(describe "$rev_a"), B = $(describe "$rev_b")"
  echo "# $rounds rounds, JMH args: ${jmh_args[*]}"
  python3 bench/ab_summary.py "$out" "$rounds"
} | tee "bench/results/ab-$stamp.txt"
