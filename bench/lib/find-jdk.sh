# Sourced by the bench scripts: sets JDK_HOME to a JDK 21+ found by bin/find-jdk (the project's
# one place for that), or exits with its one-line explanation.
JDK_HOME=$("$(dirname "${BASH_SOURCE[0]}")/../../bin/find-jdk") || exit 1
export JDK_HOME
