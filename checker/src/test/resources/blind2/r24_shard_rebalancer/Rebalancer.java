// Program: shard rebalancer; moves shards between nodes, reporting progress on a channel read after the loop; awaits inside the launch loop and over-counts done.
import dev.goconc.*;
import java.util.ArrayList;
import java.util.List;

final class Rebalancer {
  record Move(int shard, String from, String to) {}

  interface Mover {
    void move(Move m);
  }

  static List<Move> rebalance(List<Move> plan, Mover mover) {
    Chan<Move> progress = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (Move m : plan) {
      wg.add(1);
      Go.go(() -> {
        try {
          mover.move(m);
          progress.send(m);
        } finally {
          wg.done();
        }
      });
      // BUG(WaitGroupAwaitInLaunchLoop): waits for this move inside the loop, but the move blocks sending progress that is only read after the loop
      wg.await();
    }
    List<Move> done = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      done.add(progress.receive());
    }
    return done;
  }

  static void rebalanceAll(List<Move> plan, Mover mover) {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    for (Move m : plan) {
      Go.go(() -> {
        try {
          mover.move(m);
        } finally {
          // BUG(WaitGroupDoneExceedsAdd): one add for the whole plan, one done per move; the second done drives the counter negative
          wg.done();
        }
      });
    }
    wg.await();
  }

  static void rebalanceAllFixed(List<Move> plan, Mover mover) {
    WaitGroup wg = new WaitGroup();
    // OK(WaitGroupDoneExceedsAdd): one add per launched move
    wg.add(plan.size());
    for (Move m : plan) {
      Go.go(() -> {
        try {
          mover.move(m);
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }
}
