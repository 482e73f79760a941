package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class ContextTest {

  private static boolean isDone(Context ctx) {
    return ctx.done().tryReceive().isPresent();
  }

  @Test
  void backgroundAndTodoAreNeverDone() {
    for (Context c : new Context[] {Context.background(), Context.todo()}) {
      assertNull(c.err());
      assertNull(c.cause());
      assertFalse(isDone(c));
      assertEquals(Optional.empty(), c.deadline());
      assertNull(c.value(Context.Key.of("k")));
    }
    assertEquals("context.Background", Context.background().toString());
  }

  @Test
  void cancelClosesDoneOnceAndIsIdempotent() {
    CancelContext ctx = Context.withCancel(Context.background());
    assertNull(ctx.err());
    assertFalse(isDone(ctx));
    ctx.cancel();
    ctx.cancel();
    ctx.close();
    ctx.cancelFunc().cancel();
    assertInstanceOf(ContextException.Canceled.class, ctx.err());
    assertTrue(isDone(ctx));
    assertFalse(ctx.done().receiveOk().ok());
  }

  @Test
  void cancellationPropagatesDownNeverUp() {
    CancelContext parent = Context.withCancel(Context.background());
    CancelContext child = Context.withCancel(parent);
    Context valueChild = Context.withValue(child, Context.Key.of("k"), "v");
    CancelContext grandchild = Context.withCancel(valueChild);
    CancelContext sibling = Context.withCancel(parent);

    child.cancel();
    assertNull(parent.err(), "cancel went up");
    assertNull(sibling.err(), "cancel went sideways");
    assertInstanceOf(ContextException.Canceled.class, grandchild.err());
    assertTrue(isDone(valueChild));

    parent.cancel();
    assertInstanceOf(ContextException.Canceled.class, sibling.err());
  }

  @Test
  void childOfCancelledParentIsBornCancelled() {
    CancelContext parent = Context.withCancel(Context.background());
    parent.cancel(new IllegalStateException("shutting down"));
    CancelContext child = Context.withCancel(parent);
    assertInstanceOf(ContextException.Canceled.class, child.err());
    assertEquals("shutting down", child.cause().getMessage());
    assertTrue(isDone(child));
  }

  @Test
  void cancelWithCauseKeepsErrAsCanceledAndTheFirstCause() {
    CancelContext ctx = Context.withCancel(Context.background());
    assertNull(ctx.cause());
    RuntimeException why = new RuntimeException("why");
    ctx.cancel(why);
    ctx.cancel(new RuntimeException("later"));
    assertInstanceOf(ContextException.Canceled.class, ctx.err());
    assertSame(why, ctx.cause());
    CancelContext plain = Context.withCancel(Context.background());
    plain.cancel();
    assertSame(plain.err(), plain.cause());
  }

  @Test
  void timeoutExpiresWithDeadlineExceeded() {
    CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofMillis(30));
    assertTrue(ctx.deadline().isPresent());
    assertNull(ctx.done().receive());
    assertInstanceOf(ContextException.DeadlineExceeded.class, ctx.err());
    assertInstanceOf(ContextException.DeadlineExceeded.class, ctx.cause());
    ctx.cancel();
    assertInstanceOf(ContextException.DeadlineExceeded.class, ctx.err(), "cancel after expiry changed err");
  }

  @Test
  void zeroAndNegativeTimeoutsAreAlreadyExpired() {
    for (Duration d : new Duration[] {Duration.ZERO, Duration.ofSeconds(-5)}) {
      CancelContext ctx = Context.withTimeout(Context.background(), d);
      assertInstanceOf(ContextException.DeadlineExceeded.class, ctx.err());
      assertTrue(isDone(ctx));
    }
    CancelContext past = Context.withDeadline(Context.background(), Instant.now().minusSeconds(1));
    assertInstanceOf(ContextException.DeadlineExceeded.class, past.err());
  }

  @Test
  void cancelBeforeDeadlineGivesCanceledAndReleasesTheTimer() {
    CancellableContext ctx =
        (CancellableContext) Context.withTimeout(Context.background(), Duration.ofHours(1));
    assertTrue(ctx.hasTimer());
    ctx.cancel();
    assertFalse(ctx.hasTimer());
    assertInstanceOf(ContextException.Canceled.class, ctx.err());
  }

  @Test
  void cancelledTimersLeaveTheSharedScheduler() {
    int before = SharedScheduler.queued();
    for (int i = 0; i < 10_000; i++) {
      Context.withTimeout(Context.background(), Duration.ofHours(1)).cancel();
    }
    assertTrue(SharedScheduler.queued() <= before + 10, "queued: " + SharedScheduler.queued());
  }

  @Test
  void aDeadlineCancelsItsTreeOffTheTimerThread() throws Exception {
    Thread t = null;
    // A child added after the deadline passed is cancelled at once by the thread adding it:
    // on a slow machine, try again with a later deadline.
    for (long millis = 20; t == null; millis *= 4) {
      CancellableContext ctx =
          (CancellableContext) Context.withTimeout(Context.background(), Duration.ofMillis(millis));
      java.util.concurrent.CompletableFuture<Thread> cancelledOn =
          new java.util.concurrent.CompletableFuture<>();
      boolean added =
          ctx.addChild(
              (removeFromParent, err, cause) -> {
                cancelledOn.complete(Thread.currentThread());
                return java.util.List.of();
              });
      if (added) {
        t = cancelledOn.get(10, TimeUnit.SECONDS);
      }
    }

    assertFalse(SharedScheduler.isTimerThread(t), "cancelled on " + t);
    assertTrue(t.isVirtual(), "cancelled on " + t);
  }

  @Test
  void contextsAndTimersOwnNoThreads() {
    Context.withTimeout(Context.background(), Duration.ofHours(1)).cancel(); // scheduler started
    int before = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
    java.util.List<CancelContext> live = new java.util.ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      live.add(Context.withTimeout(Context.background(), Duration.ofHours(1)));
      live.add(Context.withCancel(live.get(live.size() - 1)));
    }
    int during = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
    live.forEach(CancelContext::cancel);
    assertTrue(during - before < 5, "threads grew from " + before + " to " + during);
  }

  @Test
  void parentDeadlineGovernsWhenEarlier() {
    CancelContext parent = Context.withTimeout(Context.background(), Duration.ofMillis(20));
    CancelContext child = Context.withTimeout(parent, Duration.ofHours(1));
    assertEquals(parent.deadline(), child.deadline());
    assertNull(child.done().receive());
    assertInstanceOf(ContextException.DeadlineExceeded.class, child.err());
  }

  @Test
  void cancelledChildrenAreUnlinkedFromALongLivedParent() {
    CancellableContext parent = (CancellableContext) Context.withCancel(Context.background());
    for (int i = 0; i < 100_000; i++) {
      try (CancelContext child = Context.withCancel(parent)) {
        assertNull(child.err());
      }
    }
    for (int i = 0; i < 1_000; i++) {
      Context.withTimeout(Context.withValue(parent, Context.Key.of("k"), i), Duration.ZERO).cancel();
    }
    assertEquals(0, parent.childCount());
    CancelContext live = Context.withCancel(parent);
    assertEquals(1, parent.childCount());
    live.cancel();
    assertEquals(0, parent.childCount());
  }

  @Test
  void valuesAreTypedIdentityKeys() {
    Context.Key<String> user = Context.Key.of("user");
    Context.Key<String> sameName = Context.Key.of("user");
    Context.Key<Integer> attempt = Context.Key.of("attempt");
    Context ctx = Context.withValue(Context.withValue(Context.background(), user, "ann"), attempt, 3);
    Context shadow = Context.withValue(ctx, user, "bob");
    assertEquals("ann", ctx.value(user));
    assertEquals(3, ctx.value(attempt));
    assertNull(ctx.value(sameName));
    assertEquals("bob", shadow.value(user));
    assertEquals(3, Context.withCancel(shadow).value(attempt));
  }

  @Test
  void withoutCancelKeepsValuesButNotCancellation() {
    Context.Key<String> k = Context.Key.of("k");
    CancelContext parent =
        Context.withTimeout(Context.withValue(Context.background(), k, "v"), Duration.ofHours(1));
    Context detached = Context.withoutCancel(parent);
    CancelContext underDetached = Context.withCancel(detached);
    parent.cancel();
    assertNull(detached.err());
    assertFalse(isDone(detached));
    assertEquals(Optional.empty(), detached.deadline());
    assertEquals("v", detached.value(k));
    assertNull(underDetached.err());
    underDetached.cancel();
  }

  @Test
  void doneWakesABlockedSelect() throws Exception {
    CancelContext ctx = Context.withCancel(Context.background());
    Chan<String> never = Chan.make();
    CountDownLatch woke = new CountDownLatch(1);
    Go.go(
        () -> {
          String r = Select.<String>select().recv(never, v -> "value").recv(ctx.done(), v -> "cancelled").run();
          if (r.equals("cancelled")) {
            woke.countDown();
          }
        });
    Thread.sleep(20);
    ctx.cancel();
    assertTrue(woke.await(5, TimeUnit.SECONDS));
  }

  @Test
  void afterFuncRunsOnceWhenDoneAndStopPreventsIt() throws Exception {
    CancelContext ctx = Context.withCancel(Context.background());
    CountDownLatch ran = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    Context.afterFunc(
        ctx,
        () -> {
          runs.incrementAndGet();
          ran.countDown();
        });
    AtomicInteger stoppedRuns = new AtomicInteger();
    Context.StopFunc stop = Context.afterFunc(ctx, stoppedRuns::incrementAndGet);
    assertTrue(stop.stop());
    assertFalse(stop.stop());
    assertEquals(1, ((CancellableContext) ctx).childCount());
    ctx.cancel();
    ctx.cancel();
    assertTrue(ran.await(5, TimeUnit.SECONDS));
    Thread.sleep(20);
    assertEquals(1, runs.get());
    assertEquals(0, stoppedRuns.get());
  }

  @Test
  void afterFuncOnDoneContextRunsAtOnceAndCannotBeStopped() throws Exception {
    CancelContext ctx = Context.withCancel(Context.background());
    ctx.cancel();
    CountDownLatch ran = new CountDownLatch(1);
    Context.StopFunc stop = Context.afterFunc(ctx, ran::countDown);
    assertTrue(ran.await(5, TimeUnit.SECONDS));
    assertFalse(stop.stop());
  }

  @Test
  void foreignParentContextStillPropagates() throws Exception {
    CancelContext real = Context.withCancel(Context.background());
    Context foreign =
        new Context() {
          @Override
          public RecvChan<Void> done() {
            return real.done();
          }

          @Override
          public ContextException err() {
            return real.err();
          }

          @Override
          public <T> T value(Key<T> key) {
            return null;
          }

          @Override
          public Optional<Instant> deadline() {
            return Optional.empty();
          }
        };
    CancelContext child = Context.withCancel(foreign);
    real.cancel();
    assertNull(child.done().receive());
    assertInstanceOf(ContextException.Canceled.class, child.err());
  }

  @Test
  void concurrentCancelsCloseDoneExactlyOnce() throws Exception {
    for (int round = 0; round < 200; round++) {
      CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofMillis(1));
      WaitGroup wg = new WaitGroup();
      for (int i = 0; i < 4; i++) {
        wg.go(ctx::cancel);
      }
      wg.await();
      assertTrue(isDone(ctx));
      assertNotNull(ctx.err(), "cancelled, or timed out first"); // err() is typed ContextException
    }
  }
}
