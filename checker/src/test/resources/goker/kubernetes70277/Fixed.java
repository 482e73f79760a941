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
 * kubernetes#70277, fixed as upstream: {@code waitFor} gives the poller a stop channel of its own
 * and closes it when it returns, and watches the caller's {@code done} itself.
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
    // FIX (GoKer): the poller stops when waitFor returns
    Chan<Void> stopCh = Chan.make();
    try {
      RecvChan<Boolean> c = wait.start(stopCh);
      while (true) {
        Received<Boolean> tick = Select.<Received<Boolean>>select()
            .recvOk(c, r -> r)
            .recv(done, v -> null)
            .run();
        if (tick == null) {
          throw new Exception("timed out waiting for the condition");
        }
        if (fn.done()) {
          return;
        }
        if (!tick.ok()) {
          break;
        }
      }
    } finally {
      stopCh.close();
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

      doneCh.get().receive();
    } finally {
      stopCh.close();
    }
  }
}
