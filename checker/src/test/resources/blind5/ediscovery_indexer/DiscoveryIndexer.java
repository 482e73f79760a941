import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** A legal e-discovery indexer: custodians' mailboxes indexed for privileged terms. */
public class DiscoveryIndexer {
  public record Document(String custodian, String id, String text) {}

  public record Custodian(String name, List<Document> mailbox) {}

  private final Map<String, Set<String>> postings = new ConcurrentHashMap<>();
  private final Set<String> privileged;

  public DiscoveryIndexer(Set<String> privilegedTerms) {
    this.privileged = Set.copyOf(privilegedTerms);
  }

  /** Indexes every custodian in parallel. */
  public void indexAll(List<Custodian> custodians) {
    WaitGroup wg = new WaitGroup();
    wg.add(custodians.size());
    for (Custodian c : custodians) {
      Go.go(() -> {
        c.mailbox().forEach(this::index);
        // BUG(WaitGroupDoneNotInFinally): a malformed document throws and the await never returns
        wg.done();
      });
    }
    wg.await();
  }

  /** Indexes custodians in review batches. */
  public void indexBatches(List<List<Custodian>> batches) {
    for (List<Custodian> batch : batches) {
      WaitGroup wg = new WaitGroup();
      wg.add(batch.size());
      for (Custodian c : batch) {
        Go.go(() -> {
          try {
            c.mailbox().forEach(this::index);
          } finally {
            wg.done();
          }
        });
        // BUG(WaitGroupAwaitInLaunchLoop): waits for the whole batch after launching only the first custodian
        wg.await();
      }
    }
  }

  /** The batches as intended: await after the batch is launched. */
  public void indexBatchesFixed(List<List<Custodian>> batches) {
    for (List<Custodian> batch : batches) {
      WaitGroup wg = new WaitGroup();
      for (Custodian c : batch) {
        wg.go(() -> c.mailbox().forEach(this::index));
      }
      // OK(WaitGroupAwaitInLaunchLoop): once per batch, after its launches
      wg.await();
    }
  }

  private void index(Document d) {
    if (d.text() == null) {
      throw new IllegalArgumentException("unparsed document " + d.id());
    }
    for (String token : d.text().toLowerCase().split("\\W+")) {
      if (privileged.contains(token)) {
        postings.computeIfAbsent(token, k -> new TreeSet<>()).add(d.custodian() + "/" + d.id());
      }
    }
  }

  public Map<String, Set<String>> postings() {
    return Map.copyOf(postings);
  }
}
