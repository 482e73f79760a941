import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A marathon chip-timing reader: mats report chip reads; splits are published in batches. */
public final class ChipTiming {
  public record ChipRead(String bib, String mat, Instant at) {}

  public record Splits(Map<String, Duration> byBib) {}

  /** Reads a mat's antenna into a channel until the race context ends. */
  public static RecvChan<ChipRead> mat(Context ctx, String matId, Supplier<String> antenna) {
    Chan<ChipRead> reads = Chan.make(128);
    Go.go(() -> {
      try {
        // OK(GoroutineLeak): leaves when the race is over
        while (ctx.err() == null) {
          String bib = antenna.get();
          if (bib == null) {
            continue;
          }
          ChipRead r = new ChipRead(bib, matId, Instant.now());
          if (!Select.<Boolean>select().send(reads, r, () -> true).recv(ctx.done(), d -> false).run()) {
            return;
          }
        }
      } finally {
        // OK(UnclosedChannel): the mat goroutine is the only sender and always closes
        reads.close();
      }
    });
    return reads;
  }

  /** Publishes splits every few seconds while reads come in. */
  public static RecvChan<Splits> publish(Context ctx, RecvChan<ChipRead> reads, Instant gun, Duration every) {
    Chan<Splits> out = Chan.make(1);
    Go.go(() -> {
      Map<String, Duration> pending = new LinkedHashMap<>();
      // OK(TickerNotStopped): try-with-resources
      try (Ticker t = Time.newTicker(every)) {
        boolean open = true;
        while (open) {
          open = Select.<Boolean>select()
              .recvOk(reads, r -> {
                if (r.ok()) {
                  pending.put(r.value().bib(), Duration.between(gun, r.value().at()));
                }
                return r.ok();
              })
              .recv(t.c(), tick -> {
                if (!pending.isEmpty()) {
                  Splits s = new Splits(Map.copyOf(pending));
                  pending.clear();
                  // a full out channel means the scoreboard is behind: keep the batch for the next tick
                  if (!out.trySend(s)) {
                    pending.putAll(s.byBib());
                  }
                }
                return true;
              })
              .recv(ctx.done(), d -> false)
              .run();
        }
      } finally {
        // OK(UnclosedChannel): closed on every exit of the publisher
        out.close();
      }
    });
    return out;
  }

  public static int race(Context parent, Supplier<String> antenna, Duration length) {
    int batches = 0;
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withTimeout(parent, length)) {
      RecvChan<Splits> s = publish(ctx, mat(ctx, "finish", antenna), Instant.now(), Duration.ofSeconds(5));
      for (Splits ignored : s) {
        batches++;
      }
    }
    return batches;
  }
}
