import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

/** Applies a batch of postings in parallel; each posting updates the shared balance under the lock. */
public final class Ledger {
  private final ExecutorService executor;
  private final List<String> journal = new ArrayList<>();
  private long balance;

  public Ledger(ExecutorService executor) {
    this.executor = executor;
  }

  public synchronized long applyAll(List<Long> postings) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(postings.size());
    for (long amount : postings) {
      executor.execute(
          () -> {
            try {
              post(amount);
            } finally {
              done.countDown();
            }
          });
    }
    // BUG(LatchAwaitHoldingLock): waits while holding this object's lock, which every post() needs before it can count down
    done.await();
    return balance;
  }

  private void post(long amount) {
    synchronized (this) {
      balance += amount;
      journal.add("post " + amount);
    }
  }

  public synchronized List<String> journal() {
    return List.copyOf(journal);
  }
}
