import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;

/** Checks e-book DRM licenses for a library's lending shelf against several publishers' servers. */
public class LicenseChecker {
  public record Loan(String isbn, String publisher, String patron) {}
  public enum State { VALID, EXPIRED, REVOKED }

  public interface PublisherApi {
    State check(Loan loan);
  }

  private final ExecutorService pool;
  private final Map<String, PublisherApi> publishers;

  public LicenseChecker(ExecutorService pool, Map<String, PublisherApi> publishers) {
    this.pool = pool;
    this.publishers = publishers;
  }

  public Map<Loan, State> checkAllBroken(List<Loan> loans) throws InterruptedException {
    Map<Loan, State> out = new ConcurrentHashMap<>();
    CountDownLatch left = new CountDownLatch(loans.size());
    for (Loan l : loans) {
      pool.execute(() -> {
        PublisherApi api = publishers.get(l.publisher());
        if (api == null) {
          // BUG(CountDownNotInFinally): the unknown-publisher return skips the count-down: checkAllBroken waits forever
          return;
        }
        out.put(l, api.check(l));
        left.countDown();
      });
    }
    left.await();
    return out;
  }

  public Map<Loan, State> checkAll(List<Loan> loans) throws InterruptedException {
    Map<Loan, State> out = new ConcurrentHashMap<>();
    CountDownLatch left = new CountDownLatch(loans.size());
    for (Loan l : loans) {
      pool.execute(() -> {
        try {
          PublisherApi api = publishers.get(l.publisher());
          if (api != null) {
            out.put(l, api.check(l));
          }
        } finally {
          // OK(CountDownNotInFinally): every path counts down
          left.countDown();
        }
      });
    }
    left.await();
    return out;
  }

  /** Nightly sweep in two phases (check, then revoke), one party per publisher. */
  public void sweepBroken(Map<String, List<Loan>> byPublisher, Map<Loan, State> results) {
    Phaser phases = new Phaser(1);
    byPublisher.forEach((pub, loans) -> pool.execute(() -> {
      // BUG(RegisterInsideTask): registering inside the task races with the coordinator's arrive: phase 0 may end without it
      phases.register();
      try {
        loans.forEach(l -> results.put(l, publishers.get(pub).check(l)));
        phases.arriveAndAwaitAdvance();
        loans.stream().filter(l -> results.get(l) != State.VALID).forEach(l -> System.out.println("revoke " + l));
      } finally {
        phases.arriveAndDeregister();
      }
    }));
    phases.arriveAndAwaitAdvance();
    phases.arriveAndDeregister();
  }

  public void sweep(Map<String, List<Loan>> byPublisher, Map<Loan, State> results) {
    Phaser phases = new Phaser(1);
    byPublisher.forEach((pub, loans) -> {
      // OK(RegisterInsideTask): registered by the coordinator before submitting
      phases.register();
      pool.execute(() -> {
        try {
          loans.forEach(l -> results.put(l, publishers.get(pub).check(l)));
          phases.arriveAndAwaitAdvance();
        } finally {
          phases.arriveAndDeregister();
        }
      });
    });
    phases.arriveAndAwaitAdvance();
    phases.arriveAndDeregister();
  }
}
