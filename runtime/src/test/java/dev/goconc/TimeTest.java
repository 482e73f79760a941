package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class TimeTest {

  @Test
  void afterDeliversOnceTheDurationHasPassed() {
    Instant start = Instant.now();
    Instant fired = Time.after(Duration.ofMillis(30)).receive();
    assertNotNull(fired);
    assertFalse(fired.isBefore(start.plusMillis(29)), "fired too early");
  }

  @Test
  void afterWorksAsASelectTimeout() {
    Chan<String> never = Chan.make();
    String r =
        Select.<String>select()
            .recv(never, v -> "value")
            .recv(Time.after(Duration.ofMillis(20)), t -> "timeout")
            .run();
    assertEquals("timeout", r);
  }

  @Test
  void zeroOrNegativeTimerFiresAtOnce() {
    assertNotNull(Time.newTimer(Duration.ZERO).c().receive());
    assertNotNull(Time.newTimer(Duration.ofSeconds(-1)).c().receive());
  }

  @Test
  void stopPreventsFiringAndReportsWhetherItWasPending() throws Exception {
    Timer t = Time.newTimer(Duration.ofMillis(50));
    assertTrue(t.stop());
    assertFalse(t.stop());
    Thread.sleep(100);
    assertEquals(Optional.empty(), t.c().tryReceive());
  }

  @Test
  void stopAfterFiringDiscardsTheUnreceivedValue() throws Exception {
    try (Timer t = Time.newTimer(Duration.ofMillis(1))) {
      while (t.c().len() == 0) {
        Thread.sleep(1);
      }
      assertFalse(t.stop(), "already fired");
      assertEquals(Optional.empty(), t.c().tryReceive(), "a stale value survived stop");
    }
  }

  @Test
  void resetRestartsTheTimer() {
    Timer t = Time.newTimer(Duration.ofHours(1));
    assertTrue(t.reset(Duration.ofMillis(10)));
    assertNotNull(t.c().receive());
    assertFalse(t.reset(Duration.ofMillis(10)));
    assertNotNull(t.c().receive());
  }

  @Test
  void closeStopsATimer() throws Exception {
    Timer t = Time.newTimer(Duration.ofMillis(20));
    t.close();
    Thread.sleep(60);
    assertEquals(Optional.empty(), t.c().tryReceive());
  }

  @Test
  void tickerTicksRepeatedlyUntilStopped() throws Exception {
    try (Ticker ticker = Time.newTicker(Duration.ofMillis(5))) {
      Instant a = ticker.c().receive();
      Instant b = ticker.c().receive();
      Instant c = ticker.c().receive();
      assertTrue(a.isBefore(b) || a.equals(b));
      assertTrue(b.isBefore(c) || b.equals(c));
      ticker.stop();
      Thread.sleep(30);
      assertEquals(Optional.empty(), ticker.c().tryReceive());
      ticker.reset(Duration.ofMillis(5));
      assertNotNull(ticker.c().receive());
    }
  }

  @Test
  void slowReceiverDropsTicksInsteadOfQueueing() throws Exception {
    try (Ticker ticker = Time.newTicker(Duration.ofMillis(2))) {
      Thread.sleep(50);
      assertEquals(1, ticker.c().len());
    }
  }

  @Test
  void aFastTickerDoesNotStarveOtherTimers() {
    try (Ticker fast = Time.newTicker(Duration.ofNanos(1))) {
      CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofMillis(50));
      Timer timer = Time.newTimer(Duration.ofMillis(20));
      // Expected within a few ms of their due times; the bound is a hundred times that.
      assertTrue(within(Duration.ofSeconds(5), () -> ctx.err() != null), "deadline starved");
      assertTrue(within(Duration.ofSeconds(5), () -> timer.c().tryReceive().isPresent()), "timer starved");
      assertNotNull(fast.c().receive(), "the fast ticker still ticks");
    }
  }

  @Test
  void aLateTickSkipsTheTicksItMissed() {
    assertEquals(10, ChanTicker.delayToNextTick(0, 10));
    assertEquals(7, ChanTicker.delayToNextTick(3, 10));
    assertEquals(7, ChanTicker.delayToNextTick(53, 10), "five ticks missed: none is made up");
    assertEquals(10, ChanTicker.delayToNextTick(-2, 10));
    assertEquals(1, ChanTicker.delayToNextTick(1_000_000, 1));
  }

  /** Polls {@code condition} until it holds or {@code bound} has passed. */
  static boolean within(Duration bound, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Test
  void nonPositiveTickerThrows() {
    assertThrows(IllegalArgumentException.class, () -> Time.newTicker(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Time.newTicker(Duration.ofMillis(-1)));
  }

  @Test
  void stoppedTimersAreReleasedFromTheScheduler() {
    int before = SharedScheduler.queued();
    for (int i = 0; i < 10_000; i++) {
      Time.newTimer(Duration.ofHours(1)).stop();
    }
    assertTrue(SharedScheduler.queued() <= before + 10);
  }
}
