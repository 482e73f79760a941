// Program: inventory client built with a builder; the builder keeps a CancelContext, and a lookup passes a fresh timeout context straight into a call.
import dev.goconc.*;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;

final class Inventory {
  private final BiFunction<Context, String, Integer> backend;
  private final Duration timeout;

  private Inventory(Builder b) {
    this.backend = b.backend;
    this.timeout = b.timeout;
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder {
    private BiFunction<Context, String, Integer> backend = (c, s) -> 0;
    private Duration timeout = Duration.ofSeconds(1);
    // BUG(ContextInField): a builder field holding a CancelContext
    private CancelContext scope;

    Builder backend(BiFunction<Context, String, Integer> b) {
      this.backend = b;
      return this;
    }

    Builder timeout(Duration d) {
      this.timeout = d;
      return this;
    }

    Builder scope(CancelContext c) {
      this.scope = c;
      return this;
    }

    Inventory build() {
      return new Inventory(this);
    }
  }

  int stock(Context ctx, String sku) {
    // BUG(LostCancel): the timeout context goes straight into the call and is never cancelled
    return backend.apply(Context.withTimeout(ctx, timeout), sku);
  }

  int stockFixed(Context ctx, String sku) {
    // OK(LostCancel): try-with-resources cancels it
    try (var c = Context.withTimeout(ctx, timeout)) {
      return backend.apply(c, sku);
    }
  }

  Map<String, Integer> stockMany(Context ctx, String... skus) {
    CancelContext c = Context.withTimeout(ctx, timeout.multipliedBy(skus.length));
    try {
      java.util.HashMap<String, Integer> out = new java.util.HashMap<>();
      for (String s : skus) {
        out.put(s, backend.apply(c, s));
      }
      return out;
    } finally {
      // OK(LostCancel): cancelled in finally
      c.cancel();
    }
  }
}
