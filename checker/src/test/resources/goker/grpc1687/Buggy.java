import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import java.util.function.Consumer;

/**
 * grpc#1687 (GoKer: nonblocking, Misuse channel). The handler transport's writers hand work to
 * the stream loop over {@code writes}. {@code writeStatus()} ends the stream by closing
 * {@code writes}, while the handler may still write: the next {@code write()} sends on the closed
 * channel and throws (in Go, it panics).
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
          // BUG (GoKer): writeStatus() may have closed writes: this send throws
          .send(writes, fn, () -> null)
          .recv(closedCh, v -> null)
          .run();
    }

    @Override
    public void writeStatus() {
      doWrite(() -> {});
      writes.close();
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
