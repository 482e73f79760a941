#!/usr/bin/env bash
# Compiles a large body of real code that does not use goconc with javac + Error Prone and every
# goconc rule at ERROR (Error Prone's own checks off), and reports crashes, goconc findings and
# time. A rule that meets code it does not understand returns no match, so crashes must be zero;
# the runtime's rules must find nothing (this code does not use the runtime); the
# java.util.concurrent rules' findings must be exactly the triaged ones in
# bench/real-code-findings.tsv (a new or vanished finding fails the run until that list, and its
# triage in docs/real-code.md, are updated).
#
# Guava and commons-lang3 are each compiled twice: as published, and with "import dev.goconc.*;"
# added to each file (runtime rules only), so every runtime rule analyses every method. Caffeine,
# HttpCore 5, HttpClient 5, Jetty's jetty-util, Kafka's clients, Dropwizard Metrics, HikariCP,
# logback-core and ZooKeeper are compiled as published.
# Every rule runs in strict mode (-XepOpt:Goconc:Strict=true): a crash fails the run loudly.
#
# Usage: bench/real-code-check.sh [--guava VERSION] [--jdk] [--compare] [--keep-going] [--only A,B]
#                                 [--record]
#   --guava VERSION  Guava release whose sources jar is compiled (default below)
#   --jdk            also compile the JDK's own java.base sources (lib/src.zip, --patch-module)
#   --compare        also time the same corpus with plain javac and with Error Prone with no
#                    checks on, so goconc's own cost on a quiet file can be read off
#   --keep-going     do not stop at the first corpus that fails
#   --only A,B       compile only the named corpora (guava, guava-importing-goconc, commons-lang3,
#                    commons-lang3-importing-goconc, caffeine, httpcore5, httpclient5, jetty-util,
#                    kafka-clients, metrics-core, hikaricp, logback-core, zookeeper, java.base);
#                    the findings are compared for those alone
#   --record         write the java.util.concurrent findings seen into bench/real-code-findings.tsv,
#                    keeping the triage of those already there and marking new ones "untriaged"
#                    (a list with an untriaged finding still fails the run)
# Exit status: 0 when every corpus compiled with no crash, no runtime-rule finding and exactly the
# triaged java.util.concurrent findings; 1 otherwise; 2 when the corpus itself did not compile or
# a tool was missing.
# Downloads (once, into ~/.m2) Guava's sources jar and its dependencies through ./mvnw.
# Work files go to target/real-code/ under the repository root.
set -euo pipefail

GUAVA_VERSION=33.5.0-jre
LANG3_VERSION=3.17.0
EP_VERSION=2.50.0
WITH_JDK=false
COMPARE=false
KEEP_GOING=false
RECORD=false
ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --guava) GUAVA_VERSION="$2"; shift 2 ;;
    --jdk) WITH_JDK=true; shift ;;
    --compare) COMPARE=true; shift ;;
    --keep-going) KEEP_GOING=true; shift ;;
    --record) RECORD=true; shift ;;
    --only) ONLY=",$2,"; shift 2 ;;
    -h|--help) sed -n '2,33p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK="$ROOT/target/real-code"
mkdir -p "$WORK"
JDK=$("$ROOT/bin/find-jdk")
JAVAC="$JDK/bin/javac"
MVN=(env -u JAVA_HOME "$ROOT/mvnw" -B -ntp -q)

# Maven offline first (the usual case on a warm machine), online when something is missing.
mvn_maybe_offline() { "${MVN[@]}" -o "$@" > "$WORK/maven-offline.log" 2>&1 || "${MVN[@]}" "$@"; }

echo "== building the checker"
(cd "$ROOT" && mvn_maybe_offline -pl checker -am package -DskipTests)
CHECKER_CLASSES="$ROOT/checker/target/classes"
SERVICES="$CHECKER_CLASSES/META-INF/services/com.google.errorprone.bugpatterns.BugChecker"
[ -s "$SERVICES" ] || { echo "no BugChecker registration in $SERVICES" >&2; exit 2; }

# A rule's name is its class's simple name (no goconc @BugPattern sets name=); Error Prone
# rejects an -Xep flag naming an unknown check, so a drift here fails loudly, never silently.
mapfile -t RULES < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' -e 's/.*\.//' "$SERVICES" | sort)
echo "== ${#RULES[@]} rules from the ServiceLoader registration: ${RULES[*]}"
# The java.util.concurrent rules carry the tag JdkApi.RULE_TAG in their @BugPattern.
JUC_RULES=()
RUNTIME_RULES=()
for rule in "${RULES[@]}"; do
  if grep -q 'tags = JdkApi.RULE_TAG' "$ROOT/checker/src/main/java/dev/goconc/checker/$rule.java"; then
    JUC_RULES+=("$rule")
  else
    RUNTIME_RULES+=("$rule")
  fi
done
echo "   runtime rules: ${RUNTIME_RULES[*]}"
echo "   java.util.concurrent rules: ${JUC_RULES[*]}"
# Strict: a crash inside a rule fails the run instead of passing as "no finding".
EP_FLAGS="-XepDisableAllChecks -XepOpt:Goconc:Strict=true"
for rule in "${RULES[@]}"; do EP_FLAGS+=" -Xep:$rule:ERROR"; done
# For the copies that import the runtime: the runtime's rules alone (the others read the same
# code as in the published copy).
EP_RUNTIME_FLAGS="-XepDisableAllChecks -XepOpt:Goconc:Strict=true"
for rule in "${RUNTIME_RULES[@]}"; do EP_RUNTIME_FLAGS+=" -Xep:$rule:ERROR"; done
FINDINGS_LIST="$ROOT/bench/real-code-findings.tsv"
RAN=()
SEEN_FINDINGS="$WORK/findings-seen.tsv"
: > "$SEEN_FINDINGS"

# A throwaway pom resolves classpaths through the project's Maven wrapper.
classpath_of() { # $1 = name, $2 = dependency XML, $3 = extra dependency:build-classpath flags
  local dir="$WORK/resolve-$1"
  mkdir -p "$dir"
  cat > "$dir/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.goconc.realcode</groupId>
  <artifactId>resolve-$1</artifactId>
  <version>1</version>
  <dependencies>$2</dependencies>
</project>
EOF
  # shellcheck disable=SC2086
  mvn_maybe_offline -f "$dir/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile="$dir/classpath.txt" $3
  cat "$dir/classpath.txt"
}

echo "== resolving Error Prone $EP_VERSION"
EP_CP=$(classpath_of errorprone \
  "<dependency><groupId>com.google.errorprone</groupId><artifactId>error_prone_core</artifactId><version>$EP_VERSION</version></dependency>" "")
PROCESSOR_PATH="$EP_CP:$CHECKER_CLASSES"

JFLAGS=()
for p in api file main model parser processing tree util; do
  JFLAGS+=("-J--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
for p in code comp; do JFLAGS+=("-J--add-opens=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED"); done
JFLAGS+=(-J-Xmx2g -J-XX:+UseParallelGC)

FAILED=0
SUMMARY=()

# Runs javac on the files listed in $2 with the options in the remaining arguments; $1 = mode
# (plain | ep-none | goconc). Prints the elapsed seconds; the log goes to $WORK/<corpus>-<mode>.log.
run_javac() {
  local mode="$1" list="$2" log="$3"; shift 3
  local out="$WORK/classes-$mode"
  rm -rf "$out"; mkdir -p "$out"
  local plugin=()
  case "$mode" in
    plain) ;;
    ep-none) plugin=(-processorpath "$PROCESSOR_PATH" -XDcompilePolicy=simple
                     --should-stop=ifError=FLOW "-Xplugin:ErrorProne -XepDisableAllChecks") ;;
    goconc) plugin=(-processorpath "$PROCESSOR_PATH" -XDcompilePolicy=simple
                    --should-stop=ifError=FLOW "-Xplugin:ErrorProne $EP_FLAGS") ;;
    goconc-runtime) plugin=(-processorpath "$PROCESSOR_PATH" -XDcompilePolicy=simple
                    --should-stop=ifError=FLOW "-Xplugin:ErrorProne $EP_RUNTIME_FLAGS") ;;
  esac
  # Wall-clock time, and the CPU time (user + system) that varies far less on a shared machine.
  local status=0 wall user sys
  /usr/bin/time -f '%e %U %S' -o "$log.time" \
    "$JAVAC" "${JFLAGS[@]}" "${plugin[@]}" -proc:none -implicit:none -nowarn -XDsuppressNotes \
    -Xmaxerrs 100000 -Xmaxwarns 0 -encoding UTF-8 -d "$out" "$@" "@$list" > "$log" 2>&1 || status=$?
  read -r wall user sys < <(tail -1 "$log.time")
  printf '%s %s %s\n' "$status" "${wall}s" "$(echo "$user + $sys" | bc)s"
}

# Judges one corpus: $1 = name, $2 = file list, $3 = its source root (findings are recorded
# relative to it; "-" for a copy that imports the runtime, judged by the runtime rules alone);
# the rest are javac options.
check_corpus() {
  local name="$1" list="$2" root="$3"; shift 3
  if [ -n "$ONLY" ] && [[ "$ONLY" != *",$name,"* ]]; then
    return
  fi
  RAN+=("$name")
  local files lines
  files=$(wc -l < "$list")
  lines=$(xargs cat < "$list" | wc -l)
  echo "== $name: $files files, $lines lines"
  local timings=""
  if $COMPARE; then
    for mode in plain ep-none; do
      read -r status wall cpu < <(run_javac "$mode" "$list" "$WORK/$name-$mode.log" "$@")
      echo "   $mode: exit $status, wall $wall, cpu $cpu"
      timings+="$mode wall $wall cpu $cpu, "
      if [ "$status" != 0 ]; then
        echo "   the corpus does not compile without goconc; see $WORK/$name-$mode.log" >&2
        FAILED=2; SUMMARY+=("$name: corpus does not compile ($mode)"); return
      fi
    done
  fi
  local log="$WORK/$name-goconc.log" mode=goconc
  [ "$root" != - ] || mode=goconc-runtime
  read -r status wall cpu < <(run_javac "$mode" "$list" "$log" "$@")
  local pattern juc_pattern crashes findings juc_findings=0
  pattern=$(IFS='|'; echo "${RUNTIME_RULES[*]}")
  crashes=$(grep -c 'An unhandled exception was thrown by the Error Prone' "$log" || true)
  findings=$(grep -cE "\[($pattern)\]" "$log" || true)
  if [ "$root" != - ] && [ ${#JUC_RULES[@]} -gt 0 ]; then
    juc_pattern=$(IFS='|'; echo "${JUC_RULES[*]}")
    # "<corpus>\t<file relative to its root>:<line>\t<rule>" for each java.util.concurrent finding.
    grep -oE "^[^ ]+\.java:[0-9]+: (error|warning): \[($juc_pattern)\]" "$log" \
      | sed -E "s#^$root/##; s#^([^ ]+\.java:[0-9]+): (error|warning): \[([A-Za-z]+)\]#$name\t\1\t\3#" \
      | sort -u >> "$SEEN_FINDINGS" || true
    juc_findings=$(grep -c "^$name	" "$SEEN_FINDINGS" || true)
  fi
  echo "   goconc: exit $status, wall $wall, cpu $cpu, crashes $crashes, runtime-rule findings $findings, java.util.concurrent findings $juc_findings"
  SUMMARY+=("$name: $files files, $lines lines; ${timings}goconc wall $wall cpu $cpu; crashes $crashes, runtime-rule findings $findings, java.util.concurrent findings $juc_findings")
  if [ "$crashes" != 0 ] || [ "$findings" != 0 ]; then
    grep -E -B1 -A12 "An unhandled exception was thrown|\[($pattern)\]" "$log" | head -200
    FAILED=1
  elif [ "$status" != 0 ] \
      && grep -E ': error: ' "$log" | grep -qvE ": error: \[(${juc_pattern:-none})\]"; then
    head -40 "$log"
    echo "   javac failed for a reason other than goconc; see $log" >&2
    [ "$FAILED" = 1 ] || FAILED=2
  fi
  if [ "$FAILED" != 0 ] && ! $KEEP_GOING; then finish; fi
}

# Compares the java.util.concurrent findings seen with the triaged list (or records them).
compare_findings() {
  [ ${#JUC_RULES[@]} -gt 0 ] || return 0
  sort -u -o "$SEEN_FINDINGS" "$SEEN_FINDINGS"
  touch "$FINDINGS_LIST"
  if $RECORD; then
    python3 "$ROOT/bench/record_findings.py" "$FINDINGS_LIST" "$SEEN_FINDINGS" \
      "$(IFS=,; echo "${RAN[*]}")"
  fi
  local expected="$WORK/findings-expected.tsv" ran
  ran=$(printf '%s\n' "${RAN[@]}")
  { grep -v '^#' "$FINDINGS_LIST" || true; } | cut -f1-3 | sed '/^$/d' \
    | awk -F'\t' -v ran="$ran" 'BEGIN { n = split(ran, r, "\n"); for (i = 1; i <= n; i++) keep[r[i]] = 1 } keep[$1]' \
    | sort -u > "$expected"
  local new vanished untriaged
  new=$(comm -13 "$expected" "$SEEN_FINDINGS")
  vanished=$(comm -23 "$expected" "$SEEN_FINDINGS")
  untriaged=$(grep -c '	untriaged	' "$FINDINGS_LIST" || true)
  echo "== java.util.concurrent findings: $(wc -l < "$SEEN_FINDINGS") seen, $(wc -l < "$expected") triaged in bench/real-code-findings.tsv, $untriaged untriaged"
  if [ -n "$new" ]; then echo "   new (not in the list):"; echo "$new" | sed 's/^/     /'; FAILED=1; fi
  if [ -n "$vanished" ]; then echo "   vanished (in the list, not seen):"; echo "$vanished" | sed 's/^/     /'; FAILED=1; fi
  if [ "$untriaged" != 0 ]; then echo "   untriaged entries remain in the list"; FAILED=1; fi
}

finish() {
  compare_findings
  echo "== summary ($(uname -m), $(nproc) cores, load $(cut -d" " -f1-3 /proc/loadavg), $("$JAVAC" -version 2>&1), Error Prone $EP_VERSION)"
  printf '   %s\n' "${SUMMARY[@]}"
  if [ "$FAILED" = 0 ]; then echo "== OK: no crash, no runtime-rule finding, the java.util.concurrent findings as triaged"; else echo "== FAILED ($FAILED)"; fi
  exit "$FAILED"
}

# --- Canary: the same javac setup on examples/mistakes/ must report every rule, or "zero
# findings" below would prove nothing (a plugin not loaded, a rule not enabled).
echo "== canary: examples/mistakes/ must fire every rule"
find "$ROOT/examples/mistakes" -name '*.java' | sort > "$WORK/canary.files"
read -r status wall cpu < <(run_javac goconc "$WORK/canary.files" "$WORK/canary.log" \
  --release 21 -cp "$ROOT/runtime/target/classes")
for rule in "${RULES[@]}"; do
  if ! grep -q "\[$rule\]" "$WORK/canary.log"; then
    echo "   the canary did not fire $rule (javac exit $status); see $WORK/canary.log" >&2
    exit 2
  fi
done
echo "   every rule fired (javac exit $status, wall $wall)"

# --- Corpus 1: Guava's sources jar, against its own dependencies.
echo "== fetching Guava $GUAVA_VERSION sources"
GUAVA_SRC="$WORK/guava-$GUAVA_VERSION-src"
if [ ! -d "$GUAVA_SRC" ]; then
  mvn_maybe_offline -f "$WORK/resolve-errorprone/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="com.google.guava:guava:$GUAVA_VERSION:jar:sources" -DoutputDirectory="$WORK"
  mkdir -p "$GUAVA_SRC"
  (cd "$GUAVA_SRC" && "$JDK/bin/jar" xf "$WORK/guava-$GUAVA_VERSION-sources.jar")
fi
GUAVA_DEPS=$(classpath_of guava \
  "<dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>$GUAVA_VERSION</version></dependency>" \
  "-Dmdep.excludeArtifactIds=guava")
# module-info.java is left out: the sources compile as one unnamed-module source set.
find "$GUAVA_SRC" -name '*.java' ! -name module-info.java | sort > "$WORK/guava.files"
check_corpus guava "$WORK/guava.files" "$GUAVA_SRC" --release 21 -cp "$GUAVA_DEPS"

# --- Corpus 1b: the same Guava, each file given "import dev.goconc.*;" after its package line.
# The import defeats every rule's cheap exit, so each rule reads every method, lambda and loop
# of real code: the test of "no crash" and of false positives on code that merely imports the
# runtime. Guava has no wildcard imports, so the added one shadows nothing.
GUAVA_FORCED="$WORK/guava-$GUAVA_VERSION-forced"
if [ ! -d "$GUAVA_FORCED" ]; then
  cp -r "$GUAVA_SRC" "$GUAVA_FORCED"
  find "$GUAVA_FORCED" -name '*.java' ! -name module-info.java \
    -exec sed -i '0,/^package [A-Za-z0-9_.]*;/s//&\nimport dev.goconc.*;/' {} +
fi
find "$GUAVA_FORCED" -name '*.java' ! -name module-info.java | sort > "$WORK/guava-forced.files"
check_corpus guava-importing-goconc "$WORK/guava-forced.files" - --release 21 \
  -cp "$GUAVA_DEPS:$ROOT/runtime/target/classes"

# --- Corpus 1c: commons-lang3's sources jar (no compile-scope dependencies), as published and,
# like Guava, with "import dev.goconc.*;" added so every rule reads every method.
echo "== fetching commons-lang3 $LANG3_VERSION sources"
LANG3_SRC="$WORK/commons-lang3-$LANG3_VERSION-src"
if [ ! -d "$LANG3_SRC" ]; then
  mvn_maybe_offline -f "$WORK/resolve-errorprone/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.apache.commons:commons-lang3:$LANG3_VERSION:jar:sources" \
    -DoutputDirectory="$WORK"
  mkdir -p "$LANG3_SRC"
  (cd "$LANG3_SRC" && "$JDK/bin/jar" xf "$WORK/commons-lang3-$LANG3_VERSION-sources.jar")
fi
find "$LANG3_SRC" -name '*.java' ! -name module-info.java | sort > "$WORK/commons-lang3.files"
check_corpus commons-lang3 "$WORK/commons-lang3.files" "$LANG3_SRC" --release 21
LANG3_FORCED="$WORK/commons-lang3-$LANG3_VERSION-forced"
if [ ! -d "$LANG3_FORCED" ]; then
  cp -r "$LANG3_SRC" "$LANG3_FORCED"
  find "$LANG3_FORCED" -name '*.java' ! -name module-info.java \
    -exec sed -i '0,/^package [A-Za-z0-9_.]*;/s//&\nimport dev.goconc.*;/' {} +
fi
find "$LANG3_FORCED" -name '*.java' ! -name module-info.java | sort \
  > "$WORK/commons-lang3-forced.files"
check_corpus commons-lang3-importing-goconc "$WORK/commons-lang3-forced.files" - --release 21 \
  -cp "$ROOT/runtime/target/classes"

# --- Corpus 1d: concurrency-heavy libraries, as published. Each sources jar is compiled against
# the library's own jar and its dependencies: the jar supplies the classes its build generated,
# which the sources jar may lack (with -implicit:none nothing of the jar is recompiled).
published_corpus() { # $1 = name, $2 = groupId, $3 = artifactId, $4 = version
  local name="$1" group="$2" artifact="$3" version="$4"
  echo "== fetching $name ($group:$artifact:$version sources)"
  local src="$WORK/$artifact-$version-src"
  if [ ! -d "$src" ]; then
    mvn_maybe_offline -f "$WORK/resolve-errorprone/pom.xml" \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="$group:$artifact:$version:jar:sources" -DoutputDirectory="$WORK"
    mkdir -p "$src"
    (cd "$src" && "$JDK/bin/jar" xf "$WORK/$artifact-$version-sources.jar")
  fi
  local deps
  deps=$(classpath_of "$artifact" \
    "<dependency><groupId>$group</groupId><artifactId>$artifact</artifactId><version>$version</version></dependency>" "")
  find "$src" -name '*.java' ! -name module-info.java ! -name package-info.java | sort > "$WORK/$name.files"
  leave_out_uncompilable "$name" "$WORK/$name.files" --release 21 -cp "$deps" -sourcepath ""
  check_corpus "$name" "$WORK/$name.files" "$src" --release 21 -cp "$deps" -sourcepath ""
}

# A sources jar may use optional dependencies its pom does not declare (Kafka's JSON converters
# need Jackson, HttpClient's Brotli codec brotli4j): plain javac names the files that do not
# compile, and they are left out of the list, a few rounds over, since the library's own jar on
# the class path still gives the classes the remaining files use. $1 = name, $2 = file list.
leave_out_uncompilable() {
  local name="$1" list="$2"; shift 2
  [ -z "$ONLY" ] || [[ "$ONLY" == *",$name,"* ]] || return 0
  local round failing left_out=0
  for round in 1 2 3 4; do
    run_javac plain "$list" "$WORK/$name-prune.log" "$@" > /dev/null
    failing=$(grep -oE '^[^ ]+\.java:[0-9]+: error:' "$WORK/$name-prune.log" \
      | sed -E 's/:[0-9]+: error:$//' | sort -u || true)
    [ -n "$failing" ] || break
    left_out=$((left_out + $(echo "$failing" | wc -l)))
    grep -vxF -f <(echo "$failing") "$list" > "$list.kept" || true
    mv "$list.kept" "$list"
  done
  [ "$left_out" = 0 ] || echo "   $left_out files left out: they need dependencies the pom does not declare"
}
published_corpus caffeine com.github.ben-manes.caffeine caffeine 3.2.3
published_corpus httpcore5 org.apache.httpcomponents.core5 httpcore5 5.4.3
published_corpus httpclient5 org.apache.httpcomponents.client5 httpclient5 5.6
published_corpus jetty-util org.eclipse.jetty jetty-util 12.0.30
published_corpus kafka-clients org.apache.kafka kafka-clients 3.9.1
published_corpus metrics-core io.dropwizard.metrics metrics-core 4.2.38
published_corpus hikaricp com.zaxxer HikariCP 7.1.0
published_corpus logback-core ch.qos.logback logback-core 1.5.38
published_corpus zookeeper org.apache.zookeeper zookeeper 3.9.3

# --- Corpus 2: java.base from the JDK's src.zip, compiled as a patch of java.base itself.
if $WITH_JDK; then
  JDK_SRC="$WORK/jdk-src"
  if [ ! -d "$JDK_SRC/java.base" ]; then
    mkdir -p "$JDK_SRC"
    (cd "$JDK_SRC" && unzip -q "$JDK/lib/src.zip" 'java.base/*')
  fi
  # The packages richest in threads, executors, loops and sleeps, compiled as members of
  # java.base (they use its internals); the rest of the module is read from the same sources.
  (cd "$JDK_SRC/java.base" && find java/util java/io java/net java/time -name '*.java') \
    | sed "s:^:$JDK_SRC/java.base/:" | sort > "$WORK/java.base.files"
  check_corpus java.base "$WORK/java.base.files" "$JDK_SRC/java.base" \
    --patch-module "java.base=$JDK_SRC/java.base"
fi

finish
