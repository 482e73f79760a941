package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ReadyGoroutines} decides whether a rendezvous waiter spins: a count that drifted up would
 * stop every spin for good, one that drifted down would let waiters spin while goroutines wait for
 * their carrier. Each wake-up must be counted and uncounted exactly once, whoever wins the races
 * between a completer's unpark, the waiter's own return and an interrupt. A goroutine that
 * {@link Go} started must seem to wait until it first runs, and no longer.
 */
@Timeout(60)
final class ReadyGoroutinesTest {
  private static final int ROUNDS = 20_000;

  @BeforeEach
  void onSeveralCarriers() {
    assumeTrue(ReadyGoroutines.COUNTING, "nothing is counted, or spins, on one carrier");
  }

  @Test
  void everyCountedWakeUpIsUncountedOnceTheGoroutineRuns() throws InterruptedException {
    int before = ReadyGoroutines.count();
    WaitGroup wg = new WaitGroup();
    for (int capacity : new int[] {0, 0, 2}) {
      Chan<Integer> ch = Chan.make(capacity);
      for (int k = 0; k < 4; k++) {
        wg.go(() -> sendAll(ch));
        wg.go(() -> receiveAll(ch));
      }
    }
    Chan<Integer> a = Chan.make();
    Chan<Integer> b = Chan.make(1);
    wg.go(() -> sendAll(a));
    wg.go(() -> sendAll(b));
    wg.go(() -> selectAll(a, b));
    wg.await();
    assertEquals(before, ReadyGoroutines.count());
  }

  @Test
  void aWakeUpRacingAnInterruptIsUncountedOnce() throws InterruptedException {
    int before = ReadyGoroutines.count();
    AtomicInteger delivered = new AtomicInteger();
    for (int i = 0; i < 2_000; i++) {
      Chan<Integer> ch = Chan.make();
      Thread receiver =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      ch.receive();
                    } catch (GoInterruptedException expected) {
                      // the interrupt came first
                    }
                  });
      Thread sender =
          Thread.ofVirtual()
              .start(
                  () -> {
                    if (ch.trySend(1)) { // else the receiver had not arrived, or was leaving
                      delivered.incrementAndGet();
                    }
                  });
      if (ThreadLocalRandom.current().nextBoolean()) {
        Thread.onSpinWait();
      }
      receiver.interrupt();
      sender.join();
      receiver.join();
    }
    assertEquals(before, ReadyGoroutines.count());
    assertTrue(delivered.get() > 0, "no send ever reached a waiting receiver: the race never ran");
  }

  @Test
  void aStartedGoroutineSeemsToWaitUntilItRuns() throws InterruptedException {
    // Hold every carrier, so that the next goroutine started cannot run until they are let go.
    AtomicBoolean letGo = new AtomicBoolean();
    CountDownLatch holding = new CountDownLatch(Carriers.count());
    List<Thread> holders = new ArrayList<>();
    for (int i = 0; i < Carriers.count(); i++) {
      holders.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    holding.countDown();
                    while (!letGo.get()) {
                      Thread.onSpinWait();
                    }
                  }));
    }
    holding.await();
    CountDownLatch ran = new CountDownLatch(1);
    Go.go(ran::countDown);
    assertTrue(ReadyGoroutines.startedNotRun(), "a goroutine that cannot run yet");
    assertTrue(ReadyGoroutines.any());
    letGo.set(true);
    ran.await();
    assertFalse(ReadyGoroutines.startedNotRun(), "the last goroutine started has run");
    for (Thread t : holders) {
      t.join();
    }
  }

  @Test
  void noGoroutineSeemsToWaitOnceAllStartedHaveRun() throws InterruptedException {
    // Carriers run new goroutines out of order: the record must not go back to an older one.
    for (int burst = 0; burst < 200; burst++) {
      CountDownLatch ran = new CountDownLatch(2_000);
      for (int i = 0; i < 2_000; i++) {
        Go.go(ran::countDown);
      }
      ran.await();
      assertFalse(ReadyGoroutines.startedNotRun(), "after burst " + burst + " every goroutine has run");
    }
  }

  private static void sendAll(Chan<Integer> ch) {
    for (int i = 0; i < ROUNDS; i++) {
      ch.send(i);
    }
  }

  private static void receiveAll(Chan<Integer> ch) {
    for (int i = 0; i < ROUNDS; i++) {
      ch.receive();
    }
  }

  private static void selectAll(Chan<Integer> a, Chan<Integer> b) {
    for (int i = 0; i < 2 * ROUNDS; i++) {
      Select.<Integer>select().recv(a, v -> v).recv(b, v -> v).run();
    }
  }
}
