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

  /** Waits until {@code t} has fired into its channel (unreceived). */
  private static void awaitFired(Timer t) {
    assertTrue(within(Duration.ofSeconds(10), () -> Chan.unwrap(t.c()).len() == 1), "never fired");
  }

  @Test
  void stopAfterFiringDiscardsTheUnreceivedValue() throws Exception {
    try (Timer t = Time.newTimer(Duration.ofMillis(1))) {
      awaitFired(t);
      assertTrue(t.stop(), "fired but not received: Go 1.23's Stop reports true");
      assertEquals(Optional.empty(), t.c().tryReceive(), "a stale value survived stop");
      assertFalse(t.stop(), "already stopped");
    }
  }

  @Test
  @Timeout(10)
  void goStopThenDrainIdiomDoesNotBlock() throws Exception {
    Timer t = Time.newTimer(Duration.ofMillis(1));
    awaitFired(t);
    if (!t.stop()) {
      t.c().receive(); // would block for good if stop had returned false and dropped the value
    }
    assertEquals(Optional.empty(), t.c().tryReceive());
  }

  @Test
  void stopAfterTheValueWasReceivedReportsFalse() {
    Timer t = Time.newTimer(Duration.ofMillis(1));
    assertNotNull(t.c().receive());
    assertFalse(t.stop());
    assertFalse(t.reset(Duration.ofHours(1)));
    assertTrue(t.stop());
  }

  @Test
  void resetAfterFiringDiscardsTheUnreceivedValueAndReportsTrue() {
    Timer t = Time.newTimer(Duration.ofMillis(1));
    awaitFired(t);
    assertTrue(t.reset(Duration.ofHours(1)), "fired but not received: still active, as in Go 1.23");
    assertEquals(Optional.empty(), t.c().tryReceive(), "a stale value survived reset");
    t.stop();
  }

  @Test
  void aTimersChannelHasNoVisibleBufferAsInGo123() throws Exception {
    try (Timer t = Time.newTimer(Duration.ofMillis(1));
        Ticker ticker = Time.newTicker(Duration.ofMillis(1))) {
      awaitFired(t);
      assertTrue(within(Duration.ofSeconds(10), () -> Chan.unwrap(ticker.c()).len() == 1));
      assertEquals(0, t.c().len());
      assertEquals(0, t.c().cap());
      assertEquals(0, Time.after(Duration.ZERO).cap());
      assertEquals(0, ticker.c().len());
      assertEquals(0, ticker.c().cap());
      assertNotNull(t.c().receive(), "the value is still there to receive");
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
      assertEquals(1, Chan.unwrap(ticker.c()).len(), "one tick held, the others dropped");
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
    assertEquals(10, TimerState.delayToNextTick(0, 10));
    assertEquals(7, TimerState.delayToNextTick(3, 10));
    assertEquals(7, TimerState.delayToNextTick(53, 10), "five ticks missed: none is made up");
    assertEquals(10, TimerState.delayToNextTick(-2, 10));
    assertEquals(1, TimerState.delayToNextTick(1_000_000, 1));
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
