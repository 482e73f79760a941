import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Merges the SSTables of one storage tier into the next, a few tables at a time. */
class Compactor {
  record Table(String name, int tier, long bytes) {}

  interface Merger {
    Table merge(List<Table> inputs, int targetTier);
  }

  private final Merger merger;

  Compactor(Merger merger) {
    this.merger = merger;
  }

  List<Table> compactTier(List<Table> tier, int width) throws Exception {
    // BUG(ExecutorNotShutDown): a pool per compaction, never shut down: its threads outlive the call
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Table>> merged = new ArrayList<>();
    for (int i = 0; i < tier.size(); i += width) {
      List<Table> group = tier.subList(i, Math.min(tier.size(), i + width));
      merged.add(pool.submit(() -> merger.merge(group, group.get(0).tier() + 1)));
    }
    List<Table> out = new ArrayList<>();
    for (Future<Table> f : merged) {
      out.add(f.get());
    }
    return out;
  }

  List<Table> compactTierFixed(List<Table> tier, int width) throws Exception {
    // OK(ExecutorNotShutDown): ExecutorService is AutoCloseable; close() waits for the tasks and shuts the pool down
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<Table>> merged = new ArrayList<>();
      for (int i = 0; i < tier.size(); i += width) {
        List<Table> group = tier.subList(i, Math.min(tier.size(), i + width));
        merged.add(pool.submit(() -> merger.merge(group, group.get(0).tier() + 1)));
      }
      List<Table> out = new ArrayList<>();
      for (Future<Table> f : merged) {
        out.add(f.get());
      }
      return out;
    }
  }

  long verify(ExecutorService shared, List<Table> tables) throws InterruptedException {
    CountDownLatch checked = new CountDownLatch(tables.size());
    AtomicLong bytes = new AtomicLong();
    for (Table t : tables) {
      shared.execute(() -> {
        checksum(t);
        bytes.addAndGet(t.bytes());
        // BUG(CountDownNotInFinally): a failing checksum skips the count-down and await() below waits for ever
        checked.countDown();
      });
    }
    checked.await();
    return bytes.get();
  }

  long verifyFixed(ExecutorService shared, List<Table> tables) throws InterruptedException {
    CountDownLatch checked = new CountDownLatch(tables.size());
    AtomicLong bytes = new AtomicLong();
    for (Table t : tables) {
      shared.execute(() -> {
        try {
          checksum(t);
          bytes.addAndGet(t.bytes());
        } finally {
          // OK(CountDownNotInFinally): counted down in finally
          checked.countDown();
        }
      });
    }
    if (!checked.await(1, TimeUnit.MINUTES)) {
      throw new IllegalStateException("verification timed out");
    }
    return bytes.get();
  }

  private static void checksum(Table t) {
    if (t.bytes() < 0) {
      throw new IllegalStateException("corrupt " + t.name());
    }
  }
}
