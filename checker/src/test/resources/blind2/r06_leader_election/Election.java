// Program: leader election; candidates campaign with per-term timeouts; a lost-cancel on the vote timeout and a leaked vote collector.
import dev.goconc.*;
import java.time.Duration;
import java.util.List;

final class Election {
  interface Peer {
    boolean requestVote(Context ctx, int term);
  }

  private final List<Peer> peers;
  private int term;

  Election(List<Peer> peers) {
    this.peers = List.copyOf(peers);
  }

  boolean campaign(Context parent) {
    term++;
    // BUG(LostCancel): the early return below (no peers) leaves the term context uncancelled
    CancelContext ctx = Context.withTimeout(parent, Duration.ofMillis(150));
    if (peers.isEmpty()) {
      return true;
    }
    Chan<Boolean> votes = Chan.make();
    for (Peer p : peers) {
      int t = term;
      // BUG(GoroutineLeak): after a majority or the deadline the loop below stops receiving; the remaining voters block on the unbuffered send
      Go.go(() -> votes.send(p.requestVote(ctx, t)));
    }
    int granted = 1;
    for (int i = 0; i < peers.size(); i++) {
      Boolean v = Select.<Boolean>select().recv(votes, x -> x).recv(ctx.done(), d -> null).run();
      if (v == null) {
        break;
      }
      if (v && ++granted > (peers.size() + 1) / 2) {
        break;
      }
    }
    ctx.cancel();
    return granted > (peers.size() + 1) / 2;
  }

  boolean campaignFixed(Context parent) {
    term++;
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofMillis(150))) {
      // OK(GoroutineLeak): one slot per voter, no sender can block
      Chan<Boolean> votes = Chan.make(peers.size());
      int t = term;
      peers.forEach(p -> Go.go(() -> votes.send(p.requestVote(ctx, t))));
      int granted = 1;
      for (int i = 0; i < peers.size() && granted <= (peers.size() + 1) / 2; i++) {
        Boolean v = Select.<Boolean>select().recv(votes, x -> x).recv(ctx.done(), d -> null).run();
        if (v == null) {
          break;
        }
        granted += v ? 1 : 0;
      }
      return granted > (peers.size() + 1) / 2;
    }
  }
}
