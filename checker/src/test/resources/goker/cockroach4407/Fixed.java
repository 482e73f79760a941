import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.concurrent.locks.ReentrantLock;

/**
 * cockroach#4407, fixed: the test calls {@code gossip()} itself, so each worker is counted before
 * {@code stop()} can wait (and the sleep that stood in for that is gone).
 */
final class Cockroach4407 {
  static final class Stopper {
    private final Chan<Void> stopper = Chan.make();
    private final WaitGroup stop = new WaitGroup();
    private final ReentrantLock mu = new ReentrantLock();

    void runWorker(Runnable f) {
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

  static void testCockroach4407() {
    Stopper stopper = new Stopper();
    try {
      Server s = new Server(stopper);
      for (int i = 0; i < 2; i++) {
        // FIX (GoKer): register the workers before stopping
        s.gossip();
      }
    } finally {
      stopper.stop();
    }
  }
}
