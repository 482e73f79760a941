import dev.goconc.CancelContext;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Scatters a query to every index shard and merges the top hits. */
class ShardedSearch {
  record Hit(String docId, double score) {}

  interface Shard {
    List<Hit> query(Context ctx, String q, int k);
  }

  private final List<Shard> shards;
  private final Duration shardBudget;

  ShardedSearch(List<Shard> shards, Duration shardBudget) {
    this.shards = shards;
    this.shardBudget = shardBudget;
  }

  /** Asks one shard with its own budget. */
  List<Hit> askShard(Context ctx, Shard shard, String q, int k) {
    // BUG(LostCancel): the budget context goes straight into the call; nobody can cancel it, its timer runs to the deadline
    return shard.query(Context.withTimeout(ctx, shardBudget), q, k);
  }

  List<Hit> askShardFixed(Context ctx, Shard shard, String q, int k) {
    // OK(LostCancel): try-with-resources
    try (CancelContext budget = Context.withTimeout(ctx, shardBudget)) {
      return shard.query(budget, q, k);
    }
  }

  List<Hit> search(Context ctx, String q, int k) {
    ErrGroup g = ErrGroup.withContext(ctx);
    AtomicReferenceArray<List<Hit>> perShard = new AtomicReferenceArray<>(shards.size());
    for (int i = 0; i < shards.size(); i++) {
      int idx = i;
      g.go(() -> perShard.set(idx, askShardFixed(g.context(), shards.get(idx), q, k)));
    }
    Throwable err = g.await();
    if (err != null) {
      throw new IllegalStateException("search failed", err);
    }
    List<Hit> all = new ArrayList<>();
    for (int i = 0; i < perShard.length(); i++) {
      all.addAll(perShard.get(i));
    }
    all.sort(Comparator.comparingDouble(Hit::score).reversed());
    return all.subList(0, Math.min(k, all.size()));
  }
}
