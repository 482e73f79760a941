package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class WaitGroupTest {

  @Test
  void awaitOnZeroReturnsAtOnce() {
    new WaitGroup().await();
  }

  @Test
  void awaitWaitsForEveryGoroutine() {
    WaitGroup wg = new WaitGroup();
    AtomicInteger done = new AtomicInteger();
    for (int i = 0; i < 1_000; i++) {
      wg.go(
          () -> {
            Thread.yield();
            done.incrementAndGet();
          });
    }
    wg.await();
    assertEquals(1_000, done.get());
  }

  @Test
  void addAndDoneByHand() throws Exception {
    WaitGroup wg = new WaitGroup();
    wg.add(2);
    AtomicBoolean returned = new AtomicBoolean();
    Thread waiter =
        Thread.ofVirtual()
            .start(
                () -> {
                  wg.await();
                  returned.set(true);
                });
    wg.done();
    ChanTest.awaitParked(waiter);
    assertEquals(false, returned.get());
    wg.done();
    waiter.join();
    assertTrue(returned.get());
  }

  @Test
  void negativeCounterThrowsAsGoPanics() {
    WaitGroup wg = new WaitGroup();
    assertThrows(IllegalStateException.class, wg::done);
    wg.add(1);
    assertThrows(IllegalStateException.class, () -> wg.add(-2));
    wg.done();
    wg.await();
  }

  @Test
  void goCallsDoneEvenWhenTheBodyThrows() {
    WaitGroup wg = new WaitGroup();
    Thread.UncaughtExceptionHandler quiet = (t, e) -> {};
    Thread.UncaughtExceptionHandler old = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(quiet);
    try {
      wg.go(
          () -> {
            throw new IllegalStateException("boom");
          });
      wg.await();
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(old);
    }
  }

  @Test
  void interruptedAwaitThrowsUncheckedAndKeepsFlag() throws Exception {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flag = new AtomicBoolean();
    Thread t =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    wg.await();
                  } catch (Throwable e) {
                    thrown.set(e);
                    flag.set(Thread.currentThread().isInterrupted());
                  }
                });
    ChanTest.awaitParked(t);
    t.interrupt();
    t.join();
    assertTrue(thrown.get() instanceof GoInterruptedException);
    assertTrue(flag.get());
  }
}
