// Program: circuit breaker guarding calls with a per-call timeout; the half-open probe uses a timed Future.get without cancel.
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

final class Breaker {
  enum State { CLOSED, OPEN, HALF_OPEN }

  private final ExecutorService calls;
  private State state = State.CLOSED;
  private int failures;

  Breaker(ExecutorService calls) {
    this.calls = calls;
  }

  synchronized State state() {
    return state;
  }

  <T> T call(Callable<T> op, Duration timeout) throws Exception {
    if (state() == State.OPEN) {
      throw new IllegalStateException("open");
    }
    Future<T> f = calls.submit(op);
    try {
      // BUG(TimedGetWithoutCancel): on timeout the call keeps running and holding a worker
      T v = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      record(true);
      return v;
    } catch (TimeoutException | ExecutionException e) {
      record(false);
      throw e;
    }
  }

  <T> T callFixed(Callable<T> op, Duration timeout) throws Exception {
    Future<T> f = calls.submit(op);
    try {
      // OK(TimedGetWithoutCancel): cancelled in finally
      T v = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      record(true);
      return v;
    } catch (TimeoutException e) {
      record(false);
      throw e;
    } finally {
      f.cancel(true);
    }
  }

  private synchronized void record(boolean ok) {
    if (ok) {
      failures = 0;
      state = State.CLOSED;
    } else if (++failures >= 5) {
      state = State.OPEN;
    }
  }
}
