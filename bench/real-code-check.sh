#!/usr/bin/env bash
# Compiles a large body of real code that does not use goconc with javac + Error Prone and every
# goconc rule at ERROR (Error Prone's own checks off), and reports crashes, goconc findings and
# time. Both must be zero: a rule that meets code it does not understand returns no match.
#
# Guava and commons-lang3 are each compiled twice: as published (every rule should take its cheap
# exit), and with "import dev.goconc.*;" added to each file, so every rule analyses every method.
# Every rule runs in strict mode (-XepOpt:Goconc:Strict=true): a crash fails the run loudly.
#
# Usage: bench/real-code-check.sh [--guava VERSION] [--jdk] [--compare] [--keep-going]
#   --guava VERSION  Guava release whose sources jar is compiled (default below)
#   --jdk            also compile the JDK's own java.base sources (lib/src.zip, --patch-module)
#   --compare        also time the same corpus with plain javac and with Error Prone with no
#                    checks on, so goconc's own cost on a quiet file can be read off
#   --keep-going     do not stop at the first corpus that fails
# Exit status: 0 when every corpus compiled with no crash and no finding; 1 on a crash or a
# finding; 2 when the corpus itself did not compile or a tool was missing.
# Downloads (once, into ~/.m2) Guava's sources jar and its dependencies through ./mvnw.
# Work files go to target/real-code/ under the repository root.
set -euo pipefail

GUAVA_VERSION=33.5.0-jre
LANG3_VERSION=3.17.0
EP_VERSION=2.50.0
WITH_JDK=false
COMPARE=false
KEEP_GOING=false
while [ $# -gt 0 ]; do
  case "$1" in
    --guava) GUAVA_VERSION="$2"; shift 2 ;;
    --jdk) WITH_JDK=true; shift ;;
    --compare) COMPARE=true; shift ;;
    --keep-going) KEEP_GOING=true; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
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
# Strict: a crash inside a rule fails the run instead of passing as "no finding".
EP_FLAGS="-XepDisableAllChecks -XepOpt:Goconc:Strict=true"
for rule in "${RULES[@]}"; do EP_FLAGS+=" -Xep:$rule:ERROR"; done

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
  esac
  # Wall-clock time, and the CPU time (user + system) that varies far less on a shared machine.
  local status=0 wall user sys
  /usr/bin/time -f '%e %U %S' -o "$log.time" \
    "$JAVAC" "${JFLAGS[@]}" "${plugin[@]}" -proc:none -implicit:none -nowarn -XDsuppressNotes \
    -Xmaxerrs 100000 -Xmaxwarns 0 -encoding UTF-8 -d "$out" "$@" "@$list" > "$log" 2>&1 || status=$?
  read -r wall user sys < <(tail -1 "$log.time")
  printf '%s %s %s\n' "$status" "${wall}s" "$(echo "$user + $sys" | bc)s"
}

# Judges one corpus: $1 = name, $2 = file list; the rest are javac options.
check_corpus() {
  local name="$1" list="$2"; shift 2
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
  local log="$WORK/$name-goconc.log"
  read -r status wall cpu < <(run_javac goconc "$list" "$log" "$@")
  local pattern crashes findings
  pattern=$(IFS='|'; echo "${RULES[*]}")
  crashes=$(grep -c 'An unhandled exception was thrown by the Error Prone' "$log" || true)
  findings=$(grep -cE "\[($pattern)\]" "$log" || true)
  echo "   goconc: exit $status, wall $wall, cpu $cpu, crashes $crashes, findings $findings"
  SUMMARY+=("$name: $files files, $lines lines; ${timings}goconc wall $wall cpu $cpu; crashes $crashes, findings $findings")
  if [ "$crashes" != 0 ] || [ "$findings" != 0 ]; then
    grep -E -B1 -A12 "An unhandled exception was thrown|\[($pattern)\]" "$log" | head -200
    FAILED=1
  elif [ "$status" != 0 ]; then
    head -40 "$log"
    echo "   javac failed for a reason other than goconc; see $log" >&2
    [ "$FAILED" = 1 ] || FAILED=2
  fi
  if [ "$FAILED" != 0 ] && ! $KEEP_GOING; then finish; fi
}

finish() {
  echo "== summary ($(uname -m), $(nproc) cores, load $(cut -d" " -f1-3 /proc/loadavg), $("$JAVAC" -version 2>&1), Error Prone $EP_VERSION)"
  printf '   %s\n' "${SUMMARY[@]}"
  if [ "$FAILED" = 0 ]; then echo "== OK: no crash, no finding"; else echo "== FAILED ($FAILED)"; fi
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
check_corpus guava "$WORK/guava.files" --release 21 -cp "$GUAVA_DEPS"

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
check_corpus guava-importing-goconc "$WORK/guava-forced.files" --release 21 \
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
check_corpus commons-lang3 "$WORK/commons-lang3.files" --release 21
LANG3_FORCED="$WORK/commons-lang3-$LANG3_VERSION-forced"
if [ ! -d "$LANG3_FORCED" ]; then
  cp -r "$LANG3_SRC" "$LANG3_FORCED"
  find "$LANG3_FORCED" -name '*.java' ! -name module-info.java \
    -exec sed -i '0,/^package [A-Za-z0-9_.]*;/s//&\nimport dev.goconc.*;/' {} +
fi
find "$LANG3_FORCED" -name '*.java' ! -name module-info.java | sort \
  > "$WORK/commons-lang3-forced.files"
check_corpus commons-lang3-importing-goconc "$WORK/commons-lang3-forced.files" --release 21 \
  -cp "$ROOT/runtime/target/classes"

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
  check_corpus java.base "$WORK/java.base.files" --patch-module "java.base=$JDK_SRC/java.base"
fi

finish
