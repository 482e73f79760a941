import dev.goconc.*;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Root-splitting parallel alpha-beta: each root move searched on its own goroutine. */
public class ParallelSearch {
  public record Move(String uci) {}
  public record Scored(Move move, int score) {}

  public interface Position {
    List<Move> legalMoves();
    Position play(Move m);
    int evaluate();
  }

  static int alphaBeta(Context ctx, Position p, int depth, int alpha, int beta, AtomicInteger nodes) {
    nodes.incrementAndGet();
    if (depth == 0 || ctx.err() != null) {
      return p.evaluate();
    }
    for (Move m : p.legalMoves()) {
      int score = -alphaBeta(ctx, p.play(m), depth - 1, -beta, -alpha, nodes);
      if (score >= beta) {
        return beta;
      }
      alpha = Math.max(alpha, score);
    }
    return alpha;
  }

  public static Scored bestBroken(Context ctx, Position root, int depth) {
    List<Move> moves = root.legalMoves();
    Scored[] scores = new Scored[moves.size()];
    AtomicInteger nodes = new AtomicInteger();
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < moves.size(); i++) {
      int idx = i;
      wg.add(1);
      Go.go(new Runnable() {
        @Override
        public void run() {
          Move m = moves.get(idx);
          scores[idx] = new Scored(m, -alphaBeta(ctx, root.play(m), depth - 1, -100_000, 100_000, nodes));
          // BUG(WaitGroupDoneNotInFinally): an exception in play() or evaluate() skips done and bestBroken waits forever
          wg.done();
        }
      });
    }
    wg.await();
    return pick(scores);
  }

  public static Scored best(Context ctx, Position root, int depth) {
    List<Move> moves = root.legalMoves();
    Scored[] scores = new Scored[moves.size()];
    AtomicInteger nodes = new AtomicInteger();
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < moves.size(); i++) {
      int idx = i;
      wg.go(() -> {
        Move m = moves.get(idx);
        scores[idx] = new Scored(m, -alphaBeta(ctx, root.play(m), depth - 1, -100_000, 100_000, nodes));
      });
    }
    wg.await();
    return pick(scores);
  }

  static Scored pick(Scored[] scores) {
    Scored best = null;
    for (Scored s : scores) {
      if (s != null && (best == null || s.score() > best.score())) {
        best = s;
      }
    }
    return best;
  }

  /** Iterative deepening under a move-time budget, reporting each depth's best move. */
  public static RecvChan<Scored> thinkBroken(Context parent, Position root, Duration moveTime) {
    Chan<Scored> info = Chan.make(1);
    // BUG(LostCancel): the budget context is never cancelled when the search finishes early
    CancelContext ctx = Context.withTimeout(parent, moveTime);
    Go.go(() -> {
      try {
        for (int depth = 1; depth <= 64 && ctx.err() == null; depth++) {
          Scored s = best(ctx, root, depth);
          if (s == null) {
            return;
          }
          Select.<Void>select().send(info, s, () -> null).recv(ctx.done(), d -> null).run();
        }
      } finally {
        info.close();
      }
    });
    return info;
  }

  public static RecvChan<Scored> think(Context parent, Position root, Duration moveTime) {
    Chan<Scored> info = Chan.make(1);
    CancelContext ctx = Context.withTimeout(parent, moveTime);
    Go.go(() -> {
      try {
        for (int depth = 1; depth <= 64 && ctx.err() == null; depth++) {
          Scored s = best(ctx, root, depth);
          if (s == null) {
            return;
          }
          Select.<Void>select().send(info, s, () -> null).recv(ctx.done(), d -> null).run();
        }
      } finally {
        info.close();
        // OK(LostCancel): the goroutine that captured the context cancels it in finally
        ctx.cancel();
      }
    });
    return info;
  }
}
