import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Time;
import dev.goconc.Timer;
import java.time.Duration;

/**
 * grpc#1275 (GoKer: blocking, Channel). A stream's reader waits for the next message on its
 * receive buffer. Closing the stream should wake it, but {@code closeStream} puts nothing into the
 * buffer: the reading goroutine waits forever, and the test gives up on it after a timeout.
 */
final class Grpc1275 {
  interface Reader {
    int read(byte[] p);
  }

  static final class RecvBuffer {
    final Chan<Boolean> c = Chan.make();

    RecvChan<Boolean> get() {
      return c;
    }
  }

  static final class RecvBufferReader implements Reader {
    final RecvBuffer recv;

    RecvBufferReader(RecvBuffer recv) {
      this.recv = recv;
    }

    @Override
    public int read(byte[] p) {
      // BUG (GoKer): nothing is ever put into the buffer: the reader waits forever
      Select.<Void>select().recv(recv.get(), m -> null).run();
      return 0;
    }
  }

  static final class Stream {
    final Reader trReader;

    Stream(Reader trReader) {
      this.trReader = trReader;
    }

    int read(byte[] p) {
      return trReader.read(p);
    }
  }

  static final class Http2Client {
    void closeStream(Stream s) {
      // Closing the stream should hand the reader a message; nothing does.
    }

    Stream newStream() {
      return new Stream(new RecvBufferReader(new RecvBuffer()));
    }
  }

  static void testInflightStreamClosing() {
    Http2Client client = new Http2Client();
    Stream stream = client.newStream();
    Chan<Void> donec = Chan.make();
    Go.go(() -> {
      try {
        stream.read(new byte[] {1});
      } finally {
        donec.close();
      }
    });

    client.closeStream(stream);

    Timer timeout = Time.newTimer(Duration.ofNanos(300));
    Select.<Void>select()
        .recv(donec, v -> {
          if (!timeout.stop()) {
            timeout.c().receive();
          }
          return null;
        })
        .recv(timeout.c(), t -> null)
        .run();
  }

  static void testGrpc1275() {
    testInflightStreamClosing();
  }
}
