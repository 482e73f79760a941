package dev.goconc;

/**
 * A live (or just finished) goroutine as the runtime sees it: its number, name, start site
 * and thread. Handed to {@link GoroutineExceptionHandler}s and listed by {@link GoroutineLeaks}.
 * Immutable apart from the thread's state, which {@link #isAlive()} and {@link #stackTrace()}
 * read at the time of the call.
 */
public final class Goroutine {
  private final long id;
  private final StartSite startSite;
  private final String name;
  private Thread thread; // set once, before the thread starts

  /** {@code nameSuffix} is {@code " @ " + startSite}, made once per start site by the caller. */
  Goroutine(long id, StartSite startSite, String nameSuffix) {
    this.id = id;
    this.startSite = startSite;
    this.name = "goroutine-" + id + nameSuffix;
  }

  void attach(Thread thread) {
    this.thread = thread;
  }

  /** The goroutine's number, unique and increasing in start order within this JVM. */
  public long id() {
    return id;
  }

  /** Its thread's name: {@code goroutine-42 @ Worker.run(Worker.java:17)}. */
  public String name() {
    return name;
  }

  public StartSite startSite() {
    return startSite;
  }

  /** The virtual thread that runs it. */
  public Thread thread() {
    return thread;
  }

  public boolean isAlive() {
    return thread.isAlive();
  }

  /** Where it is now (blocked, or running): its thread's current stack, innermost frame first. */
  public StackTraceElement[] stackTrace() {
    return thread.getStackTrace();
  }

  @Override
  public String toString() {
    return name;
  }
}
