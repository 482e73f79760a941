import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Time;
import dev.goconc.Timer;
import java.time.Duration;

/**
 * grpc#1275, fixed as upstream: closing the stream puts a message into its receive buffer (which,
 * as grpc's, takes a message without waiting for the reader), so the reader wakes and returns.
 */
final class Grpc1275 {
  interface Reader {
    int read(byte[] p);
  }

  static final class RecvBuffer {
    final Chan<Boolean> c = Chan.make(1);

    void put(boolean message) {
      c.send(message);
    }

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
      Select.<Void>select().recv(recv.get(), m -> null).run();
      return 0;
    }
  }

  static final class Stream {
    final RecvBuffer buf;
    final Reader trReader;

    Stream(RecvBuffer buf) {
      this.buf = buf;
      this.trReader = new RecvBufferReader(buf);
    }

    int read(byte[] p) {
      return trReader.read(p);
    }
  }

  static final class Http2Client {
    void closeStream(Stream s) {
      // FIX (GoKer): hand the reader its last message
      s.buf.put(false);
    }

    Stream newStream() {
      return new Stream(new RecvBuffer());
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
