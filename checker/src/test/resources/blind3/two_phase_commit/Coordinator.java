import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.util.ArrayList;
import java.util.List;

/** A two-phase-commit coordinator for a cross-bank transfer. */
class Coordinator {
  enum Vote { YES, NO }

  interface Participant {
    Vote prepare(Context ctx, String txId);

    void commit(Context ctx, String txId);

    void abort(Context ctx, String txId);
  }

  private final List<Participant> participants;
  private final List<String> journal = new ArrayList<>();

  // BUG(ContextNotFirstParameter): a constructor judged like a method; the context is not first
  Coordinator(List<Participant> participants, Context startup) {
    this.participants = List.copyOf(participants);
    if (startup.err() != null) {
      throw new IllegalStateException("cancelled before start");
    }
  }

  boolean transfer(Context ctx, String txId) {
    Chan<Vote> votes = Chan.make();
    for (Participant p : participants) {
      Go.go(() -> {
        Vote v = p.prepare(ctx, txId);
        // BUG(GoroutineLeak): the coordinator stops receiving at the first NO; the remaining voters block here
        votes.send(v);
      });
    }
    // BUG(IgnoredCancellation): the vote-collecting loop blocks on receive and never looks at ctx
    for (int i = 0; i < participants.size(); i++) {
      if (votes.receive() == Vote.NO) {
        finish(ctx, txId, false);
        return false;
      }
    }
    finish(ctx, txId, true);
    return true;
  }

  boolean transferFixed(Context ctx, String txId) {
    Chan<Vote> votes = Chan.make(participants.size());
    for (Participant p : participants) {
      Go.go(() -> {
        Vote v = p.prepare(ctx, txId);
        // OK(GoroutineLeak): a slot for every voter
        votes.send(v);
      });
    }
    boolean all = true;
    // OK(IgnoredCancellation): each receive is a select with ctx.done(); cancellation counts as a NO
    for (int i = 0; i < participants.size() && all; i++) {
      all = Select.<Boolean>select()
          .recv(votes, v -> v == Vote.YES)
          .recv(ctx.done(), x -> false)
          .run();
    }
    finish(ctx, txId, all);
    return all;
  }

  private void finish(Context ctx, String txId, boolean commit) {
    WaitGroup wg = new WaitGroup();
    for (Participant p : participants) {
      wg.go(() -> {
        if (commit) {
          p.commit(ctx, txId);
        } else {
          p.abort(ctx, txId);
        }
        record(txId + (commit ? " committed by " : " aborted by ") + p);
      });
    }
    synchronized (journal) {
      // BUG(WaitGroupAwaitHoldingLock): holds the journal lock while waiting for goroutines that need it to record
      wg.await();
    }
  }

  private void record(String line) {
    synchronized (journal) {
      journal.add(line);
    }
  }
}
