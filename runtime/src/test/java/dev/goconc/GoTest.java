package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class GoTest {
  private final GoroutineExceptionHandler original = Go.exceptionHandler();

  @AfterEach
  void restoreHandler() {
    Go.setExceptionHandler(original);
  }

  @Test
  void runsTheBodyOnAVirtualThreadNamedWithNumberAndStartSite() throws Exception {
    BlockingQueue<Thread> ran = new ArrayBlockingQueue<>(1);
    int line = currentLine() + 1;
    Go.go(() -> ran.add(Thread.currentThread()));

    Thread t = ran.poll(10, TimeUnit.SECONDS);
    assertTrue(t.isVirtual());
    assertTrue(
        t.getName().matches("goroutine-\\d+ @ GoTest\\.runsTheBodyOnAVirtualThreadNamedWithNumberAndStartSite\\(GoTest\\.java:" + line + "\\)"),
        t.getName());
  }

  @Test
  void numbersIncreaseInStartOrder() throws Exception {
    BlockingQueue<Goroutine> seen = new ArrayBlockingQueue<>(2);
    Go.go(() -> seen.add(current()));
    Goroutine first = seen.poll(10, TimeUnit.SECONDS);
    Go.go(() -> seen.add(current()));
    Goroutine second = seen.poll(10, TimeUnit.SECONDS);
    assertTrue(second.id() > first.id());
  }

  @Test
  void isListedWhileRunningAndGoneAfterItsBodyReturns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BlockingQueue<Goroutine> self = new ArrayBlockingQueue<>(1);
    Go.go(() -> {
      self.add(current());
      awaitUninterruptibly(release);
    });
    Goroutine g = self.poll(10, TimeUnit.SECONDS);
    assertTrue(GoroutineLeaks.live().contains(g));
    assertEquals("dev.goconc.GoTest", g.startSite().className());
    assertEquals("isListedWhileRunningAndGoneAfterItsBodyReturns", g.startSite().methodName());

    release.countDown();
    g.thread().join();
    assertFalse(GoroutineLeaks.live().contains(g));
  }

  @Test
  void anEscapingExceptionGoesToTheInstalledHandlerWithItsGoroutine() throws Exception {
    BlockingQueue<Object[]> reports = new ArrayBlockingQueue<>(1);
    Go.setExceptionHandler((g, e) -> reports.add(new Object[] {g, e}));
    IllegalStateException boom = new IllegalStateException("boom");

    Go.go(() -> { throw boom; });

    Object[] report = reports.poll(10, TimeUnit.SECONDS);
    Goroutine g = (Goroutine) report[0];
    assertSame(boom, report[1]);
    assertEquals("anEscapingExceptionGoesToTheInstalledHandlerWithItsGoroutine", g.startSite().methodName());
  }

  @Test
  void theDefaultHandlerPrintsTheExceptionWithTheStartSite() throws Exception {
    assertSame(GoroutineExceptionHandler.printing(), original);
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int line;
    try {
      AtomicReference<Goroutine> self = new AtomicReference<>();
      line = currentLine() + 1;
      Go.go(() -> { self.set(current()); throw new IllegalArgumentException("bad input 7"); });
      waitUntilGone(self);
    } finally {
      System.setErr(stderr);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("Exception in goroutine-"), printed);
    assertTrue(
        printed.contains("GoTest.theDefaultHandlerPrintsTheExceptionWithTheStartSite(GoTest.java:" + line + ")"),
        printed);
    assertTrue(printed.contains("java.lang.IllegalArgumentException: bad input 7"), printed);
  }

  @Test
  void aFailingHandlerDoesNotLoseTheOriginalException() throws Exception {
    Go.setExceptionHandler((g, e) -> { throw new IllegalStateException("handler broke"); });
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      AtomicReference<Goroutine> self = new AtomicReference<>();
      Go.go(() -> { self.set(current()); throw new UnsupportedOperationException("original 9"); });
      waitUntilGone(self);
    } finally {
      System.setErr(stderr);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("original 9"), printed);
    assertTrue(printed.contains("handler broke"), printed);
  }

  @Test
  void eachCallSiteHasItsOwnLineAndALoopSharesOne() throws Exception {
    BlockingQueue<Goroutine> seen = new ArrayBlockingQueue<>(4);
    for (int i = 0; i < 2; i++) {
      Go.go(() -> seen.add(current()));
    }
    int line = currentLine() + 1;
    Go.go(() -> seen.add(current()));
    java.util.List<Goroutine> started = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      started.add(seen.poll(10, TimeUnit.SECONDS));
    }
    started.sort(java.util.Comparator.comparingLong(Goroutine::id)); // they ran in any order
    StartSite inLoop1 = started.get(0).startSite();
    StartSite inLoop2 = started.get(1).startSite();
    StartSite after = started.get(2).startSite();

    assertEquals(inLoop1, inLoop2);
    assertEquals(line, after.lineNumber());
    assertEquals(line - 3, inLoop1.lineNumber());
  }

  @Test
  void rejectsANullBody() {
    assertThrows(NullPointerException.class, () -> Go.go(null));
    assertThrows(NullPointerException.class, () -> Go.setExceptionHandler(null));
  }

  @Test
  void aGoroutineStartedThroughALauncherIsNamedForTheLaunchersCaller() throws Exception {
    BlockingQueue<Goroutine> seen = new ArrayBlockingQueue<>(1);
    WaitGroupLike.launch(() -> seen.add(current()));
    Goroutine g = seen.poll(10, TimeUnit.SECONDS);
    // WaitGroupLike is not a runtime launcher: its frame is the start site.
    assertEquals("dev.goconc.GoTest$WaitGroupLike", g.startSite().className());
    assertEquals("launch", g.startSite().methodName());
  }

  /** A user's helper that wraps Go.go: unlike WaitGroup.go, it is where the goroutine starts. */
  static final class WaitGroupLike {
    static void launch(Runnable r) {
      Go.go(r);
    }
  }

  static Goroutine current() {
    for (Goroutine g : GoroutineLeaks.live()) {
      if (g.thread() == Thread.currentThread()) {
        return g;
      }
    }
    throw new AssertionError("not a registered goroutine: " + Thread.currentThread());
  }

  private static void waitUntilGone(AtomicReference<Goroutine> self) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (self.get() == null && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    self.get().thread().join();
  }

  static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int currentLine() {
    return StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow().getLineNumber());
  }
}
