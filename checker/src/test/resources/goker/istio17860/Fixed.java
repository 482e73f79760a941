import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import dev.goconc.Timer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * istio#17860, fixed: the run loop closes {@code stopped} when it returns, and each reporter sends
 * in a select that also waits for it, so a report nobody will read is dropped. The test no longer
 * sleeps a guessed time before it cancels: nothing needs the wait once no goroutine can hang.
 */
final class Istio17860 {
  interface Proxy {
    boolean isLive();
  }

  record TestProxy(BooleanSupplier live) implements Proxy {
    @Override
    public boolean isLive() {
      return live == null || live.getAsBoolean();
    }
  }

  interface Agent {
    void run(Context ctx);

    void restart();
  }

  static final class AgentImpl implements Agent {
    private final Proxy proxy;
    private final ReentrantLock mu = new ReentrantLock();
    private final Chan<Integer> statusCh = Chan.make();
    private final Chan<Void> stopped = Chan.make();
    private int currentEpoch;
    private final Set<Integer> activeEpochs = new HashSet<>();

    AgentImpl(Proxy proxy) {
      this.proxy = proxy;
    }

    @Override
    public void run(Context ctx) {
      try {
        runLoop(ctx);
      } finally {
        stopped.close();
      }
    }

    private void runLoop(Context ctx) {
      while (true) {
        boolean stop = Select.<Boolean>select()
            .recv(statusCh, status -> {
              mu.lock();
              int active;
              try {
                activeEpochs.remove(status);
                active = activeEpochs.size();
              } finally {
                mu.unlock();
              }
              return active == 0;
            })
            .recv(ctx.done(), v -> true)
            .run();
        if (stop) {
          return;
        }
      }
    }

    @Override
    public void restart() {
      mu.lock();
      try {
        waitUntilLive();
        currentEpoch++;
        activeEpochs.add(currentEpoch);
        int epoch = currentEpoch;
        Go.go(() -> runWait(epoch));
      } finally {
        mu.unlock();
      }
    }

    private void runWait(int epoch) {
      // FIX (GoKer): give up once the run loop has returned
      Select.<Void>select()
          .send(statusCh, epoch, () -> null)
          .recv(stopped, v -> null)
          .run();
    }

    private void waitUntilLive() {
      if (activeEpochs.isEmpty()) {
        return;
      }
      Ticker interval = Time.newTicker(Duration.ofNanos(30));
      Timer timer = Time.newTimer(Duration.ofNanos(100));
      try {
        if (proxy.isLive()) {
          return;
        }
        while (true) {
          boolean live = Select.<Boolean>select()
              .recv(timer.c(), t -> true)
              .recv(interval.c(), t -> proxy.isLive())
              .run();
          if (live) {
            return;
          }
        }
      } finally {
        interval.stop();
        timer.stop();
      }
    }
  }

  static void testIstio17860() {
    try (CancelContext ctx = Context.withCancel(Context.background())) {
      BooleanSupplier neverLive = () -> false;
      Agent a = new AgentImpl(new TestProxy(neverLive));
      Go.go(() -> a.run(ctx));

      a.restart();
      Go.go(a::restart);
    }
  }
}
