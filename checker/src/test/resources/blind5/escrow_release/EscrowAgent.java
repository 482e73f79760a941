import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.math.BigDecimal;
import java.time.Duration;

/** An escrow agent: releases funds once the inspection and the title search both clear. */
public class EscrowAgent {
  public record Deal(String id, BigDecimal amount, String buyer, String seller) {}

  public enum Check { INSPECTION, TITLE }

  public record Clearance(Check check, boolean passed) {}

  public interface Services {
    boolean inspect(Context ctx, Deal d);

    boolean titleClear(Context ctx, Deal d);

    void wire(Context ctx, Deal d);
  }

  private final Services services;

  public EscrowAgent(Services services) {
    this.services = services;
  }

  /** Runs both checks at once; a failed inspection ends the deal without waiting for title. */
  public boolean release(Context ctx, Deal d) {
    Chan<Clearance> clearances = Chan.make();
    Go.go(() -> clearances.send(new Clearance(Check.INSPECTION, services.inspect(ctx, d))));
    Go.go(() -> {
      boolean clear = services.titleClear(ctx, d);
      // BUG(GoroutineLeak): after a failed inspection nobody receives the title result
      clearances.send(new Clearance(Check.TITLE, clear));
    });
    Clearance first = clearances.receive();
    if (!first.passed()) {
      return false;
    }
    Clearance second = clearances.receive();
    if (!second.passed()) {
      return false;
    }
    services.wire(ctx, d);
    return true;
  }

  /** The fixed release: room for both results. */
  public boolean releaseFixed(Context ctx, Deal d) {
    // OK(GoroutineLeak): two slots for the two checks
    Chan<Clearance> clearances = Chan.make(2);
    Go.go(() -> clearances.send(new Clearance(Check.INSPECTION, services.inspect(ctx, d))));
    Go.go(() -> clearances.send(new Clearance(Check.TITLE, services.titleClear(ctx, d))));
    if (!clearances.receive().passed()) {
      return false;
    }
    if (!clearances.receive().passed()) {
      return false;
    }
    services.wire(ctx, d);
    return true;
  }

  /** Waits for the buyer's funds to land, a bounded time. */
  public boolean awaitFunds(Context parent, Deal d, Chan<BigDecimal> deposits) {
    // BUG(LostCancel): the result is discarded, so it can never be cancelled
    Context.withTimeout(parent, Duration.ofHours(48));
    BigDecimal got = Select.<BigDecimal>select()
        .recv(deposits, x -> x)
        .recv(Time.after(Duration.ofHours(48)), t -> BigDecimal.ZERO)
        .run();
    return got.compareTo(d.amount()) >= 0;
  }

  public boolean awaitFundsFixed(Context parent, Deal d, Chan<BigDecimal> deposits) {
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofHours(48))) {
      BigDecimal got = Select.<BigDecimal>select().recv(deposits, x -> x).recv(ctx.done(), x -> BigDecimal.ZERO).run();
      return got != null && got.compareTo(d.amount()) >= 0;
    }
  }
}
