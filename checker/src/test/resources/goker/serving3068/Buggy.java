import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * serving#3068 (GoKer: nonblocking, Misuse channel). A worker pool takes work over
 * {@code workCh}; {@code await()} closes it. The test's producer goroutine is still handing work
 * to the pool when the test calls {@code await()}: the producer's next {@code go} sends on the
 * closed channel and throws (in Go, it panics).
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
      // BUG (GoKer): await() may have closed workCh: this send throws
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
        p.go(() -> cntExecuted.incrementAndGet());
        sleep(Duration.ofMillis(10));
        wg.done();
      }
    });
    // BUG (GoKer): closes the pool while the producer above still hands it work
    p.await();
    wg.await();
    if (cntExecuted.get() == n) {
      System.err.println("Not all items were expected to execute");
    }
  }
}
