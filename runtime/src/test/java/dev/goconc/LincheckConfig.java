package dev.goconc;

/** Lincheck effort: tiny by default (2 shared cores), thorough under {@code -Plong-tests}. */
final class LincheckConfig {
  private LincheckConfig() {}

  static final boolean LONG = Boolean.getBoolean("goconc.long");

  /** Interleavings explored per model-checked scenario. */
  static int invocations() {
    return LONG ? 20_000 : 30;
  }

  /** Random scenarios per data-structure check. */
  static int iterations() {
    return LONG ? 100 : 2;
  }

  static int invocationsPerIteration() {
    return LONG ? 5_000 : 60;
  }

  /** Threads in a data-structure scenario. */
  static int threads() {
    return LONG ? 3 : 2;
  }
}
