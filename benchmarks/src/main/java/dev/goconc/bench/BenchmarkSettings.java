package dev.goconc.bench;

/** Sizes shared by the channel benchmarks. */
final class BenchmarkSettings {
  /** Elements moved per benchmark call: enough that starting the workers does not show. */
  static final int ELEMENTS = 100_000;

  private BenchmarkSettings() {}

  /** A boxed value from Integer's cache, so the benchmarks measure the channel, not boxing. */
  static Integer value(int i) {
    return i & 127;
  }
}
