import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A crypto wallet balance refresher: asks each chain's node for the wallet's balances. */
public class BalanceRefresher {
  public enum Chain { BITCOIN, ETHEREUM, SOLANA }

  public record Address(Chain chain, String value) {}

  public interface Node {
    BigDecimal balance(Context ctx, Address a);
  }

  private final Map<Chain, Node> nodes;
  private final Map<Address, BigDecimal> balances = new ConcurrentHashMap<>();

  public BalanceRefresher(Map<Chain, Node> nodes) {
    this.nodes = nodes;
  }

  /** Refreshes every address, then reports the total. */
  public BigDecimal refresh(Context ctx, List<Address> wallet) throws InterruptedException {
    for (Address a : wallet) {
      Go.go(() -> balances.put(a, nodes.get(a.chain()).balance(ctx, a)));
    }
    // BUG(SleepInsteadOfSynchronization): sleeps and hopes the lookups are done
    TimeUnit.SECONDS.sleep(3);
    return total(wallet);
  }

  /** Refreshes with a WaitGroup. */
  public BigDecimal refreshCounted(Context ctx, List<Address> wallet) {
    WaitGroup wg = new WaitGroup();
    for (Address a : wallet) {
      wg.add(1);
      Go.go(() -> {
        BigDecimal b = nodes.get(a.chain()).balance(ctx, a);
        balances.put(a, b);
        // BUG(WaitGroupDoneNotInFinally): a node error skips this done and the await below hangs
        wg.done();
      });
    }
    wg.await();
    return total(wallet);
  }

  /** The fixed refresh. */
  public BigDecimal refreshFixed(Context ctx, List<Address> wallet) {
    WaitGroup wg = new WaitGroup();
    for (Address a : wallet) {
      wg.add(1);
      Go.go(() -> {
        try {
          balances.put(a, nodes.get(a.chain()).balance(ctx, a));
        } finally {
          // OK(WaitGroupDoneNotInFinally): in finally
          wg.done();
        }
      });
    }
    wg.await();
    return total(wallet);
  }

  /** A signal-only goroutine per address: nothing in it can throw before the done. */
  public void markSeen(List<Address> wallet) {
    WaitGroup wg = new WaitGroup();
    for (Address a : wallet) {
      wg.add(1);
      // OK(WaitGroupDoneNotInFinally): the goroutine's only statement is done()
      Go.go(() -> wg.done());
    }
    wg.await();
  }

  /** Retries a flaky node with back-off; no goroutines are involved. */
  public BigDecimal balanceWithRetry(Context ctx, Address a) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return nodes.get(a.chain()).balance(ctx, a);
      } catch (RuntimeException e) {
        if (attempt == 3 || ctx.err() != null) {
          throw e;
        }
        // OK(SleepInsteadOfSynchronization): back-off between retries, not a wait for goroutines
        Thread.sleep(100L << attempt);
      }
    }
  }

  private BigDecimal total(List<Address> wallet) {
    return wallet.stream().map(a -> balances.getOrDefault(a, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
