import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * serving#3068, fixed: the test closes the pool only after its producer has handed over all its
 * work. In Java the producer's {@code done()} also moves into {@code finally}: a {@code go} that
 * throws would otherwise leave the test's {@code await()} waiting forever.
 */
final class Serving3068 {
  interface Pool {
    void go(Runnable w);

    void await();
  }

  static final class Impl implements Pool {
    private final WaitGroup wg = new WaitGroup();
    private final Chan<Runnable> workCh;
    private final AtomicBoolean once = new AtomicBoolean();

    private Impl(int capacity) {
      workCh = Chan.make(capacity);
    }

    static Pool newWithCapacity(int workers, int capacity) {
      Impl i = new Impl(capacity);
      for (int idx = 0; idx < workers; idx++) {
        Go.go(() -> {
          for (Runnable work : i.workCh) {
            try {
              work.run();
            } finally {
              i.wg.done();
            }
          }
        });
      }
      return i;
    }

    @Override
    public void go(Runnable w) {
      wg.add(1);
      workCh.send(w);
    }

    @Override
    public void await() {
      if (once.compareAndSet(false, true)) {
        workCh.close();
        Go.go(() -> wg.await());
      }
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void testServing3068() {
    Pool p = Impl.newWithCapacity(1, 5);
    WaitGroup wg = new WaitGroup();
    AtomicInteger cntExecuted = new AtomicInteger();
    int n = 5;
    wg.add(n);
    Go.go(() -> {
      for (int i = 0; i < n; i++) {
        try {
          p.go(() -> cntExecuted.incrementAndGet());
          sleep(Duration.ofMillis(10));
        } finally {
          wg.done();
        }
      }
    });
    // FIX (GoKer): the producer first, then the pool
    wg.await();
    p.await();
  }
}
