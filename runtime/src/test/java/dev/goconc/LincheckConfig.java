package dev.goconc;

import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckSettings;

/** Lincheck effort: tiny by default (2 shared cores), thorough under {@code -Plong-tests}. */
final class LincheckConfig {
  private LincheckConfig() {}

  static final boolean LONG = Boolean.getBoolean("goconc.long");

  /**
   * Interleavings explored per model-checked scenario: {@code -Dgoconc.invocations=N} if given,
   * else 30, or 1,000 under {@code -Plong-tests}. Since every scenario publishes its channels
   * ({@link #shared}), each interleaving switches threads at the channels' own fields, so it costs
   * far more than before: at 1,000 both model-checking classes took about 7 minutes on 2 cores,
   * where the old long level (20,000) had not finished one scenario in 23 minutes.
   */
  static int invocations() {
    return Integer.getInteger("goconc.invocations", LONG ? 1_000 : 30);
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

  /**
   * Lincheck's loop bound: the model checker reports a livelock when a loop runs this many times
   * without another thread's progress. Its default, 50, is below the {@link Waiter#SPINS} rounds
   * that a waiter for a rendezvous spins before parking: a receiver interrupted mid-spin would be
   * reported as live-locked although it sees the interrupt when the spin ends.
   */
  static final int LOOP_BOUND = 300;

  /**
   * {@code Lincheck.runConcurrentTest} with {@link #LOOP_BOUND}; the other settings are
   * Lincheck 3.7's defaults. Lincheck exposes settings only through this internal entry point.
   */
  static void runConcurrentTest(int invocations, Runnable scenario) {
    Lincheck.runConcurrentTestInternal$lincheck(
        invocations, new LincheckSettings(true, 10, LOOP_BOUND, 20), scenario);
  }

  /**
   * Where a scenario's channels are published before its threads start. Lincheck switches
   * threads only at accesses to objects it knows are shared, and it does not count an object
   * that the threads' lambdas capture: a race on such an object's plain or volatile field was
   * never found (not in 300 invocations), the same race on an object first stored in a static
   * field at once. Published, a channel's own field accesses become switch points.
   */
  @SuppressWarnings("unused") // written for Lincheck's sake only
  private static volatile Object published;

  static <T> T shared(T channel) {
    published = channel;
    return channel;
  }
}
