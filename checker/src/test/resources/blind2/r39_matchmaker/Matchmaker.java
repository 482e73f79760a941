// Program: game-lobby matchmaker; pairs queued players, each pairing gets a timeout context for the handshake; a skipped pairing leaks its context.
import dev.goconc.*;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiPredicate;

final class Matchmaker {
  record Player(String id, int rating) {}

  interface Handshake {
    boolean connect(Context ctx, Player a, Player b);
  }

  private final Deque<Player> queue = new ArrayDeque<>();

  synchronized void enqueue(Player p) {
    queue.add(p);
  }

  synchronized int pairAll(Context parent, Handshake hs, BiPredicate<Player, Player> fair) {
    int paired = 0;
    while (queue.size() >= 2) {
      Player a = queue.poll();
      Player b = queue.poll();
      // BUG(LostCancel): the 'continue' path skips the cancel
      CancelContext hctx = Context.withTimeout(parent, Duration.ofSeconds(2));
      if (!fair.test(a, b)) {
        queue.add(b);
        continue;
      }
      if (hs.connect(hctx, a, b)) {
        paired++;
      }
      hctx.cancel();
    }
    return paired;
  }

  synchronized int pairAllFixed(Context parent, Handshake hs, BiPredicate<Player, Player> fair) {
    int paired = 0;
    while (queue.size() >= 2) {
      Player a = queue.poll();
      Player b = queue.poll();
      if (!fair.test(a, b)) {
        queue.add(b);
        continue;
      }
      // OK(LostCancel): try-with-resources
      try (CancelContext hctx = Context.withTimeout(parent, Duration.ofSeconds(2))) {
        paired += hs.connect(hctx, a, b) ? 1 : 0;
      }
    }
    return paired;
  }
}
