import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.util.concurrent.atomic.AtomicReference;

/**
 * cockroach#35073, fixed as upstream: when the outbox stops (here: fails at startup) it marks its
 * row channel's consumer closed and drains a row, which wakes a blocked producer, and later
 * pushes do not send. In Java the {@code done()} calls also move into {@code finally}.
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
      try {
        mainLoop();
        // FIX (GoKer): tell the producers nobody consumes any more
        consumerClosedAndDrained();
      } finally {
        if (wg != null) {
          wg.done();
        }
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
      try {
        outbox.push();
      } finally {
        blockedPusherWg.done();
      }
    });

    outbox.start(wg);

    wg.await();
    outbox.push();
  }
}
