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
 * that looks at a few frames only, never by building a {@link Throwable}. A walk still costs
 * microseconds, ten times a virtual thread's start, so it is done once per lambda or method
 * reference: each such expression in the source has a class of its own (a hidden class), and
 * its start site is cached on that class. (So one lambda kept in a variable and started from
 * several lines is named after the first of them; an instance of a named {@code Runnable} class,
 * which may be started from anywhere, is walked every time.)
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

  /** Enough for Go's own frames plus a launcher or two above them, and their lambdas. */
  private static final int MAX_FRAMES = 12;

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
    start(body, body);
  }

  /**
   * Starts {@code body}, named after the start site of {@code userCode}: the user's own lambda
   * when a launcher ({@code WaitGroup.go}, {@code ErrGroup.go}) wraps it in one of its own.
   */
  static void start(Object userCode, Runnable body) {
    Objects.requireNonNull(userCode, "body");
    Objects.requireNonNull(body, "body");
    NamedSite site = startSiteOf(userCode.getClass());
    Goroutine g = new Goroutine(ids.incrementAndGet(), site.site(), site.nameSuffix());
    Thread thread = Thread.ofVirtual().name(g.name()).unstarted(() -> run(g, body));
    g.attach(thread);
    GoroutineRegistry.add(g);
    try {
      thread.start();
    } catch (RuntimeException | Error e) {
      // Its number is never recorded as run: spins are cut short until the next goroutine runs.
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

  /**
   * The number of the last goroutine started; snapshots and {@link ReadyGoroutines} compare
   * against it.
   */
  static long lastId() {
    return ids.get();
  }

  private static void run(Goroutine g, Runnable body) {
    ReadyGoroutines.firstRun(g.id()); // no longer waiting for a carrier
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

  /** Start sites of lambdas and method references, one per class, found on first use. */
  private static final ClassValue<NamedSite[]> SITE_OF_LAMBDA =
      new ClassValue<>() {
        @Override
        protected NamedSite[] computeValue(Class<?> type) {
          return new NamedSite[1];
        }
      };

  /** A start site with the thread-name suffix made from it, so a spawn builds one string. */
  private record NamedSite(StartSite site, String nameSuffix) {
    static NamedSite of(StartSite site) {
      return new NamedSite(site, " @ " + site);
    }
  }

  private static NamedSite startSiteOf(Class<?> userCode) {
    if (!userCode.isHidden()) {
      return NamedSite.of(startSite());
    }
    NamedSite[] cached = SITE_OF_LAMBDA.get(userCode);
    NamedSite site = cached[0];
    if (site == null) {
      site = NamedSite.of(startSite()); // a race walks twice and stores equal values: harmless
      cached[0] = site;
    }
    return site;
  }

  /** The first frame above the launchers; package-private for StartSiteBenchmark. */
  static StartSite startSite() {
    return WALKER.walk(
        frames ->
            frames
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
