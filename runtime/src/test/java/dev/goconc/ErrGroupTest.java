package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class ErrGroupTest {

  @Test
  void allSucceedGivesNullAndCancelsTheContextAfterAwait() {
    ErrGroup g = ErrGroup.withContext(Context.background());
    AtomicInteger n = new AtomicInteger();
    for (int i = 0; i < 100; i++) {
      g.go(n::incrementAndGet);
    }
    assertNull(g.await());
    assertEquals(100, n.get());
    assertInstanceOf(ContextException.Canceled.class, g.context().err());
  }

  @Test
  void firstErrorCancelsTheContextAndIsReported() {
    ErrGroup g = ErrGroup.withContext(Context.background());
    IOException boom = new IOException("boom");
    CountDownLatch failed = new CountDownLatch(1);
    AtomicInteger sawCancel = new AtomicInteger();
    for (int i = 0; i < 5; i++) {
      g.go(
          () -> {
            g.context().done().receive(); // the siblings stop when one fails
            sawCancel.incrementAndGet();
          });
    }
    g.go(
        () -> {
          failed.countDown();
          throw boom;
        });
    assertSame(boom, g.await());
    assertEquals(5, sawCancel.get());
    assertInstanceOf(ContextException.Canceled.class, g.context().err());
    assertSame(boom, g.context().cause());
  }

  @Test
  void onlyTheFirstErrorIsKept() throws Exception {
    ErrGroup g = ErrGroup.withContext(Context.background());
    CountDownLatch firstThrown = new CountDownLatch(1);
    g.go(
        () -> {
          firstThrown.countDown();
          throw new IllegalStateException("first");
        });
    firstThrown.await();
    g.context().done().receive();
    g.go(
        () -> {
          throw new IllegalStateException("second");
        });
    assertEquals("first", g.await().getMessage());
  }

  @Test
  void parentCancellationReachesTheGroup() {
    CancelContext parent = Context.withCancel(Context.background());
    ErrGroup g = ErrGroup.withContext(parent);
    g.go(() -> g.context().done().receive());
    parent.cancel();
    assertNull(g.await());
  }

  @Test
  void setLimitBoundsConcurrencyAndTryGoRespectsIt() throws Exception {
    ErrGroup g = ErrGroup.withContext(Context.background());
    g.setLimit(2);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    Chan<Boolean> release = Chan.make();
    ErrGroup.Task task =
        () -> {
          peak.accumulateAndGet(running.incrementAndGet(), Math::max);
          release.receive();
          running.decrementAndGet();
        };
    assertTrue(g.tryGo(task));
    assertTrue(g.tryGo(task));
    assertFalse(g.tryGo(task), "tryGo ignored the limit");
    assertThrows(IllegalStateException.class, () -> g.setLimit(5));
    // Both admitted tasks must be running before any is released, or the peak depends on
    // whether the first finished before the second started.
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (running.get() < 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(2, running.get(), "the two admitted tasks did not both start");
    Go.go(
        () -> {
          for (int i = 0; i < 10; i++) {
            g.go(task); // blocks while two run
          }
        });
    for (int i = 0; i < 12; i++) {
      release.send(true);
    }
    assertNull(g.await());
    assertEquals(2, peak.get());
  }

  @Test
  void goWithAFreeSlotStartsTheTaskEvenWhenInterrupted() {
    ErrGroup g = ErrGroup.withContext(Context.background());
    g.setLimit(1);
    AtomicInteger ran = new AtomicInteger();
    Thread.currentThread().interrupt();
    try {
      g.go(ran::incrementAndGet); // need not block, so the interrupt does not stop it
      assertTrue(Thread.currentThread().isInterrupted(), "go cleared the interrupt flag");
    } finally {
      Thread.interrupted();
    }
    assertNull(g.await());
    assertEquals(1, ran.get());
  }

  @Test
  void goThatMustWaitForASlotThrowsWhenInterruptedAndKeepsTheFlag() {
    ErrGroup g = ErrGroup.withContext(Context.background());
    g.setLimit(1);
    Chan<Boolean> release = Chan.make();
    g.go(release::receive); // holds the only slot
    AtomicInteger ran = new AtomicInteger();
    Thread.currentThread().interrupt();
    try {
      assertThrows(GoInterruptedException.class, () -> g.go(ran::incrementAndGet));
      assertTrue(Thread.currentThread().isInterrupted(), "go cleared the interrupt flag");
    } finally {
      Thread.interrupted();
    }
    release.send(true);
    assertNull(g.await());
    assertEquals(0, ran.get(), "the interrupted go ran its task");
    assertTrue(g.tryGo(ran::incrementAndGet), "the interrupted go kept a slot");
    assertNull(g.await());
    assertEquals(1, ran.get());
  }
}
