import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** An app-store review moderator: classifies reviews, holds the doubtful ones for humans. */
public final class ReviewModerator {
  public record Review(String app, String author, int stars, String text) {}

  public enum Verdict { PUBLISH, HOLD, REJECT }

  public record Decision(Review review, Verdict verdict) {}

  private static final Set<String> BANNED = Set.of("scam", "http://", "crypto giveaway");

  private final Chan<Boolean> shutdown = Chan.make();

  /** Starts {@code n} moderators on the inbox; decisions come out until the inbox closes. */
  public RecvChan<Decision> start(RecvChan<Review> inbox, int n) {
    Chan<Decision> out = Chan.make(n);
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < n; i++) {
      wg.go(new Moderator(inbox, out));
    }
    // OK(UnclosedChannel): closed once all moderators are done
    Go.go(() -> {
      wg.await();
      out.close();
    });
    return out;
  }

  /** An inner class goroutine body: one moderator. */
  private final class Moderator implements Runnable {
    private final RecvChan<Review> inbox;
    private final Chan<Decision> out;

    Moderator(RecvChan<Review> inbox, Chan<Decision> out) {
      this.inbox = inbox;
      this.out = out;
    }

    @Override
    public void run() {
      // OK(GoroutineLeak): leaves when the inbox closes or the shutdown channel is closed
      while (true) {
        Review r = Select.<Review>select().recv(inbox, x -> x).recv(shutdown, s -> null).run();
        if (r == null) {
          return;
        }
        Decision d = new Decision(r, classify(r));
        // OK(GoroutineLeak): the send also listens on the done channel
        boolean sent = Select.<Boolean>select().send(out, d, () -> true).recv(shutdown, s -> false).run();
        if (!sent) {
          return;
        }
      }
    }
  }

  static Verdict classify(Review r) {
    String t = r.text().toLowerCase(Locale.ROOT);
    if (BANNED.stream().anyMatch(t::contains)) {
      return Verdict.REJECT;
    }
    return r.stars() <= 1 && t.length() < 12 ? Verdict.HOLD : Verdict.PUBLISH;
  }

  /** Feeds a batch to a moderator pool and closes the inbox when the batch is in. */
  public List<Decision> moderate(Context ctx, List<Review> batch) {
    Chan<Review> inbox = Chan.make();
    RecvChan<Decision> decisions = start(inbox, 3);
    Go.go(new Runnable() {
      @Override
      public void run() {
        try {
          for (Review r : batch) {
            if (!Select.<Boolean>select().send(inbox, r, () -> true).recv(ctx.done(), d -> false).run()) {
              return;
            }
          }
        } finally {
          // OK(ReceiverSideClose): this goroutine is the inbox's only sender
          inbox.close();
        }
      }
    });
    java.util.ArrayList<Decision> out = new java.util.ArrayList<>();
    for (Decision d : decisions) {
      out.add(d);
    }
    return out;
  }

  /** Stops every moderator. */
  public void stop() {
    // OK(ReceiverSideClose): a done channel closed by its owner; nobody sends on it
    shutdown.close();
  }
}
