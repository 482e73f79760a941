import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Small cases for the java.util.concurrent counterparts. */
public class JucCases {
  static int executorLeak(int n) throws Exception {
    // BUG(ExecutorNotShutDown): a local pool never shut down
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<Integer> f = pool.submit(() -> n * 2);
    return f.get();
  }

  static int executorClosed(int n) throws Exception {
    // OK(ExecutorNotShutDown): try-with-resources closes it
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      return pool.submit(() -> n * 2).get();
    }
  }

  static String timedGet(ExecutorService pool) throws InterruptedException, ExecutionException {
    Future<String> f = pool.submit(() -> "x");
    try {
      return f.get(1, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // BUG(TimedGetWithoutCancel): gives up waiting but leaves the task running
      return null;
    }
  }

  static String timedGetCancelled(ExecutorService pool) throws InterruptedException, ExecutionException {
    Future<String> f = pool.submit(() -> "x");
    try {
      return f.get(1, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // OK(TimedGetWithoutCancel): cancels the task it stopped waiting for
      f.cancel(true);
      return null;
    }
  }

  static void periodicDropped(ScheduledExecutorService ses, Runnable tick) {
    // BUG(PeriodicTaskNeverCancelled): the periodic task's future is dropped: nothing can stop it
    ses.scheduleWithFixedDelay(tick, 0, 1, TimeUnit.SECONDS);
  }

  static ScheduledFuture<?> periodicReturned(ScheduledExecutorService ses, Runnable tick) {
    // OK(PeriodicTaskNeverCancelled): the future is returned to the caller
    return ses.scheduleWithFixedDelay(tick, 0, 1, TimeUnit.SECONDS);
  }

  static void oneShot(ScheduledExecutorService ses, Runnable tick) {
    // OK(PeriodicTaskNeverCancelled): a one-shot schedule ends by itself
    ses.schedule(tick, 1, TimeUnit.SECONDS);
  }

  static String handoff(ExecutorService pool) throws InterruptedException {
    SynchronousQueue<String> q = new SynchronousQueue<>();
    pool.execute(() -> {
      try {
        // BUG(QueueHandoffLeak): put blocks forever if the poll below timed out
        q.put("result");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return q.poll(100, TimeUnit.MILLISECONDS);
  }

  static String handoffTake(ExecutorService pool) throws InterruptedException {
    SynchronousQueue<String> q = new SynchronousQueue<>();
    pool.execute(() -> {
      try {
        // OK(QueueHandoffLeak): the caller takes without a timeout: the hand-off always completes
        q.put("result");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return q.take();
  }

  static Runnable swallowing(BlockingQueue<String> in) {
    return () -> {
      for (;;) {
        try {
          System.out.println(in.take());
        } catch (InterruptedException e) {
          // BUG(InterruptIgnoredInTaskLoop): logs and loops: the interrupt is lost
          e.printStackTrace();
        }
      }
    };
  }

  static CompletableFuture<String> notCompleted(ExecutorService pool, String s) {
    CompletableFuture<String> f = new CompletableFuture<>();
    pool.execute(() -> {
      if (s.isEmpty()) {
        // BUG(FutureNotCompletedOnAllPaths): the empty-input path never completes f
        return;
      }
      f.complete(s.trim());
    });
    return f;
  }

  static CompletableFuture<String> supplied(ExecutorService pool, String s) {
    // OK(FutureNotCompletedOnAllPaths): supplyAsync completes on every path, exceptions included
    return CompletableFuture.supplyAsync(() -> s.trim(), pool);
  }
}
