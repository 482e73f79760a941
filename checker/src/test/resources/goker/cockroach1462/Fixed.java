import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;

/**
 * cockroach#1462, fixed: the transport's worker sends each event in a select that also waits for
 * the stopper.
 */
final class Cockroach1462 {
  static final class Stopper {
    private final Chan<Void> stopper = Chan.make();
    private final WaitGroup stop = new WaitGroup();
    private boolean draining;

    void runWorker(Runnable f) {
      addWorker();
      Go.go(() -> {
        try {
          f.run();
        } finally {
          setStopped();
        }
      });
    }

    void addWorker() {
      stop.add(1);
    }

    void setStopped() {
      stop.done();
    }

    RecvChan<Void> shouldStop() {
      return stopper;
    }

    synchronized void quiesce() {
      draining = true;
    }

    void stop() {
      quiesce();
      stopper.close();
      stop.await();
    }
  }

  static final class LocalInterceptableTransport {
    final Chan<Integer> events = Chan.make();
    private final Stopper stopper;

    LocalInterceptableTransport(Stopper stopper) {
      this.stopper = stopper;
    }

    void start() {
      stopper.runWorker(() -> {
        while (true) {
          // FIX (GoKer): wait for the consumer or the stopper, whichever comes first
          boolean stop = Select.<Boolean>select()
              .recv(stopper.shouldStop(), v -> true)
              .send(events, 0, () -> false)
              .run();
          if (stop) {
            return;
          }
        }
      });
    }
  }

  static LocalInterceptableTransport newLocalInterceptableTransport(Stopper stopper) {
    LocalInterceptableTransport lt = new LocalInterceptableTransport(stopper);
    lt.start();
    return lt;
  }

  static void processEventsUntil(RecvChan<Integer> ch, Stopper stopper) {
    while (true) {
      boolean stop = Select.<Boolean>select()
          .recvOk(ch, event -> !event.ok())
          .recv(stopper.shouldStop(), v -> true)
          .run();
      if (stop) {
        return;
      }
    }
  }

  static void testCockroach1462() {
    Stopper stopper = new Stopper();
    LocalInterceptableTransport transport = newLocalInterceptableTransport(stopper);
    stopper.runWorker(() -> processEventsUntil(transport.events, stopper));
    stopper.stop();
  }
}
