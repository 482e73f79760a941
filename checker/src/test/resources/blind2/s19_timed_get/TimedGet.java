// Program: small cases of Future.get with a timeout and what happens to the task when it times out.
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

final class TimedGet {
  static String orFallback(ExecutorService pool, String q) throws InterruptedException, ExecutionException {
    Future<String> f = pool.submit(() -> q.toUpperCase());
    try {
      // BUG(TimedGetWithoutCancel): the timeout path returns the fallback but leaves the task running
      return f.get(100, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return "fallback";
    }
  }

  static String cancelOnTimeout(ExecutorService pool, String q) throws InterruptedException, ExecutionException {
    Future<String> f = pool.submit(() -> q.toUpperCase());
    try {
      // OK(TimedGetWithoutCancel): cancelled on timeout
      return f.get(100, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return "fallback";
    }
  }

  static String untimed(ExecutorService pool, String q) throws InterruptedException, ExecutionException {
    Future<String> f = pool.submit(() -> q.toLowerCase());
    // OK(TimedGetWithoutCancel): an untimed get waits for the task
    return f.get();
  }
}
