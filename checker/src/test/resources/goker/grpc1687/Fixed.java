import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import java.util.function.Consumer;

/**
 * grpc#1687, fixed: after closing {@code writes}, {@code writeStatus()} closes the transport
 * ({@code closedCh}), and every later write sees that and returns before it sends.
 */
final class Grpc1687 {
  interface ServerTransport {
    void handleStreams(Runnable startStream);

    void write();

    void writeStatus();
  }

  static final class ServerHandlerTransport implements ServerTransport {
    final Chan<Void> closedCh = Chan.make();
    final Chan<Runnable> writes = Chan.make();

    void doWrite(Runnable fn) {
      boolean closed = Select.<Boolean>select()
          .recv(closedCh, v -> true)
          .otherwise(() -> false)
          .run();
      if (closed) {
        return;
      }
      Select.<Void>select()
          .send(writes, fn, () -> null)
          .recv(closedCh, v -> null)
          .run();
    }

    @Override
    public void writeStatus() {
      doWrite(() -> {});
      writes.close();
      // FIX (GoKer): the transport is closed: later writes return at once
      close();
    }

    void close() {
      closedCh.close();
    }

    @Override
    public void write() {
      doWrite(() -> {});
    }

    void runStream() {
      while (true) {
        boolean stop = Select.<Boolean>select()
            .recvOk(writes, fn -> {
              if (!fn.ok()) {
                return true;
              }
              fn.value().run();
              return false;
            })
            .recv(closedCh, v -> true)
            .run();
        if (stop) {
          return;
        }
      }
    }

    @Override
    public void handleStreams(Runnable startStream) {
      startStream.run();
      runStream();
    }
  }

  static void testHandlerTransportHandleStreams(Consumer<ServerHandlerTransport> handleStream) {
    ServerHandlerTransport ht = new ServerHandlerTransport();
    ht.handleStreams(() -> Go.go(() -> handleStream.accept(ht)));
  }

  static void testGrpc1687() throws InterruptedException {
    testHandlerTransportHandleStreams(ht -> {
      ht.writeStatus();
      ht.write();
    });
    Thread.sleep(10);
  }
}
