package dev.goconc;

/** The number of carrier threads the JDK's virtual-thread scheduler runs on. */
final class Carriers {
  private Carriers() {}

  /** {@code jdk.virtualThreadScheduler.parallelism} if set, else the processor count (the JDK's default). */
  static int count() {
    String p = System.getProperty("jdk.virtualThreadScheduler.parallelism");
    if (p != null) {
      try {
        return Integer.parseInt(p.trim());
      } catch (NumberFormatException ignored) {
        // the JDK falls back to its default too
      }
    }
    return Runtime.getRuntime().availableProcessors();
  }
}
