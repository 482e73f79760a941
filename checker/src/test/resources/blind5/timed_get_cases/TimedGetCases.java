import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Cases for a timed get whose timeout abandons the task without cancelling it. */
class TimedGetCases {
  Optional<String> abandoned(ExecutorService pool) throws InterruptedException, ExecutionException {
    Future<String> f = pool.submit(() -> "slow");
    try {
      // BUG(TimedGetWithoutCancel): the timeout path returns and the task keeps running
      return Optional.of(f.get(100, TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    }
  }

  String rethrown(ExecutorService pool) throws Exception {
    Future<String> f = pool.submit(() -> "slow");
    try {
      // BUG(TimedGetWithoutCancel): wrapped and rethrown, still not cancelled
      return f.get(1, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("too slow", e);
    }
  }

  Optional<String> cancelledInCatch(ExecutorService pool) throws InterruptedException, ExecutionException {
    Future<String> f = pool.submit(() -> "slow");
    try {
      // OK(TimedGetWithoutCancel): cancelled in the timeout handler
      return Optional.of(f.get(100, TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      f.cancel(true);
      return Optional.empty();
    }
  }

  String cancelledInFinally(ExecutorService pool) throws Exception {
    Future<String> f = pool.submit(() -> "slow");
    try {
      // OK(TimedGetWithoutCancel): finally cancels (a no-op when done)
      return f.get(1, TimeUnit.SECONDS);
    } finally {
      f.cancel(true);
    }
  }

  String completableWithTimeout(CompletableFuture<String> cf) {
    // OK(TimedGetWithoutCancel): orTimeout completes the future exceptionally; no timed get
    return cf.orTimeout(1, TimeUnit.SECONDS).exceptionally(t -> "fallback").join();
  }

  String untimed(ExecutorService pool) throws Exception {
    // OK(TimedGetWithoutCancel): no timeout, nothing abandoned
    return pool.submit(() -> "x").get();
  }
}
