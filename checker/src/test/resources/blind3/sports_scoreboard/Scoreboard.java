import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Live scoreboard: merges play-by-play feeds of several matches and validates scores. */
class Scoreboard {
  record Play(String matchId, int minute, String team, int points) {}

  static final class InvalidFeed extends RuntimeException {
    InvalidFeed(String msg) {
      super(msg);
    }
  }

  interface Feed {
    List<Play> poll(Context ctx, String matchId);
  }

  /** One match's plays as a channel. */
  static RecvChan<Play> plays(Context ctx, Feed feed, String matchId) {
    Chan<Play> out = Chan.make(16);
    Go.go(() -> {
      List<Play> batch = feed.poll(ctx, matchId);
      if (batch.stream().anyMatch(p -> p.points() < 0)) {
        // BUG(UnclosedChannel): the explicit throw leaves out unclosed; the board's loop never ends
        throw new InvalidFeed("negative points in " + matchId);
      }
      for (Play p : batch) {
        boolean sent = Select.<Boolean>select()
            .send(out, p, () -> true)
            .recv(ctx.done(), x -> false)
            .run();
        if (!sent) {
          return;
        }
      }
      out.close();
    });
    return out;
  }

  static Map<String, Integer> board(Context ctx, Feed feed, List<String> matches) {
    Chan<Play> merged = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (String m : matches) {
      wg.add(1);
      Go.go(new Runnable() {
        @Override
        public void run() {
          for (Play p : plays(ctx, feed, m)) {
            Select.<Void>select().send(merged, p, () -> null).recv(ctx.done(), x -> null).run();
          }
          // BUG(WaitGroupDoneNotInFinally): an exception in the forwarding loop skips done()
          wg.done();
        }
      });
    }
    Go.go(() -> {
      wg.await();
      merged.close();
    });
    Map<String, Integer> totals = new ConcurrentHashMap<>();
    for (Play p : merged) {
      totals.merge(p.matchId() + ":" + p.team(), p.points(), Integer::sum);
    }
    return totals;
  }

  static int headline(Context ctx, Feed feed, String matchId, int minMinute) {
    Chan<Integer> latest = Chan.make();
    Go.go(() -> {
      int pts = feed.poll(ctx, matchId).stream().mapToInt(Play::points).sum();
      // BUG(GoroutineLeak): the parent's validation throw leaves nobody to receive this
      latest.send(pts);
    });
    if (minMinute < 0) {
      throw new IllegalArgumentException("minute must not be negative");
    }
    return latest.receive();
  }

  static int headlineFixed(Context ctx, Feed feed, String matchId, int minMinute) {
    if (minMinute < 0) {
      throw new IllegalArgumentException("minute must not be negative");
    }
    Chan<Integer> latest = Chan.make();
    Go.go(() -> {
      int pts = feed.poll(ctx, matchId).stream().mapToInt(Play::points).sum();
      // OK(GoroutineLeak): validated before the launch; the parent receives on its only path
      latest.send(pts);
    });
    return latest.receive();
  }
}
