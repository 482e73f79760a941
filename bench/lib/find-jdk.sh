# Sourced by the bench scripts: sets JDK_HOME to a JDK 21+ (JAVA_HOME if it is one, else the
# newest under /usr/lib/jvm, SDKMAN or PATH), or exits with one line saying none was found.

jdk_feature_version() { # prints the feature version of the JDK at $1, or nothing
  local release="$1/release"
  [ -x "$1/bin/javac" ] || return 0
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
  fi
}

find_jdk21() {
  local best="" best_version=0 candidate version
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/* "$HOME"/.sdkman/candidates/java/*)
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for candidate in "${candidates[@]}"; do
    [ -d "$candidate" ] || continue
    version=$(jdk_feature_version "$candidate")
    [ -n "$version" ] || continue
    if [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best="$candidate" best_version="$version"
    fi
    # JAVA_HOME wins when it qualifies.
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$version" -ge 21 ]; then
      best="$candidate"; break
    fi
  done
  echo "$best"
}

JDK_HOME=$(find_jdk21)
if [ -z "$JDK_HOME" ]; then
  echo "No JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm, SDKMAN and PATH); install one." >&2
  exit 1
fi
export JDK_HOME
