import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Received;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/** Pulls stock updates from a supplier feed and applies them to the local inventory. */
public class InventorySync {
  public record Update(String sku, int delta) {}

  public interface Feed {
    List<Update> page(int n);

    boolean commit();
  }

  private final Map<String, Integer> stock = new HashMap<>();

  public int sync(Feed feed, int pages) {
    Chan<Update> updates = Chan.make(32);
    Go.go(
        () -> {
          for (int p = 0; p < pages; p++) {
            feed.page(p).forEach(updates::send);
          }
          if (feed.commit()) {
            updates.close();
          }
        });
    int applied = 0;
    // BUG(UnclosedChannel): the producer closes updates only when commit succeeds; otherwise this loop waits forever
    while (true) {
      Received<Update> r = updates.receiveOk();
      if (!r.ok()) {
        break;
      }
      stock.merge(r.value().sku(), r.value().delta(), Integer::sum);
      applied++;
    }
    return applied;
  }
}
