package dev.goconc.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class LatchAwaitHoldingLockTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(LatchAwaitHoldingLock.class, getClass());

  @Test
  void quietOnTheCorrectIdioms() {
    helper
        .addSourceLines(
            "Idioms.java",
            """
            import java.util.concurrent.CountDownLatch;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Phaser;
            import java.util.concurrent.Semaphore;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.locks.ReentrantLock;

            class Idioms {
              private final Object mu = new Object();
              private final Object other = new Object();
              private final ReentrantLock lock = new ReentrantLock();
              private int count;

              static void work() {}

              // The lock is released before the wait.
              void releasedFirst(ExecutorService pool) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(() -> {
                  try {
                    synchronized (mu) { count++; }
                  } finally {
                    done.countDown();
                  }
                });
                synchronized (mu) {
                  count = 0;
                }
                done.await();
              }

              // The task takes another lock.
              void otherLock(ExecutorService pool) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(() -> {
                  try {
                    synchronized (other) { count++; }
                  } finally {
                    done.countDown();
                  }
                });
                synchronized (mu) {
                  done.await();
                }
              }

              // The task counts down before it takes the lock.
              void countsDownFirst() throws InterruptedException {
                CountDownLatch started = new CountDownLatch(1);
                Thread.startVirtualThread(() -> {
                  started.countDown();
                  synchronized (mu) { count++; }
                });
                synchronized (mu) {
                  started.await();
                }
              }

              // A timed wait gives up by itself.
              void timed(ExecutorService pool) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(() -> {
                  try { synchronized (mu) { count++; } } finally { done.countDown(); }
                });
                synchronized (mu) {
                  done.await(1, TimeUnit.SECONDS);
                }
              }

              // tryLock does not wait for the lock.
              void tries(ExecutorService pool) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(() -> {
                  try {
                    if (lock.tryLock()) {
                      lock.unlock();
                    }
                  } finally {
                    done.countDown();
                  }
                });
                lock.lock();
                try {
                  done.await();
                } finally {
                  lock.unlock();
                }
              }

              // A semaphore with free permits does not wait: not judged.
              void semaphore(ExecutorService pool) throws InterruptedException {
                Semaphore permits = new Semaphore(4);
                pool.execute(() -> {
                  try { synchronized (mu) { count++; } } finally { permits.release(); }
                });
                synchronized (mu) {
                  permits.acquire();
                }
              }

              // The task locks the anonymous task object, not this.
              void anonymous(ExecutorService pool) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(new Runnable() {
                  @Override public void run() {
                    try {
                      synchronized (this) { work(); }
                    } finally {
                      done.countDown();
                    }
                  }
                });
                synchronized (this) {
                  done.await();
                }
              }

              // Another object's monitor.
              void peer(ExecutorService pool, Idioms peer) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(() -> { try { peer.record(); } finally { done.countDown(); } });
                synchronized (this) {
                  done.await();
                }
              }

              synchronized void record() {
                count++;
              }

              // The task is started after the wait.
              void startedAfter(ExecutorService pool) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(0);
                synchronized (mu) {
                  done.await();
                }
                pool.execute(() -> { try { synchronized (mu) { count++; } } finally { done.countDown(); } });
              }

              // A phaser party that arrives before taking the lock.
              void phaser(ExecutorService pool) {
                Phaser phaser = new Phaser(2);
                pool.execute(() -> {
                  phaser.arrive();
                  synchronized (mu) { count++; }
                });
                synchronized (mu) {
                  phaser.arriveAndAwaitAdvance();
                }
              }

              // A non-final lock field may hold another object by then.
              private Object swapped = new Object();

              void swappable(ExecutorService pool) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(() -> { try { synchronized (swapped) { count++; } } finally { done.countDown(); } });
                synchronized (swapped) {
                  done.await();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsAWaitHoldingALockTheTasksNeed() {
    helper
        .addSourceLines(
            "Bugs.java",
            """
            import java.util.concurrent.CountDownLatch;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Phaser;
            import java.util.concurrent.locks.ReentrantLock;

            class Bugs {
              private final Object mu = new Object();
              private final ReentrantLock lock = new ReentrantLock();
              private final CountDownLatch stopped = new CountDownLatch(1);
              private static final Object REGISTRY = new Object();
              private int count;

              static void work() {}

              // The shape of cockroach#1055 with a latch.
              void startWorker(ExecutorService pool) {
                pool.execute(() -> {
                  try {
                    register();
                    work();
                  } finally {
                    stopped.countDown();
                  }
                });
              }

              private void register() {
                synchronized (mu) {
                  count++;
                }
              }

              void stop() throws InterruptedException {
                synchronized (mu) {
                  // BUG: Diagnostic contains: stopped.await() waits while holding mu (synchronized on line 34), but the task started on line 17 takes mu on line 19 before its stopped.countDown()
                  stopped.await();
                }
              }

              // A synchronized method waits; the task calls another synchronized method.
              synchronized void drain(ExecutorService pool) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(() -> { try { record(); } finally { done.countDown(); } });
                // BUG: Diagnostic contains: holding this (this synchronized method)
                done.await();
              }

              synchronized void record() {
                count++;
              }

              // A Lock held across the wait.
              void withLock(ExecutorService pool) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                pool.submit(() -> {
                  lock.lock();
                  try { count++; } finally { lock.unlock(); }
                  done.countDown();
                });
                lock.lock();
                try {
                  // BUG: Diagnostic contains: holding lock (locked on line
                  done.await();
                } finally {
                  lock.unlock();
                }
              }

              // A platform thread.
              void thread() throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                new Thread(() -> {
                  try { synchronized (mu) { count++; } } finally { done.countDown(); }
                }).start();
                synchronized (mu) {
                  // BUG: Diagnostic contains: release mu before waiting
                  done.await();
                }
              }

              // A virtual thread and a static lock.
              void virtual() throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                Thread.startVirtualThread(() -> {
                  try { synchronized (REGISTRY) { count++; } } finally { done.countDown(); }
                });
                synchronized (REGISTRY) {
                  // BUG: Diagnostic contains: holding REGISTRY
                  done.await();
                }
              }

              // Several tasks in a loop.
              void many(ExecutorService pool, int n) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(n);
                for (int i = 0; i < n; i++) {
                  pool.execute(() -> {
                    try { synchronized (this) { count++; } } finally { done.countDown(); }
                  });
                }
                synchronized (this) {
                  // BUG: Diagnostic contains: holding this
                  done.await();
                }
              }

              // An anonymous task calls the outer synchronized method.
              void anonymous(ExecutorService pool) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(new Runnable() {
                  @Override public void run() {
                    try { record(); } finally { done.countDown(); }
                  }
                });
                synchronized (this) {
                  // BUG: Diagnostic contains: never counts down
                  done.await();
                }
              }

              // A phaser party takes the lock before it arrives.
              void phaser(ExecutorService pool) {
                Phaser phaser = new Phaser(2);
                pool.execute(() -> {
                  synchronized (mu) { count++; }
                  phaser.arrive();
                });
                synchronized (mu) {
                  // BUG: Diagnostic contains: before its phaser.arrive()
                  phaser.arriveAndAwaitAdvance();
                }
              }

              // A local lock and a task started inside it.
              void localLock(ExecutorService pool) throws InterruptedException {
                Object guard = new Object();
                CountDownLatch done = new CountDownLatch(1);
                synchronized (guard) {
                  pool.execute(() -> {
                    try { synchronized (guard) { work(); } } finally { done.countDown(); }
                  });
                  // BUG: Diagnostic contains: holding guard
                  done.await();
                }
              }

              // lockInterruptibly in the task, the latch counted down in finally.
              void interruptibly(ExecutorService pool) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(() -> {
                  try {
                    lock.lockInterruptibly();
                    lock.unlock();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    done.countDown();
                  }
                });
                lock.lock();
                try {
                  // BUG: Diagnostic contains: takes lock on line
                  done.await();
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .doTest();
  }
}
