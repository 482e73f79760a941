package dev.goconc.gate;

/**
 * The {@code --fail-on} threshold: the gate exits 1 when a finding at or above it remains.
 * Notes (Error Prone's SUGGESTION) never fail the gate.
 */
enum FailOn {
  ERROR,
  WARNING,
  NONE;

  boolean fails(Severity severity) {
    return switch (this) {
      case ERROR -> severity == Severity.ERROR;
      case WARNING -> severity == Severity.ERROR || severity == Severity.WARNING;
      case NONE -> false;
    };
  }
}
