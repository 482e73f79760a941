package dev.goconc;

/** The number of carrier threads the JDK's virtual-thread scheduler runs on. */
final class Carriers {
  /**
   * Whether there is more than one carrier, so that a goroutine waiting for another can spin while
   * that one runs elsewhere. On one carrier nothing spins: the other cannot run until it parks.
   */
  static final boolean SEVERAL = count() > 1;

  private Carriers() {}

  /**
   * {@code jdk.virtualThreadScheduler.parallelism} if set, else the processor count (the JDK's
   * default).
   */
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
