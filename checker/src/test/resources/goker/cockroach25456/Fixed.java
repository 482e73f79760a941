import dev.goconc.Chan;
import dev.goconc.RecvChan;
import dev.goconc.Select;

/**
 * cockroach#25456, fixed as upstream: the queue asks whether the store is draining with a select
 * that has a default, so it never waits.
 */
final class Cockroach25456 {
  static final class Stopper {
    private final Chan<Void> quiescer = Chan.make();

    RecvChan<Void> shouldQuiesce() {
      return quiescer;
    }
  }

  static final class Store {
    private Stopper stopper;
    final ConsistencyQueue consistencyQueue = new ConsistencyQueue();

    Stopper stopper() {
      return stopper;
    }

    void start(Stopper stopper) {
      this.stopper = stopper;
    }
  }

  record Replica(Store store) {}

  static final class ConsistencyQueue {
    void process(Replica repl) {
      // FIX (GoKer): only look
      boolean draining = Select.<Boolean>select()
          .recv(repl.store().stopper().shouldQuiesce(), v -> true)
          .otherwise(() -> false)
          .run();
      if (!draining) {
        System.err.println("consistency check failed");
      }
    }
  }

  static final class TestContext {
    Store store;
    Replica repl;

    void startWithStoreConfig(Stopper stopper) {
      if (store == null) {
        store = new Store();
      }
      store.start(stopper);
      repl = new Replica(store);
    }
  }

  static void testCockroach25456() {
    Stopper stopper = new Stopper();
    TestContext tc = new TestContext();
    tc.startWithStoreConfig(stopper);

    for (int i = 0; i < 2; i++) {
      tc.store.consistencyQueue.process(tc.repl);
    }
  }
}
