import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.util.function.Consumer;

/**
 * cockroach#24808, fixed as upstream: {@code start} signals without waiting; a full slot already
 * says that a suggestion is waiting. The worker also ends when the context it is handed ends (the
 * kernel's worker ignores it; goconc's IgnoredCancellation flags that).
 */
final class Cockroach24808 {
  static final class Compactor {
    final Chan<Boolean> ch = Chan.make(1);

    void start(Context ctx, Stopper stopper) {
      // FIX (GoKer): signal only if the slot is free
      Select.<Void>select()
          .send(ch, true, () -> null)
          .otherwise(() -> null)
          .run();
      stopper.runWorker(ctx, c -> {
        while (true) {
          boolean stop = Select.<Boolean>select()
              .recv(stopper.shouldStop(), v -> true)
              .recv(c.done(), v -> true)
              .recv(ch, v -> false)
              .run();
          if (stop) {
            return;
          }
        }
      });
    }
  }

  static final class Stopper {
    private final WaitGroup stop = new WaitGroup();
    private final Chan<Void> stopper = Chan.make();

    void runWorker(Context ctx, Consumer<Context> f) {
      stop.add(1);
      Go.go(() -> {
        try {
          f.accept(ctx);
        } finally {
          stop.done();
        }
      });
    }

    RecvChan<Void> shouldStop() {
      return stopper;
    }

    void stop() {
      stopper.close();
    }
  }

  static void testCockroach24808() {
    Stopper stopper = new Stopper();
    try {
      Compactor compactor = new Compactor();
      compactor.ch.send(true);

      compactor.start(Context.background(), stopper);
    } finally {
      stopper.stop();
    }
  }
}
