package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of goroutines on shared channels: every value sent is received exactly once and the
 * run ends (a deadlock fails by the timeout instead of hanging). Larger under {@code -Plong-tests}.
 */
@Timeout(60)
final class ChanStressTest {
  private static final int GOROUTINES = LincheckConfig.LONG ? 10_000 : 2_000;
  private static final int PER_GOROUTINE = LincheckConfig.LONG ? 100 : 10;

  @Test
  void thousandsOfSendersAndReceiversOverEveryCapacity() {
    for (int cap : new int[] {0, 1, 64}) {
      Chan<Integer> ch = Chan.make(cap);
      int total = GOROUTINES * PER_GOROUTINE;
      AtomicIntegerArray seen = new AtomicIntegerArray(total);
      WaitGroup senders = new WaitGroup();
      WaitGroup receivers = new WaitGroup();
      for (int g = 0; g < GOROUTINES; g++) {
        int base = g * PER_GOROUTINE;
        senders.go(
            () -> {
              for (int i = 0; i < PER_GOROUTINE; i++) {
                ch.send(base + i);
              }
            });
        receivers.go(
            () -> {
              for (int v : ch) {
                seen.incrementAndGet(v);
              }
            });
      }
      senders.await();
      ch.close();
      receivers.await();
      for (int i = 0; i < total; i++) {
        assertEquals(1, seen.get(i), "value " + i + " on capacity " + cap);
      }
    }
  }

  @Test
  void fanInThroughSelectWithTimeoutsAndCancellation() {
    int producers = GOROUTINES / 2;
    Chan<Integer> a = Chan.make();
    Chan<Integer> b = Chan.make(16);
    CancelContext ctx = Context.withCancel(Context.background());
    int total = producers * PER_GOROUTINE;
    AtomicIntegerArray seen = new AtomicIntegerArray(total);
    AtomicLong received = new AtomicLong();
    WaitGroup producing = new WaitGroup();
    for (int p = 0; p < producers; p++) {
      int base = p * PER_GOROUTINE;
      producing.go(
          () -> {
            for (int i = 0; i < PER_GOROUTINE; i++) {
              Select.<Void>select().send(a, base + i, () -> null).send(b, base + i, () -> null).run();
            }
          });
    }
    WaitGroup consuming = new WaitGroup();
    for (int c = 0; c < 64; c++) {
      consuming.go(
          () -> {
            while (true) {
              Integer v =
                  Select.<Integer>select()
                      .recv(a, x -> x)
                      .recv(b, x -> x)
                      .recv(ctx.done(), x -> -1)
                      .recv(Time.after(Duration.ofMillis(50)), t -> -2)
                      .run();
              if (v == -1) {
                return;
              }
              if (v >= 0) {
                seen.incrementAndGet(v);
                if (received.incrementAndGet() == total) {
                  ctx.cancel();
                }
              }
            }
          });
    }
    producing.await();
    consuming.await();
    for (int i = 0; i < total; i++) {
      assertEquals(1, seen.get(i), "value " + i);
    }
    assertTrue(a.sendq.isEmpty() && b.sendq.isEmpty() && a.recvq.isEmpty() && b.recvq.isEmpty());
  }
}
