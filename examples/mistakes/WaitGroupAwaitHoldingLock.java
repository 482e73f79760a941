package mistakes;

import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.WaitGroup;

/**
 * {@code wg.await()} returns only when every goroutine it counts has called {@code done()}. If
 * the waiter holds a lock that those goroutines must take before they get to {@code done()}, and
 * it takes the lock first, each side waits for the other for good (cockroach#1055: {@code Stop()}
 * held the stopper's mutex while waiting for its workers, and a worker needed the mutex to start
 * its task). Release the lock before waiting.
 *
 * @goanalyzer None; GoKer's cockroach#1055 kernel
 */
public final class WaitGroupAwaitHoldingLock {
  private WaitGroupAwaitHoldingLock() {}

  /** A worker that has not registered its task when {@code stop()} locks hangs both. */
  static final class Mistake {
    private final Object mu = new Object();
    private final WaitGroup workers = new WaitGroup();
    private final Chan<Void> stopping = Chan.make();
    private int tasks;

    void startWorker() {
      workers.add(1);
      Go.go(
          () -> {
            try {
              startTask();
              for (Void ignored : stopping) {
                System.out.println("still running");
              }
            } finally {
              workers.done();
            }
          });
    }

    private void startTask() {
      synchronized (mu) {
        tasks++;
      }
    }

    void stop() {
      synchronized (mu) {
        stopping.close();
        workers.await(); // goconc: expect WaitGroupAwaitHoldingLock
      }
    }
  }

  /** Closes under the lock, then waits outside it. */
  static final class Fix {
    private final Object mu = new Object();
    private final WaitGroup workers = new WaitGroup();
    private final Chan<Void> stopping = Chan.make();
    private int tasks;

    void startWorker() {
      workers.add(1);
      Go.go(
          () -> {
            try {
              startTask();
              for (Void ignored : stopping) {
                System.out.println("still running");
              }
            } finally {
              workers.done();
            }
          });
    }

    private void startTask() {
      synchronized (mu) {
        tasks++;
      }
    }

    void stop() {
      synchronized (mu) {
        stopping.close();
      }
      workers.await();
    }
  }
}
