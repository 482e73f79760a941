// Program: small cases of Phaser registration inside tasks and of blocking queue hand-offs nobody takes.
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

final class PhaserQueue {
  static void lateRegister(ExecutorService pool, int n) {
    Phaser ph = new Phaser(1);
    for (int i = 0; i < n; i++) {
      pool.submit(() -> {
        // BUG(RegisterInsideTask): registers after the parent may already have advanced
        ph.register();
        ph.arriveAndDeregister();
      });
    }
    ph.arriveAndAwaitAdvance();
  }

  static void bulkRegister(ExecutorService pool, int n) {
    Phaser ph = new Phaser(1);
    // OK(RegisterInsideTask): all parties registered up front
    ph.bulkRegister(n);
    for (int i = 0; i < n; i++) {
      pool.submit(ph::arriveAndDeregister);
    }
    ph.arriveAndAwaitAdvance();
  }

  static Integer firstOrNull(ExecutorService pool, int x) throws InterruptedException {
    SynchronousQueue<Integer> q = new SynchronousQueue<>();
    pool.execute(() -> {
      try {
        // BUG(QueueHandoffLeak): the parent may have stopped polling; put waits forever
        q.put(x * 2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return q.poll(10, TimeUnit.MILLISECONDS);
  }

  static Integer unboundedOk(ExecutorService pool, int x) throws InterruptedException {
    BlockingQueue<Integer> q = new LinkedBlockingQueue<>();
    pool.execute(() -> {
      try {
        // OK(QueueHandoffLeak): an unbounded queue never blocks put
        q.put(x * 2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return q.poll(10, TimeUnit.MILLISECONDS);
  }
}
