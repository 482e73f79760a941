package dev.goconc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a benchmark's producers and consumers on virtual threads and waits for all of them. A
 * worker that fails interrupts the others (so nobody stays blocked on a peer that died) and
 * the failure is rethrown to JMH.
 */
final class VirtualThreads {
  private VirtualThreads() {}

  static void runAll(Runnable... workers) {
    List<Thread> threads = new ArrayList<>(workers.length);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (Runnable w : workers) {
      threads.add(Thread.ofVirtual().unstarted(() -> {
        try {
          w.run();
        } catch (Throwable t) {
          if (failure.compareAndSet(null, t)) {
            threads.forEach(Thread::interrupt);
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        throw Interrupted.of(e);
      }
    }
    Throwable t = failure.get();
    if (t != null) {
      throw new IllegalStateException("a benchmark worker failed", t);
    }
  }
}
