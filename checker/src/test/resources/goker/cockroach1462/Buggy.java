import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;

/**
 * cockroach#1462 (GoKer: blocking, Channel & WaitGroup). The transport's worker checks the
 * stopper without waiting, then sends an event with a plain send. The worker that consumes
 * events returns when the stopper stops; from then on the sender blocks forever, and
 * {@code stop()} waits forever for it in {@code stop.await()}.
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
      // BUG (GoKer): waits forever for the worker blocked on its send
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
          boolean stop = Select.<Boolean>select()
              .recv(stopper.shouldStop(), v -> true)
              .otherwise(() -> {
                // BUG (GoKer): a plain send: once the consumer has stopped, it blocks forever
                events.send(0);
                return false;
              })
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
