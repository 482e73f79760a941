import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * syncthing#5795 (GoKer: blocking, Channel). The connection's dispatcher loop hands a cluster
 * config to the model, and the model's callback closes the connection. Closing waits for the
 * dispatcher loop to stop, from inside that very loop: it waits for itself forever.
 */
final class Syncthing5795 {
  record ClusterConfig() {}

  interface Model {
    void clusterConfig(Object msg);
  }

  static final class TestModel implements Model {
    Runnable ccFn;

    @Override
    public void clusterConfig(Object msg) {
      if (ccFn != null) {
        ccFn.run();
      }
    }
  }

  interface Connection {
    void start();

    void close();
  }

  static final class RawConnection implements Connection {
    private final Model receiver;
    final Chan<Object> inbox = Chan.make();
    final Chan<Void> dispatcherLoopStopped = Chan.make();
    private final Chan<Void> closed = Chan.make();
    private final AtomicBoolean closeOnce = new AtomicBoolean();

    RawConnection(Model receiver) {
      this.receiver = receiver;
    }

    @Override
    public void start() {
      Go.go(this::readerLoop);
      Go.go(() -> dispatcherLoop());
    }

    void readerLoop() {
      while (true) {
        boolean isClosed = Select.<Boolean>select()
            .recv(closed, v -> true)
            .otherwise(() -> false)
            .run();
        if (isClosed) {
          return;
        }
      }
    }

    void dispatcherLoop() {
      try {
        while (true) {
          Object msg = Select.<Object>select()
              .recv(inbox, m -> m)
              .recv(closed, v -> null)
              .run();
          if (!(msg instanceof ClusterConfig config)) {
            return;
          }
          receiver.clusterConfig(config);
        }
      } finally {
        dispatcherLoopStopped.close();
      }
    }

    void internalClose() {
      if (closeOnce.compareAndSet(false, true)) {
        closed.close();
        // BUG (GoKer): reached from inside the dispatcher loop: it waits for its own end
        dispatcherLoopStopped.receive();
      }
    }

    @Override
    public void close() {
      // BUG (GoKer): closes synchronously, on whatever goroutine calls it
      internalClose();
    }
  }

  static void testSyncthing5795() {
    TestModel m = new TestModel();
    RawConnection c = new RawConnection(m);
    m.ccFn = c::close;

    c.start();
    c.inbox.send(new ClusterConfig());

    c.dispatcherLoopStopped.receive();
  }
}
