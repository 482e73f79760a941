import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Settles card payments against an acquiring bank, one bank call per payment. */
class SettlementService {
  record Payment(String id, String merchant, BigDecimal amount) {}

  sealed interface Outcome permits Settled, Declined, TimedOut {}

  record Settled(String paymentId, String reference) implements Outcome {}

  record Declined(String paymentId, String reason) implements Outcome {}

  record TimedOut(String paymentId) implements Outcome {}

  interface Bank {
    String capture(Context ctx, Payment p);
  }

  private final Bank bank;
  private final Duration perPayment;

  SettlementService(Bank bank, Duration perPayment) {
    this.bank = bank;
    this.perPayment = perPayment;
  }

  /** One payment, with a deadline on the bank's answer. */
  Outcome settleOne(Context ctx, Payment p) {
    Chan<String> reference = Chan.make();
    Go.go(() -> {
      String ref = bank.capture(ctx, p);
      // BUG(GoroutineLeak): unbuffered result channel; the caller may already have left on the timeout case
      reference.send(ref);
    });
    return Select.<Outcome>select()
        .recv(reference, ref -> new Settled(p.id(), ref))
        .recv(Time.after(perPayment), t -> new TimedOut(p.id()))
        .run();
  }

  /** The same, with room for the late answer. */
  Outcome settleOneFixed(Context ctx, Payment p) {
    Chan<String> reference = Chan.make(1);
    Go.go(() -> {
      String ref = bank.capture(ctx, p);
      // OK(GoroutineLeak): one slot for the one send, so the goroutine finishes even after a timeout
      reference.send(ref);
    });
    return Select.<Outcome>select()
        .recv(reference, ref -> new Settled(p.id(), ref))
        .recv(Time.after(perPayment), t -> new TimedOut(p.id()))
        .run();
  }

  /** A whole batch under one deadline. */
  List<Outcome> settleBatch(Context parent, List<Payment> batch, Duration budget) {
    // BUG(LostCancel): the early return for an empty batch leaves the deadline's timer running
    CancelContext ctx = Context.withTimeout(parent, budget);
    if (batch.isEmpty()) {
      return List.of();
    }
    List<Outcome> out = new ArrayList<>();
    for (Payment p : batch) {
      out.add(settleOneFixed(ctx, p));
    }
    ctx.cancel();
    return out;
  }

  List<Outcome> settleBatchFixed(Context parent, List<Payment> batch, Duration budget) {
    // OK(LostCancel): try-with-resources cancels on every path
    try (CancelContext ctx = Context.withTimeout(parent, budget)) {
      if (batch.isEmpty()) {
        return List.of();
      }
      List<Outcome> out = new ArrayList<>();
      for (Payment p : batch) {
        out.add(settleOneFixed(ctx, p));
      }
      return out;
    }
  }

  static BigDecimal total(List<Outcome> outcomes, List<Payment> batch) {
    return batch.stream()
        .filter(p -> outcomes.stream().anyMatch(o -> o instanceof Settled s && s.paymentId().equals(p.id())))
        .map(Payment::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
