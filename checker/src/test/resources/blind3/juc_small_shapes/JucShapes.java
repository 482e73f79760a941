import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The java.util.concurrent counterparts, one small shape each. */
class JucShapes {
  static int singleUse(List<Integer> xs) throws Exception {
    // BUG(ExecutorNotShutDown): created, used, dropped: its thread keeps the JVM alive
    ExecutorService ex = Executors.newSingleThreadExecutor();
    Future<Integer> sum = ex.submit(() -> xs.stream().mapToInt(Integer::intValue).sum());
    return sum.get();
  }

  static int singleUseClosed(List<Integer> xs) throws Exception {
    // OK(ExecutorNotShutDown): try-with-resources closes it
    try (ExecutorService ex = Executors.newSingleThreadExecutor()) {
      return ex.submit(() -> xs.stream().mapToInt(Integer::intValue).sum()).get();
    }
  }

  static void countDownOutsideFinally(ExecutorService pool, List<Runnable> jobs) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(jobs.size());
    for (Runnable job : jobs) {
      pool.execute(() -> {
        job.run();
        // BUG(CountDownNotInFinally): a throwing job never counts down
        latch.countDown();
      });
    }
    latch.await();
  }

  static void registerInTask(ExecutorService pool, List<Runnable> jobs) {
    Phaser ph = new Phaser(1);
    for (Runnable job : jobs) {
      pool.execute(() -> {
        // BUG(RegisterInsideTask): registering inside the task races the coordinator's advance
        ph.register();
        try {
          job.run();
        } finally {
          ph.arriveAndDeregister();
        }
      });
    }
    ph.arriveAndAwaitAdvance();
  }

  static void registerBulkBefore(ExecutorService pool, List<Runnable> jobs) {
    // OK(RegisterInsideTask): every party is registered up front
    Phaser ph = new Phaser(jobs.size() + 1);
    for (Runnable job : jobs) {
      pool.execute(() -> {
        try {
          job.run();
        } finally {
          ph.arriveAndDeregister();
        }
      });
    }
    ph.arriveAndAwaitAdvance();
  }

  static void heartbeat(ScheduledExecutorService ses, Runnable beat) {
    // BUG(PeriodicTaskNeverCancelled): the handle is dropped; the heartbeat can never be stopped
    ses.scheduleAtFixedRate(beat, 0, 1, TimeUnit.SECONDS);
  }

  static ScheduledFuture<?> heartbeatHandle(ScheduledExecutorService ses, Runnable beat) {
    // OK(PeriodicTaskNeverCancelled): the handle is returned to the caller
    return ses.scheduleAtFixedRate(beat, 0, 1, TimeUnit.SECONDS);
  }

  static String timedGet(ExecutorService pool) throws Exception {
    Future<String> f = pool.submit(() -> "slow");
    try {
      return f.get(1, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // BUG(TimedGetWithoutCancel): the task runs on after we stop waiting
      return "timeout";
    }
  }

  static String timedGetCancelled(ExecutorService pool) throws Exception {
    Future<String> f = pool.submit(() -> "slow");
    try {
      return f.get(1, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return "timeout";
    } finally {
      // OK(TimedGetWithoutCancel): cancelled in finally (a no-op when it completed)
      f.cancel(true);
    }
  }

  static CompletableFuture<String> early(ExecutorService pool, String key) {
    CompletableFuture<String> f = new CompletableFuture<>();
    pool.execute(() -> {
      if (key.isEmpty()) {
        // BUG(FutureNotCompletedOnAllPaths): the early return leaves the future incomplete
        return;
      }
      f.complete(key.toUpperCase());
    });
    return f;
  }

  static Integer handoff(ExecutorService pool) throws InterruptedException {
    BlockingQueue<Integer> q = new SynchronousQueue<>();
    pool.execute(() -> {
      try {
        // BUG(QueueHandoffLeak): the parent polls with a timeout and may be gone: put blocks for ever
        q.put(42);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return q.poll(10, TimeUnit.MILLISECONDS);
  }

  static Integer handoffOffer(ExecutorService pool) throws InterruptedException {
    BlockingQueue<Integer> q = new SynchronousQueue<>();
    pool.execute(() -> {
      // OK(QueueHandoffLeak): offer gives up when nobody takes
      boolean taken = q.offer(42);
      if (!taken) {
        System.err.println("nobody waiting");
      }
    });
    return q.poll(10, TimeUnit.MILLISECONDS);
  }

  static void busyLoop(ExecutorService pool, BlockingQueue<String> q) {
    pool.execute(() -> {
      // BUG(InterruptIgnoredInTaskLoop): catching the exception clears the flag, which is dropped: shutdownNow cannot stop this task
      while (!Thread.currentThread().isInterrupted()) {
        try {
          System.out.println(q.take());
        } catch (InterruptedException ignored) {
          // keep going
        }
      }
    });
  }

  static void getOrThrow(Future<?> f) throws InterruptedException, ExecutionException {
    f.get();
  }
}
