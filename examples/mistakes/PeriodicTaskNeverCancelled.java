package mistakes;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A periodic task runs until it is cancelled or its scheduler is shut down. A component that
 * schedules one on a scheduler it was given, and drops the {@code ScheduledFuture}, cannot stop
 * it: after {@code close()} the task keeps running every period, and keeps the component (its
 * {@code this}) reachable, for as long as the shared scheduler lives. Keeping the future and
 * cancelling it in {@code close()} — Go's {@code defer ticker.Stop()} — ends it with its owner.
 *
 * @goanalyzer None; the same mistake as an unstopped {@code time.Ticker} in Go
 */
public final class PeriodicTaskNeverCancelled {
  private PeriodicTaskNeverCancelled() {}

  /** The heartbeat goes on after the connection is closed. */
  static final class Mistake implements AutoCloseable {
    private final ScheduledExecutorService scheduler;

    Mistake(ScheduledExecutorService scheduler) {
      this.scheduler = scheduler;
    }

    void open() {
      scheduler.scheduleAtFixedRate(this::heartbeat, 0, 30, TimeUnit.SECONDS); // goconc: expect PeriodicTaskNeverCancelled
    }

    void heartbeat() {
      System.out.println("ping");
    }

    @Override
    public void close() {}
  }

  /** The future is kept and cancelled when the connection closes. */
  static final class Fix implements AutoCloseable {
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> heartbeat;

    Fix(ScheduledExecutorService scheduler) {
      this.scheduler = scheduler;
    }

    void open() {
      heartbeat = scheduler.scheduleAtFixedRate(this::heartbeat, 0, 30, TimeUnit.SECONDS);
    }

    void heartbeat() {
      System.out.println("ping");
    }

    @Override
    public void close() {
      heartbeat.cancel(false);
    }
  }
}
