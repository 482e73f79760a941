import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Cases for java.util.concurrent hand-offs, phasers and periodic tasks. */
class QueuePhaserCases {
  String abandonedHandoff(ExecutorService pool, Supplier<String> work) throws InterruptedException {
    SynchronousQueue<String> q = new SynchronousQueue<>();
    pool.execute(() -> {
      try {
        // BUG(QueueHandoffLeak): if the poll below times out, nobody takes and this put blocks forever
        q.put(work.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return q.poll(50, TimeUnit.MILLISECONDS);
  }

  String handoffWithRoom(ExecutorService pool, Supplier<String> work) throws InterruptedException {
    BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
    pool.execute(() -> {
      try {
        // OK(QueueHandoffLeak): one slot for the one put, it never blocks
        q.put(work.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return q.poll(50, TimeUnit.MILLISECONDS);
  }

  String handoffAlwaysTaken(ExecutorService pool, Supplier<String> work) throws InterruptedException {
    SynchronousQueue<String> q = new SynchronousQueue<>();
    pool.execute(() -> {
      try {
        // OK(QueueHandoffLeak): the caller always takes
        q.put(work.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return q.take();
  }

  void registerInTask(ExecutorService pool, List<Runnable> jobs) {
    Phaser p = new Phaser(1);
    for (Runnable j : jobs) {
      pool.execute(() -> {
        // BUG(RegisterInsideTask): the task registers itself; the main party may advance first
        p.register();
        try {
          j.run();
        } finally {
          p.arriveAndDeregister();
        }
      });
    }
    p.arriveAndAwaitAdvance();
  }

  void registerBefore(ExecutorService pool, List<Runnable> jobs) {
    Phaser p = new Phaser(1);
    for (Runnable j : jobs) {
      // OK(RegisterInsideTask): registered before the task is submitted
      p.register();
      pool.execute(() -> {
        try {
          j.run();
        } finally {
          p.arriveAndDeregister();
        }
      });
    }
    p.arriveAndAwaitAdvance();
  }

  void periodicDropped(ScheduledExecutorService s, Runnable heartbeat) {
    // BUG(PeriodicTaskNeverCancelled): the handle is discarded, the task runs forever
    s.scheduleWithFixedDelay(heartbeat, 0, 1, TimeUnit.SECONDS);
  }

  ScheduledFuture<?> periodicReturned(ScheduledExecutorService s, Runnable heartbeat) {
    // OK(PeriodicTaskNeverCancelled): returned to the caller, who owns the cancel
    return s.scheduleAtFixedRate(heartbeat, 0, 1, TimeUnit.SECONDS);
  }

  void oneShot(ScheduledExecutorService s, Runnable r) {
    // OK(PeriodicTaskNeverCancelled): a one-shot delay is not periodic
    s.schedule(r, 5, TimeUnit.SECONDS);
  }
}
