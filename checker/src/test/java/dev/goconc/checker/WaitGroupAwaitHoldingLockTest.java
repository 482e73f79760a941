package dev.goconc.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class WaitGroupAwaitHoldingLockTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(WaitGroupAwaitHoldingLock.class, getClass());

  @Test
  void quietOnTheCorrectIdioms() {
    helper
        .addSourceLines(
            "Idioms.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.concurrent.locks.ReadWriteLock;
            import java.util.concurrent.locks.ReentrantLock;
            import java.util.concurrent.locks.ReentrantReadWriteLock;

            class Idioms {
              private final Object mu = new Object();
              private final Object other = new Object();
              private final ReentrantLock lock = new ReentrantLock();
              private final ReadWriteLock rw = new ReentrantReadWriteLock();
              private final WaitGroup workers = new WaitGroup();
              private int count;
              private boolean stopping;

              static void work() {}

              void start() {
                workers.add(1);
                Go.go(() -> {
                  try {
                    synchronized (mu) {
                      count++;
                    }
                  } finally {
                    workers.done();
                  }
                });
              }

              // The lock is released before the await.
              void stop() {
                synchronized (mu) {
                  stopping = true;
                }
                workers.await();
              }

              // A Lock released before the await.
              void stopWithLock() {
                lock.lock();
                try {
                  stopping = true;
                } finally {
                  lock.unlock();
                }
                workers.await();
              }

              // Held across the await, but no goroutine counted on the group takes it.
              void stopHoldingOther() {
                synchronized (other) {
                  workers.await();
                }
              }

              // The goroutine takes the lock only after its done().
              void afterDone() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    work();
                  } finally {
                    wg.done();
                  }
                  synchronized (mu) {
                    count++;
                  }
                });
                synchronized (mu) {
                  wg.await();
                }
              }

              // tryLock does not wait for the lock.
              void tries() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    if (lock.tryLock()) {
                      try {
                        count++;
                      } finally {
                        lock.unlock();
                      }
                    }
                  } finally {
                    wg.done();
                  }
                });
                lock.lock();
                try {
                  wg.await();
                } finally {
                  lock.unlock();
                }
              }

              // The goroutine that takes the lock is counted on another group.
              void otherGroup() {
                WaitGroup counted = new WaitGroup();
                WaitGroup locking = new WaitGroup();
                counted.add(1);
                locking.add(1);
                Go.go(() -> { try { work(); } finally { counted.done(); } });
                Go.go(() -> {
                  try {
                    synchronized (mu) { count++; }
                  } finally {
                    locking.done();
                  }
                });
                synchronized (mu) {
                  counted.await();
                }
                locking.await();
              }

              // The goroutine locks an object of its own: the anonymous task, not this.
              void anonymousMonitor() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(new Runnable() {
                  @Override public void run() {
                    try {
                      synchronized (this) { work(); }
                    } finally {
                      wg.done();
                    }
                  }
                });
                synchronized (this) {
                  wg.await();
                }
              }

              // Another instance's monitor is another lock.
              void otherInstance(Idioms peer) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> { try { peer.record(); } finally { wg.done(); } });
                synchronized (this) {
                  wg.await();
                }
              }

              synchronized void record() {
                count++;
              }

              // Goroutines started only after the await.
              void startedAfter() {
                WaitGroup wg = new WaitGroup();
                synchronized (mu) {
                  wg.await();
                }
                wg.add(1);
                Go.go(() -> { try { synchronized (mu) { count++; } } finally { wg.done(); } });
              }

              // The helper marks done before it takes the lock.
              private final WaitGroup finishing = new WaitGroup();

              void helperMarksDoneFirst() {
                finishing.add(1);
                Go.go(() -> finish());
              }

              private void finish() {
                finishing.done();
                synchronized (mu) {
                  count--;
                }
              }

              void stopAfterFinish() {
                synchronized (mu) {
                  finishing.await();
                }
              }

              // Read locks of one ReadWriteLock share: no identity is claimed for them.
              void readers() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    rw.readLock().lock();
                    try { work(); } finally { rw.readLock().unlock(); }
                  } finally {
                    wg.done();
                  }
                });
                rw.readLock().lock();
                try {
                  wg.await();
                } finally {
                  rw.readLock().unlock();
                }
              }

              // The lock is released on the only path to the await.
              void releasedFirst(boolean early) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> { try { lock.lock(); lock.unlock(); } finally { wg.done(); } });
                lock.lock();
                lock.unlock();
                wg.await();
              }
            }
            """)
        .doTest();
  }

  /**
   * Quiet by design where the lock the goroutine takes may be another object than the one the
   * waiter holds: a non-final field, the field of an inner object other than the group's, a
   * field an anonymous subclass inherits.
   */
  @Test
  void quietWhereTheLockMayBeAnotherObject() {
    helper
        .addSourceLines(
            "Uncertain.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;

            class Uncertain {
              private Object swappable = new Object();
              private final Object mu = new Object();
              private final WaitGroup workers = new WaitGroup();
              private int count;

              void start() {
                workers.add(1);
                Go.go(() -> {
                  try { synchronized (swappable) { count++; } } finally { workers.done(); }
                });
              }

              void stop() {
                synchronized (swappable) {
                  workers.await();
                }
              }

              // The launch sits in a callback kept for later, not run while the monitor is held.
              synchronized void schedule(java.util.List<Runnable> later) {
                WaitGroup wg = new WaitGroup();
                later.add(() -> wg.go(() -> { synchronized (this) { count++; } }));
                wg.await();
              }

              // Each inner object has its own state; the group is the outer object's.
              class Member {
                private final Object state = new Object();

                void join() {
                  workers.add(1);
                  Go.go(() -> {
                    try { synchronized (state) { count++; } } finally { workers.done(); }
                  });
                }

                void leave() {
                  synchronized (state) {
                    workers.await();
                  }
                }
              }

              static void work() {}
            }

            class Shadow {
              final Object mu = new Object();
              int count;

              abstract static class Task extends Shadow implements Runnable {}

              // The anonymous task inherits a mu of its own: not the waiter's.
              void stop() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(new Task() {
                  @Override public void run() {
                    try { synchronized (mu) { count++; } } finally { wg.done(); }
                  }
                });
                synchronized (mu) {
                  wg.await();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietOnTheKernelsFixedTwin() {
    helper
        .addSourceLines(
            "Stopper.java",
            """
            import dev.goconc.Chan;
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;

            class Stopper {
              private final Object mu = new Object();
              private final WaitGroup stop = new WaitGroup();
              private final Chan<Void> stopper = Chan.make();
              private int tasks;

              void runWorker() {
                stop.add(1);
                Go.go(() -> {
                  try {
                    startTask();
                    for (Void unused : stopper) {}
                  } finally {
                    setStopped();
                  }
                });
              }

              private void startTask() {
                synchronized (mu) {
                  tasks++;
                }
              }

              private void setStopped() {
                stop.done();
              }

              // The fix: close under the lock, wait outside it.
              void stop() {
                synchronized (mu) {
                  stopper.close();
                }
                stop.await();
              }
            }
            """)
        .doTest();
  }

  /** GoKer's cockroach#1055 in Java: Stop holds mu while its workers need mu to finish. */
  @Test
  void flagsTheKernel() {
    helper
        .addSourceLines(
            "Stopper.java",
            """
            import dev.goconc.Chan;
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;

            class Stopper {
              private final Object mu = new Object();
              private final WaitGroup stop = new WaitGroup();
              private final Chan<Void> stopper = Chan.make();
              private int tasks;

              void runWorker() {
                stop.add(1);
                Go.go(() -> {
                  try {
                    startTask();
                    for (Void unused : stopper) {}
                  } finally {
                    setStopped();
                  }
                });
              }

              private void startTask() {
                synchronized (mu) {
                  tasks++;
                }
              }

              private void setStopped() {
                stop.done();
              }

              void stop() {
                synchronized (mu) {
                  stopper.close();
                  // BUG: Diagnostic contains: stop.await() waits while holding mu (synchronized on line 34), but the goroutine started on line 13 takes mu on line 15 before its stop.done()
                  stop.await();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsAWaitHoldingALockTheGoroutinesNeed() {
    helper
        .addSourceLines(
            "Bugs.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.locks.ReentrantLock;

            class Bugs {
              private final Object mu = new Object();
              private final ReentrantLock lock = new ReentrantLock();
              private final WaitGroup workers = new WaitGroup();
              private static final Object LOG = new Object();
              private static final WaitGroup FLUSHERS = new WaitGroup();
              private int count;

              static void work() {}

              void start() {
                workers.add(1);
                Go.go(() -> {
                  try {
                    record();
                  } finally {
                    workers.done();
                  }
                });
              }

              synchronized void record() {
                count++;
              }

              // A synchronized method waits; the goroutine calls another one on this.
              synchronized void close() {
                // BUG: Diagnostic contains: holding this (this synchronized method)
                workers.await();
              }

              // A Lock held across the await, taken by the goroutine before done.
              void withLock() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    lock.lock();
                    try { count++; } finally { lock.unlock(); }
                  } finally {
                    wg.done();
                  }
                });
                lock.lock();
                try {
                  // BUG: Diagnostic contains: holding lock (locked on line
                  wg.await();
                } finally {
                  lock.unlock();
                }
              }

              // A local monitor and a local group.
              void localMonitor() {
                Object guard = new Object();
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    synchronized (guard) { work(); }
                  } finally {
                    wg.done();
                  }
                });
                synchronized (guard) {
                  // BUG: Diagnostic contains: release guard before waiting
                  wg.await();
                }
              }

              // wg.go calls done after the body, which takes the lock.
              void withGo() {
                WaitGroup wg = new WaitGroup();
                wg.go(() -> { synchronized (mu) { count++; } });
                synchronized (mu) {
                  // BUG: Diagnostic contains: before its wg.done()
                  wg.await();
                }
              }

              // Goroutines started from a callback the JDK runs in place are the method's own.
              synchronized int collect(java.util.Map<String, Integer> sources) {
                WaitGroup wg = new WaitGroup();
                sources.forEach((name, n) -> wg.go(() -> record()));
                // BUG: Diagnostic contains: holding this (this synchronized method)
                wg.await();
                return count;
              }

              // The goroutine is a synchronized method of the class, started by reference.
              void byReference() {
                WaitGroup wg = new WaitGroup();
                wg.go(this::flush);
                synchronized (this) {
                  // BUG: Diagnostic contains: is a synchronized method on this
                  wg.await();
                }
              }

              synchronized void flush() {
                count = 0;
              }

              // An anonymous task calls the outer class's synchronized method.
              void anonymous() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(new Runnable() {
                  @Override public void run() {
                    try { record(); } finally { wg.done(); }
                  }
                });
                synchronized (this) {
                  // BUG: Diagnostic contains: holding this
                  wg.await();
                }
              }

              // A static lock and a static group.
              static void startFlusher() {
                FLUSHERS.add(1);
                Go.go(() -> {
                  try {
                    synchronized (LOG) { work(); }
                  } finally {
                    FLUSHERS.done();
                  }
                });
              }

              static void flushAll() {
                synchronized (LOG) {
                  // BUG: Diagnostic contains: holding LOG
                  FLUSHERS.await();
                }
              }

              // Started inside the lock: the goroutine cannot even begin its work.
              void startedInside() {
                WaitGroup wg = new WaitGroup();
                synchronized (mu) {
                  wg.add(1);
                  Go.go(() -> {
                    try {
                      synchronized (mu) { count++; }
                    } finally {
                      wg.done();
                    }
                  });
                  // BUG: Diagnostic contains: never counts down
                  wg.await();
                }
              }

              // An executor task.
              void executor(ExecutorService pool) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                pool.execute(() -> {
                  try { synchronized (mu) { count++; } } finally { wg.done(); }
                });
                synchronized (mu) {
                  // BUG: Diagnostic contains: holding mu
                  wg.await();
                }
              }

              // unlock only on one branch: the other path still holds the lock.
              void unlockedSometimes(boolean early) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    lock.lockInterruptibly();
                    lock.unlock();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    wg.done();
                  }
                });
                lock.lock();
                if (early) {
                  lock.unlock();
                }
                // BUG: Diagnostic contains: holding lock
                wg.await();
              }

              // A static synchronized method waits; the goroutine calls another one.
              static synchronized void shutdown() {
                // BUG: Diagnostic contains: holding Bugs.class
                FLUSHERS.await();
              }

              static void startLogger() {
                FLUSHERS.add(1);
                Go.go(() -> { try { log(); } finally { FLUSHERS.done(); } });
              }

              static synchronized void log() {}
            }
            """)
        .doTest();
  }
}
