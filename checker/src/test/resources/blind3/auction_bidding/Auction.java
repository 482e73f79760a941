import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** An English auction: bids arrive on a channel, one goroutine keeps the highest. */
class Auction {
  record Bid(String bidder, BigDecimal amount) {}

  record Result(Optional<Bid> winner, boolean reserveMet) {}

  private final Chan<Bid> bids = Chan.make(16);
  private final Chan<Result> result = Chan.make(1);
  private final BigDecimal reserve;
  private final AtomicReference<Bid> highest = new AtomicReference<>();

  Auction(BigDecimal reserve) {
    this.reserve = reserve;
    Go.go(() -> {
      for (Bid b : bids) {
        Bid top = highest.get();
        if (top == null || b.amount().compareTo(top.amount()) > 0) {
          highest.set(b);
        }
      }
      Bid top = highest.get();
      result.send(new Result(Optional.ofNullable(top), top != null && top.amount().compareTo(reserve) >= 0));
    });
  }

  boolean place(Bid b) {
    return bids.trySend(b);
  }

  RecvChan<Result> hammer() {
    bids.close();
    return result;
  }

  /** Ends the auction; withdraws it when the reserve price was not met. */
  Result hammerOrWithdraw(boolean withdrawIfUnmet) {
    bids.close();
    Result r = result.receive();
    if (withdrawIfUnmet && !r.reserveMet()) {
      // BUG(SendOnClosedChannel): bids was already closed above; a second close throws
      bids.close();
      return new Result(Optional.empty(), false);
    }
    return r;
  }

  Result hammerOrWithdrawFixed(boolean withdrawIfUnmet) {
    // OK(SendOnClosedChannel): a single close on every path
    bids.close();
    Result r = result.receive();
    if (withdrawIfUnmet && !r.reserveMet()) {
      return new Result(Optional.empty(), false);
    }
    return r;
  }
}
