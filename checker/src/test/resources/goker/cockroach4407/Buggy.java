import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.concurrent.locks.ReentrantLock;

/**
 * cockroach#4407 (GoKer: nonblocking, WaitGroup). The gossip server registers its sender with the
 * stopper ({@code stop.add(1)} in {@code runWorker}) from a goroutine the test starts. The test's
 * {@code stopper.stop()} may already be waiting on the same group: the add races with the await
 * (Go's race detector reports it), and the await can return before the worker was counted.
 */
final class Cockroach4407 {
  static final class Stopper {
    private final Chan<Void> stopper = Chan.make();
    private final WaitGroup stop = new WaitGroup();
    private final ReentrantLock mu = new ReentrantLock();

    void runWorker(Runnable f) {
      // BUG (GoKer): runs in a goroutine of its own, racing with stop()'s await
      stop.add(1);
      Go.go(() -> {
        try {
          f.run();
        } finally {
          stop.done();
        }
      });
    }

    void stop() {
      stopper.close();
      stop.await();
      mu.lock();
      mu.unlock();
    }
  }

  static final class Server {
    private final ReentrantLock mu = new ReentrantLock();
    private final Stopper stopper;

    Server(Stopper stopper) {
      this.stopper = stopper;
    }

    void gossip() {
      mu.lock();
      try {
        stopper.runWorker(this::gossipSender);
      } finally {
        mu.unlock();
      }
    }

    void gossipSender() {
      mu.lock();
      mu.unlock();
    }
  }

  static void testCockroach4407() throws InterruptedException {
    Stopper stopper = new Stopper();
    try {
      Server s = new Server(stopper);
      for (int i = 0; i < 2; i++) {
        // BUG (GoKer): gossip() adds to the stopper's group inside this goroutine
        Go.go(s::gossip);
      }
      Thread.sleep(1);
    } finally {
      stopper.stop();
    }
  }
}
