import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads every shard of a table in parallel. */
final class ShardLoader {
  private final Map<Integer, String> loaded = new ConcurrentHashMap<>();

  Map<Integer, String> loadAll(List<Integer> shards) {
    WaitGroup wg = new WaitGroup();
    wg.add(shards.size());
    for (int shard : shards) {
      Go.go(
          () -> {
            try {
              loaded.put(shard, "rows of shard " + shard);
            } finally {
              wg.done();
            }
          });
      // BUG(WaitGroupAwaitInLaunchLoop): awaits all shards inside the loop that launches them: with more than one shard it waits for goroutines not yet started
      wg.await();
    }
    return loaded;
  }

  Map<Integer, String> loadAllFixed(List<Integer> shards) {
    WaitGroup wg = new WaitGroup();
    for (int shard : shards) {
      wg.go(() -> loaded.put(shard, "rows of shard " + shard));
    }
    // OK(WaitGroupAwaitInLaunchLoop): await after the launch loop
    wg.await();
    return loaded;
  }

  /** Batches of launches, each batch awaited before the next: the group is local to the batch. */
  void loadInBatches(List<List<Integer>> batches) {
    for (List<Integer> batch : batches) {
      WaitGroup wg = new WaitGroup();
      for (int shard : batch) {
        wg.go(() -> loaded.put(shard, "batch row " + shard));
      }
      // OK(WaitGroupAwaitInLaunchLoop): awaits the batch's own group after its inner launch loop
      wg.await();
    }
  }
}
