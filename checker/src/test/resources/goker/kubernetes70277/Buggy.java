import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Received;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import dev.goconc.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * kubernetes#70277 (GoKer: blocking, Channel). {@code waitFor} hands the caller's {@code done}
 * channel to the poller, whose goroutine ticks until that channel is closed or the (long)
 * timeout passes: the poller outlives {@code waitFor}. The test shows it by waiting on the
 * channel the poller was given, its own stop channel, which it closes only when it returns.
 */
final class Kubernetes70277 {
  static final Duration FOREVER_TEST_TIMEOUT = Duration.ofSeconds(20);

  @FunctionalInterface
  interface WaitFunc {
    RecvChan<Boolean> start(RecvChan<Void> done);
  }

  @FunctionalInterface
  interface ConditionFunc {
    boolean done() throws Exception;
  }

  static void waitFor(WaitFunc wait, ConditionFunc fn, RecvChan<Void> done) throws Exception {
    // BUG (GoKer): the poller lives until the caller closes done, long after waitFor returned
    RecvChan<Boolean> c = wait.start(done);
    while (true) {
      Received<Boolean> tick = c.receiveOk();
      if (fn.done()) {
        return;
      }
      if (!tick.ok()) {
        break;
      }
    }
  }

  static WaitFunc poller(Duration interval, Duration timeout) {
    return done -> {
      Chan<Boolean> ch = Chan.make();
      Go.go(() -> {
        Ticker tick = Time.newTicker(interval);
        Timer timer = timeout.isZero() ? null : Time.newTimer(timeout);
        RecvChan<Instant> after = timer == null ? null : timer.c();
        try {
          while (true) {
            boolean stop = Select.<Boolean>select()
                .recv(tick.c(), t -> {
                  Select.<Void>select().send(ch, true, () -> null).otherwise(() -> null).run();
                  return false;
                })
                .recv(after, t -> true)
                .recv(done, v -> true)
                .run();
            if (stop) {
              return;
            }
          }
        } finally {
          if (timer != null) {
            timer.stop();
          }
          tick.stop();
          ch.close();
        }
      });
      return ch;
    };
  }

  static void testKubernetes70277() throws Exception {
    Chan<Void> stopCh = Chan.make();
    try {
      WaitFunc waitFunc = poller(Duration.ofMillis(1), FOREVER_TEST_TIMEOUT);
      AtomicReference<RecvChan<Void>> doneCh = new AtomicReference<>();

      waitFor(done -> {
        doneCh.set(done);
        return waitFunc.start(done);
      }, () -> true, stopCh);

      // BUG (GoKer): the poller's done channel is stopCh, closed only after this returns
      doneCh.get().receive();
    } finally {
      stopCh.close();
    }
  }
}
