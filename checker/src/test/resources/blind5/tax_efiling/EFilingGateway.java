import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import java.time.Duration;
import java.util.List;

/** A tax-return e-filing gateway: validates a return, submits it, waits for the authority's ack. */
public class EFilingGateway {
  public record TaxReturn(String taxpayerId, int year, long incomeCents, List<String> schedules) {}

  public record Ack(String receipt, boolean accepted) {}

  public static class RejectedException extends RuntimeException {
    public RejectedException(String why) {
      super(why);
    }
  }

  public interface Authority {
    Ack transmit(Context ctx, TaxReturn r);
  }

  private final Authority authority;

  public EFilingGateway(Authority authority) {
    this.authority = authority;
  }

  /** Starts the transmission early to save time, then validates while it is in flight. */
  public Ack file(Context ctx, TaxReturn r) {
    Chan<Ack> ack = Chan.make();
    Go.go(() -> {
      Ack a = authority.transmit(ctx, r);
      // BUG(GoroutineLeak): an invalid return throws below before anyone receives this ack
      ack.send(a);
    });
    if (r.incomeCents() < 0 || r.schedules().isEmpty()) {
      throw new RejectedException("malformed return for " + r.taxpayerId());
    }
    return ack.receive();
  }

  /** Validates first, then transmits; the ack send watches the caller's context. */
  public Ack fileFixed(Context ctx, TaxReturn r) {
    if (r.incomeCents() < 0 || r.schedules().isEmpty()) {
      throw new RejectedException("malformed return for " + r.taxpayerId());
    }
    Chan<Ack> ack = Chan.make();
    Go.go(() -> {
      Ack a = authority.transmit(ctx, r);
      // OK(GoroutineLeak): the send is in a select with ctx.done()
      Select.<Void>select().send(ack, a, () -> null).recv(ctx.done(), d -> null).run();
    });
    return Select.<Ack>select().recv(ack, a -> a).recv(ctx.done(), d -> null).run();
  }

  /** Amends a return: a fresh deadline for the amendment round trip. */
  public Ack amend(Context parent, TaxReturn r, boolean dryRun) {
    // BUG(LostCancel): the dry-run return leaves the deadline context uncancelled
    CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(30));
    if (dryRun) {
      return new Ack("dry-run", true);
    }
    Ack a = authority.transmit(ctx, r);
    ctx.cancel();
    return a;
  }

  public Ack amendFixed(Context parent, TaxReturn r, boolean dryRun) {
    // OK(LostCancel): cancel() in finally covers the dry-run return
    CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(30));
    try {
      if (dryRun) {
        return new Ack("dry-run", true);
      }
      return authority.transmit(ctx, r);
    } finally {
      ctx.cancel();
    }
  }
}
