#!/usr/bin/env bash
# What the goconc checks cost a build: compiles the same sources with javac alone, Error Prone's
# defaults, Error Prone's defaults + goconc, Error Prone with every check disabled, and that + only
# goconc's rules, alternating the configurations round by round; prints median wall, CPU and peak
# RSS with ratios, then Error Prone's per-check timings for goconc's rules in two configurations:
# Error Prone's defaults + goconc, and goconc alone (every other check disabled), whose findings
# are also written, sorted, to bench/results/ (diff two runs' files to show a change kept them).
#
#   bench/compile-bench.sh                    both code bases, 5 rounds (about an hour on 2 cores)
#   bench/compile-bench.sh --smoke            1 round, 60 generated files and commons-lang3
#   bench/compile-bench.sh --rounds 3 --codebase generated|commons-lang3|all
#   bench/compile-bench.sh --timings-only     only the two per-check timing compiles (a minute)
#
# Code bases: (1) bench/gen_goconc_corpus.py's generated code (520 files, ~113k lines, seed 42)
# that uses the runtime heavily; (2) commons-lang3 3.17.0's sources jar from Maven Central
# (249 files, 98k lines; it has no compile-scope dependencies). Results: stdout and
# bench/results/compile-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/find-jdk.sh

rounds=5 files=520 codebase=all timings_only=no
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) rounds=1 files=60 ;;
    --rounds) rounds="$2"; shift ;;
    --files) files="$2"; shift ;;
    --codebase) codebase="$2"; shift ;;
    --timings-only) timings_only=yes ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
  shift
done

work=bench/work
mkdir -p "$work" bench/results
mvn() { env -u JAVA_HOME ./mvnw -B -ntp -q "$@"; }

echo "== building the runtime and the checker"
mvn -pl runtime,checker -am package -DskipTests
runtime_jar=$(ls runtime/target/goconc-runtime-*.jar | grep -v sources | head -1)
checker_jar=$(ls checker/target/goconc-checker-*.jar | grep -v sources | head -1)
rules=$(unzip -p "$checker_jar" META-INF/services/com.google.errorprone.bugpatterns.BugChecker \
  | sed 's/.*\.//' | paste -sd, -)

echo "== resolving Error Prone and the sources with Maven"
mvn -f bench/deps/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$work/ep.classpath"
ep_classpath=$(cat "$work/ep.classpath")
annotations_jar=$(tr ':' '\n' < "$work/ep.classpath" | grep 'error_prone_annotations' | head -1)
if [ ! -d "$work/commons-lang3-3.17.0" ]; then
  mvn -f bench/deps/pom.xml dependency:unpack \
    -Dartifact=org.apache.commons:commons-lang3:3.17.0:jar:sources \
    -DoutputDirectory="$PWD/$work/commons-lang3-3.17.0"
fi

out="bench/results/compile-$(date -u +%Y%m%d-%H%M%S).md"
{
  echo "# Compile cost, $(date -u +%F)"
  echo
  echo "Machine: $(uname -srm), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg). JDK: $("$JDK_HOME/bin/java" -version 2>&1 | head -1)."
  echo "Error Prone 2.50.0; goconc rules: $rules. Rounds: $rounds."
  echo
} > "$out"

# "-Xep:Rule:WARN" for every goconc rule: with -XepDisableAllChecks, goconc alone.
goconc_only=$(echo "$rules" | tr ',' '\n' | sed 's/^/-Xep:/; s/$/:WARN/' | paste -sd' ' -)

ep_timings() { # title, plugin argument, findings file, sources file, class path
  local title=$1 plugin=$2 findings=$3 sources=$4 classpath=$5
  echo "Error Prone's per-check timings ($title, one in-process compile):" | tee -a "$out"
  echo | tee -a "$out"
  rm -rf "$work/timing-classes" && mkdir -p "$work/timing-classes"
  "$JDK_HOME/bin/java" -Xmx3g $(for p in api file main model parser processing tree util; do
      echo "--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED"; done) \
    --add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED \
    --add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED \
    -cp "$ep_classpath:$checker_jar" bench/EpTimings.java \
    --rules "$rules" --plugin "$plugin" ${findings:+--findings "$findings"} -- \
    -d "$work/timing-classes" ${classpath:+-cp "$classpath"} --release 21 -proc:none -encoding UTF-8 \
    -Xmaxwarns 100000 -Xmaxerrs 100000 "@$sources" | tee -a "$out"
  echo | tee -a "$out"
}

bench_one() { # name, sources file, class path, short name
  local name=$1 sources=$2 classpath=$3 short=$4
  echo "== $name: $(wc -l < "$sources") files, $(cat $(cat "$sources") | wc -l) lines" | tee -a "$out"
  if [ "$timings_only" = no ]; then
    python3 bench/compile_bench.py --jdk "$JDK_HOME" --name "$name" --sources "$sources" \
      --classpath "$classpath" --ep-classpath "$ep_classpath" --checker-jar "$checker_jar" \
      --rules "$rules" --rounds "$rounds" --work "$work" | tee -a "$out"
    echo | tee -a "$out"
  fi
  ep_timings "defaults + goconc" "-Xplugin:ErrorProne -XepAllErrorsAsWarnings" "" \
    "$sources" "$classpath"
  ep_timings "goconc alone: -XepDisableAllChecks and every goconc rule at WARN" \
    "-Xplugin:ErrorProne -XepDisableAllChecks $goconc_only" "${out%.md}-$short.findings" \
    "$sources" "$classpath"
}

if [ "$codebase" = all ] || [ "$codebase" = generated ]; then
  rm -rf "$work/generated"
  python3 bench/gen_goconc_corpus.py --out "$work/generated" --files "$files" --seed 42
  find "$work/generated" -name '*.java' | sort > "$work/generated.sources"
  bench_one "generated goconc code" "$work/generated.sources" "$runtime_jar:$annotations_jar" generated
fi
if [ "$codebase" = all ] || [ "$codebase" = commons-lang3 ]; then
  find "$work/commons-lang3-3.17.0" -name '*.java' | sort > "$work/commons-lang3.sources"
  bench_one "commons-lang3 3.17.0" "$work/commons-lang3.sources" "" commons-lang3
fi
echo "Results written to $out"
