// Program: search index builder; shard tasks add postings under the builder's lock while the builder waits on a latch inside that same lock.
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

final class IndexBuilder {
  private final Object lock = new Object();
  private final Map<String, List<Integer>> postings = new HashMap<>();
  private final ExecutorService pool;

  IndexBuilder(ExecutorService pool) {
    this.pool = pool;
  }

  private void add(String term, int doc) {
    synchronized (lock) {
      postings.computeIfAbsent(term, t -> new ArrayList<>()).add(doc);
    }
  }

  Map<String, List<Integer>> build(List<String> docs) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(docs.size());
    synchronized (lock) {
      postings.clear();
      for (int i = 0; i < docs.size(); i++) {
        int doc = i;
        pool.execute(() -> {
          try {
            for (String term : docs.get(doc).split(" ")) {
              add(term, doc);
            }
          } finally {
            done.countDown();
          }
        });
      }
      // BUG(LatchAwaitHoldingLock): the tasks need lock to add postings, and this thread holds it while waiting for them
      done.await();
      return Map.copyOf(postings);
    }
  }

  Map<String, List<Integer>> buildFixed(List<String> docs) throws InterruptedException {
    synchronized (lock) {
      postings.clear();
    }
    CountDownLatch done = new CountDownLatch(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      int doc = i;
      pool.execute(() -> {
        try {
          for (String term : docs.get(doc).split(" ")) {
            add(term, doc);
          }
        } finally {
          done.countDown();
        }
      });
    }
    // OK(LatchAwaitHoldingLock): no lock is held while waiting
    done.await();
    synchronized (lock) {
      return Map.copyOf(postings);
    }
  }
}
