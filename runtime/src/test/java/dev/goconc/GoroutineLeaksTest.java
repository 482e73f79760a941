package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class GoroutineLeaksTest {
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseBlockedGoroutines() {
    release.countDown();
  }

  @Test
  void aBlockedGoroutineIsReportedWithItsStartSiteAndWhereItIsBlocked() {
    GoroutineLeaks.Snapshot before = GoroutineLeaks.snapshot();
    startBlockedWorker();

    GoroutineLeakError e =
        assertThrows(GoroutineLeakError.class, () -> before.verifyNoneStarted(Duration.ofMillis(50)));

    assertEquals(1, e.leaked().size());
    assertTrue(e.getMessage().startsWith("1 goroutine is still running 50 ms after"), e.getMessage());
    assertTrue(
        e.getMessage().contains("started at dev.goconc.GoroutineLeaksTest.startBlockedWorker(GoroutineLeaksTest.java:"),
        e.getMessage());
    assertTrue(e.getMessage().contains("java.util.concurrent.CountDownLatch.await"), e.getMessage());
    assertTrue(e.getMessage().contains("GoroutineLeaksTest.lambda$startBlockedWorker$"), e.getMessage());
    // The hint names what a test author writes to let this goroutine outlive the test.
    assertTrue(e.getMessage().contains(
        "@NoGoroutineLeaks(ignore = \"dev.goconc.GoroutineLeaksTest.startBlockedWorker\")"),
        e.getMessage());
  }

  @Test
  void aGoroutineThatEndsWithinTheGracePeriodIsNoLeak() {
    GoroutineLeaks.Snapshot before = GoroutineLeaks.snapshot();
    CountDownLatch started = new CountDownLatch(1);
    Go.go(() -> {
      started.countDown();
      GoTest.awaitUninterruptibly(release);
    });
    GoTest.awaitUninterruptibly(started);
    Go.go(() -> {
      sleep(Duration.ofMillis(100));
      release.countDown();
    });

    before.verifyNoneStarted(Duration.ofSeconds(10));
  }

  @Test
  void aGoroutineStartedDuringTheGracePeriodByOneThatEndsIsReported() {
    GoroutineLeaks.Snapshot before = GoroutineLeaks.snapshot();
    Go.go(() -> {
      sleep(Duration.ofMillis(100)); // inside the grace period
      Go.go(() -> GoTest.awaitUninterruptibly(release));
    });

    GoroutineLeakError e =
        assertThrows(GoroutineLeakError.class, () -> before.verifyNoneStarted(Duration.ofSeconds(2)));

    assertEquals(1, e.leaked().size(), e.getMessage());
    assertTrue(e.getMessage().contains("awaitUninterruptibly"), e.getMessage());
  }

  @Test
  void goroutinesStartedBeforeTheSnapshotAreNotJudged() {
    startBlockedWorker();
    GoroutineLeaks.Snapshot after = GoroutineLeaks.snapshot();

    after.verifyNoneStarted(Duration.ZERO);
    assertThrows(GoroutineLeakError.class, () -> GoroutineLeaks.verifyNone(Duration.ZERO));
  }

  @Test
  void ignoredStartSitesAreNotReported() {
    GoroutineLeaks.Snapshot before = GoroutineLeaks.snapshot();
    startBlockedWorker();

    before.verifyNoneStarted(Duration.ZERO, GoroutineFilter.startedIn("dev.goconc.GoroutineLeaksTest.startBlockedWorker"));
    before.verifyNoneStarted(Duration.ZERO, GoroutineFilter.startedIn("dev.goconc.GoroutineLeaksTest"));
    before.verifyNoneStarted(Duration.ZERO, GoroutineFilter.startedIn("dev.goconc.*"));
    before.verifyNoneStarted(Duration.ZERO, GoroutineFilter.blockedIn("java.util.concurrent.CountDownLatch.await"));
    assertThrows(
        GoroutineLeakError.class,
        () -> before.verifyNoneStarted(Duration.ZERO, GoroutineFilter.startedIn("dev.goconc.GoroutineLeaksTest.other")));
    assertThrows(
        GoroutineLeakError.class,
        () -> before.verifyNoneStarted(Duration.ZERO, GoroutineFilter.startedIn("dev.goconc.GoroutineLeaks")));
  }

  @Test
  void releasedGoroutinesLeaveNothingBehind() {
    GoroutineLeaks.Snapshot before = GoroutineLeaks.snapshot();
    for (int i = 0; i < 100; i++) {
      startBlockedWorker();
    }
    assertEquals(100, before.liveSince().size());
    release.countDown();
    before.verifyNoneStarted(Duration.ofSeconds(10));
    assertEquals(0, before.liveSince().size());
  }

  @Test
  void aGoroutineCheckingForLeaksDoesNotReportItself() throws Exception {
    GoroutineLeaks.Snapshot before = GoroutineLeaks.snapshot();
    java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
    Go.go(() -> {
      try {
        before.verifyNoneStarted(Duration.ofSeconds(5));
        outcome.complete(null);
      } catch (Throwable t) {
        outcome.complete(t);
      }
    });
    assertEquals(null, outcome.get(10, java.util.concurrent.TimeUnit.SECONDS));
  }

  /** Starts a goroutine and returns once it is parked in the latch, so blockedIn can see it. */
  private void startBlockedWorker() {
    java.util.concurrent.CompletableFuture<Thread> worker = new java.util.concurrent.CompletableFuture<>();
    Go.go(() -> {
      worker.complete(Thread.currentThread());
      GoTest.awaitUninterruptibly(release);
    });
    Thread thread = worker.join();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
