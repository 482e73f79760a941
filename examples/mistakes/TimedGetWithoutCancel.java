package mistakes;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code future.get(timeout, unit)} stops the caller's wait, not the task. A method that submits a
 * task, waits for it with a timeout and returns a fallback when the time is up leaves the task
 * running, holding its pool thread and whatever it holds (a connection, a lock), for as long as it
 * takes; under load the abandoned tasks pile up and the pool starves. Cancelling the future when
 * the wait times out interrupts the task, the plain-Java counterpart of cancelling the context a
 * Go worker selects on.
 *
 * @goanalyzer None; GoroutineLeak's abandoned sender (a goroutine left behind when its parent
 *     stops waiting for it) in java.util.concurrent's terms
 */
public final class TimedGetWithoutCancel {
  private TimedGetWithoutCancel() {}

  /** After two seconds the caller answers "unavailable", and the slow fetch runs on. */
  static final class Mistake {
    static String quote(ExecutorService pool, Callable<String> fetch) throws Exception {
      Future<String> price = pool.submit(fetch);
      try {
        return price.get(2, TimeUnit.SECONDS); // goconc: expect TimedGetWithoutCancel
      } catch (TimeoutException e) {
        return "unavailable";
      }
    }
  }

  /** {@code cancel(true)} interrupts the task when the caller gives up on it. */
  static final class Fix {
    static String quote(ExecutorService pool, Callable<String> fetch) throws Exception {
      Future<String> price = pool.submit(fetch);
      try {
        return price.get(2, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        price.cancel(true);
        return "unavailable";
      }
    }
  }
}
