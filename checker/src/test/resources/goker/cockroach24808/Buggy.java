import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.util.function.Consumer;

/**
 * cockroach#24808 (GoKer: blocking, Channel). The compactor's one-slot channel says "a suggestion
 * is waiting". {@code start} signals it with a plain send before it starts the worker that drains
 * it; when a suggestion arrived before {@code start}, the slot is full and the send blocks
 * forever.
 */
final class Cockroach24808 {
  static final class Compactor {
    final Chan<Boolean> ch = Chan.make(1);

    void start(Context ctx, Stopper stopper) {
      // BUG (GoKer): the slot may be full already, and its only reader starts below
      ch.send(true);
      stopper.runWorker(ctx, c -> {
        while (true) {
          boolean stop = Select.<Boolean>select()
              .recv(stopper.shouldStop(), v -> true)
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
