import dev.goconc.Chan;
import dev.goconc.RecvChan;
import dev.goconc.WaitGroup;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * GoKer cockroach#1055, written again: Stop() takes the stopper's lock and waits for the workers
 * while holding it; a worker that calls startTask() on its way to setStopped() needs that lock,
 * so neither side proceeds.
 */
class Stopper {
  private final Object mu = new Object();
  private final Chan<Void> stopper = Chan.make();
  private final WaitGroup stop = new WaitGroup();
  private final WaitGroup drain = new WaitGroup();
  private final AtomicBoolean draining = new AtomicBoolean();

  void addWorker() {
    stop.add(1);
  }

  RecvChan<Void> shouldStop() {
    return stopper;
  }

  void setStopped() {
    stop.done();
  }

  boolean startTask() {
    if (!draining.get()) {
      synchronized (mu) {
        drain.add(1);
        return true;
      }
    }
    return false;
  }

  void finishTask() {
    drain.done();
  }

  void stop() {
    synchronized (mu) {
      draining.set(true);
      drain.await();
      stopper.close();
      // BUG(WaitGroupAwaitHoldingLock): waits for the workers while holding mu, which a worker's startTask() needs
      stop.await();
    }
  }

  /** Fixed: the lock only guards the state change; the wait happens outside it. */
  void stopFixed() {
    synchronized (mu) {
      draining.set(true);
    }
    drain.await();
    stopper.close();
    // OK(WaitGroupAwaitHoldingLock): no lock held while waiting
    stop.await();
  }
}
