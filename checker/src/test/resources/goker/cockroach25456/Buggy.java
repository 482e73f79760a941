import dev.goconc.Chan;
import dev.goconc.RecvChan;

/**
 * cockroach#25456 (GoKer: blocking, Channel). When a consistency check fails, the queue asks
 * whether the store is draining before it logs the error. It asks by receiving from the
 * stopper's quiesce channel, which blocks until the store actually starts draining; in the test
 * it never does.
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
      // BUG (GoKer): meant as "is the store draining?", this waits until it does
      repl.store().stopper().shouldQuiesce().receive();
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
