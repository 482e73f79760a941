package dev.goconc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's goleak for goconc: checks that goroutines are gone, for tests and for any code that
 * wants to know (the JUnit extension {@code dev.goconc.testing.GoroutineLeakExtension} is built
 * on it).
 *
 * <pre>{@code
 * GoroutineLeaks.Snapshot before = GoroutineLeaks.snapshot();
 * runTheCodeUnderTest();
 * before.verifyNoneStarted(Duration.ofSeconds(1));   // only goroutines started since
 * }</pre>
 *
 * <p>Waiting for the grace period joins the goroutines' threads; it does not poll. Each time the
 * goroutines it read have all ended, it reads the live goroutines again, so a goroutine started
 * during the grace period by one that then ended is judged too. A goroutine
 * counts as "started since a snapshot" by its number, so in a JVM that runs tests in parallel a
 * snapshot also sees the goroutines of the tests running beside it; run leak-checked tests in
 * the same thread or isolate them.
 */
public final class GoroutineLeaks {
  /** How many frames of each leaked goroutine's stack a report shows. */
  static final int MAX_FRAMES_SHOWN = 24;

  private GoroutineLeaks() {}

  /** The goroutines alive now, oldest first. */
  public static List<Goroutine> live() {
    return GoroutineRegistry.live();
  }

  /** Marks now: {@link Snapshot#verifyNoneStarted} then looks only at goroutines started later. */
  public static Snapshot snapshot() {
    return new Snapshot(Go.lastId());
  }

  /**
   * Throws {@link GoroutineLeakError} if any goroutine, except those {@code ignore} matches, is
   * still alive after {@code grace}.
   */
  public static void verifyNone(Duration grace, GoroutineFilter... ignore) {
    new Snapshot(0).verifyNoneStarted(grace, ignore);
  }

  /** A point in time; the goroutines started after it are the ones it judges. */
  public static final class Snapshot {
    private final long lastIdBefore;

    Snapshot(long lastIdBefore) {
      this.lastIdBefore = lastIdBefore;
    }

    /**
     * The goroutines started after this snapshot that are alive now and not ignored; never the
     * calling goroutine itself, which cannot end while it checks.
     */
    public List<Goroutine> liveSince(GoroutineFilter... ignore) {
      List<Goroutine> found = new ArrayList<>();
      Thread self = Thread.currentThread();
      for (Goroutine g : GoroutineRegistry.live()) {
        if (g.id() > lastIdBefore && g.thread() != self && !ignored(g, ignore)) {
          found.add(g);
        }
      }
      return found;
    }

    /**
     * Waits up to {@code grace} for the goroutines started after this snapshot to end, then
     * throws {@link GoroutineLeakError} listing those still alive (except the ignored ones).
     * An interrupt ends the wait early and is kept in the thread's flag.
     */
    public void verifyNoneStarted(Duration grace, GoroutineFilter... ignore) {
      List<Goroutine> leaked = awaitNone(grace, ignore);
      if (!leaked.isEmpty()) {
        throw new GoroutineLeakError(describe(leaked, grace), leaked);
      }
    }

    /**
     * Waits until none of the goroutines started after this snapshot is alive, re-reading the
     * live goroutines each time the last ones read have ended (as goleak retries on the full
     * list): a goroutine that starts another and then ends must not hide it. Returns those alive
     * when the grace period ran out (none if it did not).
     */
    private List<Goroutine> awaitNone(Duration grace, GoroutineFilter[] ignore) {
      long deadline = System.nanoTime() + grace.toNanos();
      while (true) {
        List<Goroutine> live = liveSince(ignore);
        if (live.isEmpty() || !joinAll(live, deadline)) {
          return liveSince(ignore);
        }
      }
    }
  }

  private static boolean ignored(Goroutine g, GoroutineFilter[] ignore) {
    for (GoroutineFilter f : ignore) {
      if (f.matches(g)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Waits for each goroutine's thread to end, until the deadline: false if the deadline passed
   * first or the wait was interrupted (the flag is kept). A goroutine still being started (its
   * thread not yet running, so it cannot be joined) gets a millisecond; the caller reads the
   * live goroutines again anyway.
   */
  private static boolean joinAll(List<Goroutine> goroutines, long deadline) {
    for (Goroutine g : goroutines) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      Thread t = g.thread();
      try {
        if (t.getState() == Thread.State.NEW) {
          Thread.sleep(Duration.ofNanos(Math.min(left, 1_000_000)));
        } else if (!t.join(Duration.ofNanos(left))) {
          return false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  static String describe(List<Goroutine> leaked, Duration grace) {
    StringBuilder out = new StringBuilder();
    out.append(leaked.size())
        .append(leaked.size() == 1 ? " goroutine is" : " goroutines are")
        .append(" still running ")
        .append(grace.toMillis())
        .append(" ms after the code that started it returned:");
    for (Goroutine g : leaked) {
      StartSite site = g.startSite();
      out.append("\n\n").append(g.name())
          .append("\n  started at ").append(site.qualifiedMethod()).append('(').append(site.location()).append(')')
          .append("\n  now at:");
      StackTraceElement[] stack = g.stackTrace();
      for (int i = 0; i < Math.min(stack.length, MAX_FRAMES_SHOWN); i++) {
        out.append("\n    at ").append(stack[i]);
      }
      if (stack.length > MAX_FRAMES_SHOWN) {
        out.append("\n    ... ").append(stack.length - MAX_FRAMES_SHOWN).append(" more");
      }
      if (stack.length == 0) {
        out.append("\n    (finished while this report was written)");
      }
    }
    String site = leaked.get(0).startSite().qualifiedMethod();
    out.append("\n\nEnd each goroutine before the test returns (close its channel, cancel its context,")
        .append(" await its WaitGroup), or, for one that is meant to outlive the test, ignore it by")
        .append(" its start site: @NoGoroutineLeaks(ignore = \"").append(site)
        .append("\") on the test, or GoroutineFilter.startedIn(\"").append(site)
        .append("\") without JUnit.");
    return out.toString();
  }
}
