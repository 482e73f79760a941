import dev.goconc.*;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An ad exchange's auction: asks every demand partner for a bid, within a 100 ms budget. */
public class Bidder {
  public record BidRequest(String impressionId, int widthPx, int heightPx, double floorCpm) {}
  public record Bid(String partner, double cpm, String creativeUrl) {}

  public interface Partner {
    String name();
    Optional<Bid> bid(BidRequest r);
  }

  static final Duration BUDGET = Duration.ofMillis(100);

  /** The launch: every partner gets a goroutine; whatever arrived within the budget competes. */
  public static Optional<Bid> auctionBroken(List<Partner> partners, BidRequest req) {
    Chan<Bid> bids = Chan.make();
    for (Partner p : partners) {
      Go.go(() -> p.bid(req).ifPresent(b -> {
        // BUG(GoroutineLeak): late partners block here forever once the auction stopped receiving at the deadline
        bids.send(b);
      }));
    }
    RecvChan<java.time.Instant> deadline = Time.after(BUDGET);
    Bid best = null;
    for (int i = 0; i < partners.size(); i++) {
      Bid b = Select.<Bid>select().recv(bids, x -> x).recv(deadline, t -> null).run();
      if (b == null) {
        break;
      }
      if (b.cpm() >= req.floorCpm() && (best == null || b.cpm() > best.cpm())) {
        best = b;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Fixed: room for every partner's bid, and a "no bid" marker so the count is exact. */
  public static Optional<Bid> auction(List<Partner> partners, BidRequest req) {
    // OK(GoroutineLeak): one slot per partner, each partner sends exactly once
    Chan<Optional<Bid>> bids = Chan.make(partners.size());
    for (Partner p : partners) {
      Go.go(() -> bids.send(p.bid(req)));
    }
    RecvChan<java.time.Instant> deadline = Time.after(BUDGET);
    Bid best = null;
    int answered = 0;
    // OK(UnclosedChannel): no range loop; the loop counts answers and stops at the deadline
    while (answered < partners.size()) {
      Optional<Bid> b = Select.<Optional<Bid>>select().recv(bids, x -> x).recv(deadline, t -> null).run();
      if (b == null) {
        break;
      }
      answered++;
      if (b.isPresent() && b.get().cpm() >= req.floorCpm()
          && (best == null || b.get().cpm() > best.cpm())) {
        best = b.get();
      }
    }
    return Optional.ofNullable(best);
  }
}
