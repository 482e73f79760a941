package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A timer or ticker whose channel nobody can receive from any more is collected with everything
 * it holds on the timer thread, as Go 1.23 collects unreferenced timers, stopped or not.
 */
@Timeout(60)
final class AbandonedTimersTest {
  private static final Duration LONG = Duration.ofMinutes(10);

  /** Collects garbage until {@code condition} holds, within a bound far above the few GCs needed. */
  private static boolean afterGc(java.util.function.BooleanSupplier condition) {
    return TimeTest.within(
        Duration.ofSeconds(20),
        () -> {
          System.gc();
          return condition.getAsBoolean();
        });
  }

  @Test
  void theChannelOfAnUnreceivedTimeAfterIsCollected() {
    WeakReference<Chan<?>> channel = new WeakReference<>(Chan.unwrap(Time.after(LONG)));
    assertTrue(afterGc(() -> channel.get() == null), "the timer thread keeps the channel");
  }

  @Test
  void abandonedTimersLeaveTheTimerQueue() {
    int before = SharedScheduler.queued();
    for (int i = 0; i < 10_000; i++) {
      RecvChan<Instant> unused = Time.after(LONG);
    }
    // Each timer started takes the collected ones off the queue.
    assertTrue(
        afterGc(() -> {
          Time.newTimer(LONG).stop();
          return SharedScheduler.queued() <= before + 100;
        }),
        "queued: " + SharedScheduler.queued() + ", before: " + before);
  }

  @Test
  void anUnreferencedTickerStopsTicking() {
    WeakReference<Chan<?>> channel =
        new WeakReference<>(Chan.unwrap(Time.newTicker(Duration.ofMillis(1)).c()));
    assertTrue(afterGc(() -> channel.get() == null), "the timer thread keeps the ticker");
  }

  @Test
  void aSelectInALoopOverTimeAfterHoldsNoTimers() {
    Chan<Integer> ready = Chan.make(1);
    int before = SharedScheduler.queued();
    for (int i = 0; i < 10_000; i++) {
      ready.send(i);
      int got = Select.<Integer>select().recv(ready, v -> v).recv(Time.after(LONG), t -> -1).run();
      assertTrue(got == i);
    }
    assertTrue(
        afterGc(() -> {
          Time.newTimer(LONG).stop();
          return SharedScheduler.queued() <= before + 100;
        }),
        "queued: " + SharedScheduler.queued() + ", before: " + before);
  }

  @Test
  void aTimerWhoseChannelIsHeldStillFires() {
    RecvChan<Instant> c = Time.after(Duration.ofMillis(200));
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    assertNotNull(c.receive());
  }

  @Test
  void aGoroutineBlockedOnAnUnheldTimeAfterIsWoken() throws Exception {
    java.util.concurrent.CompletableFuture<Instant> got = new java.util.concurrent.CompletableFuture<>();
    Go.go(() -> got.complete(Time.after(Duration.ofMillis(200)).receive()));
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertNotNull(got.get(20, java.util.concurrent.TimeUnit.SECONDS));
  }
}
