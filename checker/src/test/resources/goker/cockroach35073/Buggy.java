import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.util.concurrent.atomic.AtomicReference;

/**
 * cockroach#35073 (GoKer: blocking, Channel). Producers push rows into the outbox's buffered row
 * channel while its consumer wants more rows. The outbox fails at startup, and that path does not
 * mark its row channel closed: every later push finds the buffer full and blocks forever.
 */
final class Cockroach35073 {
  enum ConsumerStatus {
    NEED_MORE_ROWS,
    DRAIN_REQUESTED,
    CONSUMER_CLOSED
  }

  static final int ROW_CHANNEL_BUF_SIZE = 16;
  static final int OUTBOX_BUF_ROWS = 16;

  static class RowSourceBase {
    final AtomicReference<ConsumerStatus> consumerStatus =
        new AtomicReference<>(ConsumerStatus.NEED_MORE_ROWS);

    void consumerClosed() {
      consumerStatus.set(ConsumerStatus.CONSUMER_CLOSED);
    }
  }

  static class RowChannel extends RowSourceBase {
    Chan<Integer> dataChan;

    void consumerClosedAndDrained() {
      consumerClosed();
      Select.<Void>select().recv(dataChan, row -> null).otherwise(() -> null).run();
    }

    ConsumerStatus push() {
      ConsumerStatus status = consumerStatus.get();
      switch (status) {
        case NEED_MORE_ROWS -> {
          // BUG (GoKer): nobody consumes after the outbox failed: the full buffer blocks this
          dataChan.send(0);
        }
        case DRAIN_REQUESTED, CONSUMER_CLOSED -> {}
      }
      return status;
    }

    void initWithNumSenders() {
      initWithBufSizeAndNumSenders(ROW_CHANNEL_BUF_SIZE);
    }

    void initWithBufSizeAndNumSenders(int chanBufSize) {
      dataChan = Chan.make(chanBufSize);
    }
  }

  static final class Outbox extends RowChannel {
    void init() {
      initWithNumSenders();
    }

    void start(WaitGroup wg) {
      if (wg != null) {
        wg.add(1);
      }
      Go.go(() -> run(wg));
    }

    void run(WaitGroup wg) {
      // BUG (GoKer): the failed start leaves the row channel open to producers
      mainLoop();
      if (wg != null) {
        wg.done();
      }
    }

    void mainLoop() {}
  }

  static void testCockroach35073() {
    Outbox outbox = new Outbox();
    outbox.init();

    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < OUTBOX_BUF_ROWS; i++) {
      outbox.push();
    }

    WaitGroup blockedPusherWg = new WaitGroup();
    blockedPusherWg.add(1);
    Go.go(() -> {
      outbox.push();
      blockedPusherWg.done();
    });

    outbox.start(wg);

    wg.await();
    outbox.push();
  }
}
