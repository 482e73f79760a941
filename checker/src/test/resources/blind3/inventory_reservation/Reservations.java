import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;

/** Reserves stock for an order across warehouses; all warehouses answer before the order is confirmed. */
class Reservations {
  record Line(String sku, int qty) {}

  interface Warehouse {
    int reserve(String sku, int qty);
  }

  private final ExecutorService pool;
  private final Map<String, Integer> reserved = new HashMap<>();

  Reservations(ExecutorService pool) {
    this.pool = pool;
  }

  void reserveAll(List<Warehouse> warehouses, List<Line> lines) throws InterruptedException {
    CountDownLatch answered = new CountDownLatch(warehouses.size());
    for (Warehouse w : warehouses) {
      pool.execute(() -> {
        try {
          for (Line l : lines) {
            int got = w.reserve(l.sku(), l.qty());
            synchronized (this) {
              reserved.merge(l.sku(), got, Integer::sum);
            }
          }
        } finally {
          answered.countDown();
        }
      });
    }
    synchronized (this) {
      // BUG(LatchAwaitHoldingLock): waits holding this object's lock, which every task needs before it can count down
      answered.await();
    }
  }

  void reserveAllFixed(List<Warehouse> warehouses, List<Line> lines) throws InterruptedException {
    CountDownLatch answered = new CountDownLatch(warehouses.size());
    for (Warehouse w : warehouses) {
      pool.execute(() -> {
        try {
          for (Line l : lines) {
            int got = w.reserve(l.sku(), l.qty());
            synchronized (this) {
              reserved.merge(l.sku(), got, Integer::sum);
            }
          }
        } finally {
          answered.countDown();
        }
      });
    }
    // OK(LatchAwaitHoldingLock): awaited without the lock, then the lock is taken to read
    answered.await();
    synchronized (this) {
      reserved.values().removeIf(v -> v == 0);
    }
  }

  void reserveInPhases(List<Warehouse> warehouses, List<Line> lines) {
    Phaser phaser = new Phaser(1);
    for (Warehouse w : warehouses) {
      pool.execute(() -> {
        // BUG(RegisterInsideTask): the task registers itself; the coordinator may advance the phase before it does
        phaser.register();
        try {
          lines.forEach(l -> w.reserve(l.sku(), l.qty()));
        } finally {
          phaser.arriveAndDeregister();
        }
      });
    }
    phaser.arriveAndAwaitAdvance();
  }

  synchronized Map<String, Integer> snapshot() {
    return Map.copyOf(reserved);
  }
}
