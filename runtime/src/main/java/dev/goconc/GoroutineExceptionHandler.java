package dev.goconc;

/**
 * Receives every exception that escapes a goroutine, Go's unrecovered panic. Install one with
 * {@link Go#setExceptionHandler}; the default prints the goroutine's name, start site and the
 * stack trace to {@code System.err}.
 *
 * <p>Called on the dying goroutine's own thread, before it leaves the registry of live
 * goroutines. A handler that throws does not lose the original exception: both are printed.
 */
@FunctionalInterface
public interface GoroutineExceptionHandler {
  void uncaught(Goroutine goroutine, Throwable exception);

  /** The default: print, never swallow. */
  static GoroutineExceptionHandler printing() {
    return PrintingHandler.INSTANCE;
  }
}

/** Prints to {@code System.err} at the time of the failure (so a replaced stderr is honoured). */
enum PrintingHandler implements GoroutineExceptionHandler {
  INSTANCE;

  @Override
  public void uncaught(Goroutine goroutine, Throwable exception) {
    var err = System.err;
    synchronized (err) {
      // The name carries the start site: "goroutine-42 @ Worker.run(Worker.java:17)".
      err.println("Exception in " + goroutine.name() + ":");
      exception.printStackTrace(err);
    }
  }
}
