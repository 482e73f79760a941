package dev.goconc;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's {@code go} statement: {@link #go(Runnable)} starts a goroutine on a new virtual thread.
 *
 * <p>Each goroutine is named for thread dumps with its number and start site, {@code
 * goroutine-42 @ Worker.run(Worker.java:17)}, and is listed in the runtime's registry of live
 * goroutines until its body returns (see {@link GoroutineLeaks}). The start site is the first
 * stack frame outside the runtime's launchers ({@code Go}, {@code WaitGroup}, {@code
 * ErrGroup}), so {@code wg.go(...)} names its caller; it is found with a {@link StackWalker}
 * that looks at a few frames only, never by building a {@link Throwable}.
 *
 * <p>An exception that escapes a goroutine is never silent: it goes to the {@linkplain
 * #setExceptionHandler handler}, by default one that prints it with the goroutine's name. Unlike
 * Go, where an unrecovered panic ends the process, the other goroutines keep running.
 *
 * <p>Memory consistency: actions before {@code go(body)} happen-before the body runs.
 */
public final class Go {
  /** Launchers whose frames are skipped when looking for the start site; nested classes too. */
  private static final Set<String> LAUNCHERS =
      Set.of(Go.class.getName(), "dev.goconc.WaitGroup", "dev.goconc.ErrGroup");

  /** Enough for Go.go plus a launcher or two above it, and its lambdas. */
  private static final int MAX_FRAMES = 8;

  private static final StackWalker WALKER = StackWalker.getInstance(Set.of(), MAX_FRAMES + 2);
  private static final AtomicLong ids = new AtomicLong();
  private static volatile GoroutineExceptionHandler handler = GoroutineExceptionHandler.printing();

  private Go() {}

  /**
   * Starts {@code body} as a goroutine on a new virtual thread and returns at once.
   *
   * @throws NullPointerException if {@code body} is null
   */
  public static void go(Runnable body) {
    Objects.requireNonNull(body, "body");
    Goroutine g = new Goroutine(ids.incrementAndGet(), startSite());
    Thread thread = Thread.ofVirtual().name(g.name()).unstarted(() -> run(g, body));
    g.attach(thread);
    GoroutineRegistry.add(g);
    try {
      thread.start();
    } catch (RuntimeException | Error e) {
      GoroutineRegistry.remove(g);
      throw e;
    }
  }

  /**
   * Replaces the handler of exceptions that escape goroutines and returns the one it replaced.
   * It applies to goroutines that fail from now on, whenever they were started.
   */
  public static GoroutineExceptionHandler setExceptionHandler(GoroutineExceptionHandler newHandler) {
    Objects.requireNonNull(newHandler, "newHandler");
    GoroutineExceptionHandler old = handler;
    handler = newHandler;
    return old;
  }

  /** The handler of exceptions that escape goroutines. */
  public static GoroutineExceptionHandler exceptionHandler() {
    return handler;
  }

  /** The number of the last goroutine started; snapshots compare against it. */
  static long lastId() {
    return ids.get();
  }

  private static void run(Goroutine g, Runnable body) {
    try {
      body.run();
    } catch (Throwable t) {
      report(g, t);
    } finally {
      GoroutineRegistry.remove(g);
    }
  }

  private static void report(Goroutine g, Throwable t) {
    GoroutineExceptionHandler h = handler;
    try {
      h.uncaught(g, t);
    } catch (Throwable handlerFailure) {
      // Neither exception may vanish: fall back to printing both.
      t.addSuppressed(handlerFailure);
      GoroutineExceptionHandler.printing().uncaught(g, t);
    }
  }

  /** The first frame above the launchers; package-private for StartSiteBenchmark. */
  static StartSite startSite() {
    return WALKER.walk(
        frames ->
            frames
                .skip(2) // startSite and go
                .limit(MAX_FRAMES)
                .filter(f -> !isLauncher(f.getClassName()))
                .findFirst()
                .map(f -> new StartSite(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber()))
                .orElse(StartSite.UNKNOWN));
  }

  private static boolean isLauncher(String className) {
    int nested = className.indexOf('$');
    return LAUNCHERS.contains(nested < 0 ? className : className.substring(0, nested));
  }
}
