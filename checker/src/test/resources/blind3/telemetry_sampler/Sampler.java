import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Samples a process gauge at a fixed rate and keeps an exponentially weighted average. */
final class Sampler implements AutoCloseable {
  private final Chan<Void> done = Chan.make();
  private final Chan<Boolean> exited = Chan.make(1);
  private final AtomicLong ewmaBits = new AtomicLong(Double.doubleToLongBits(0));

  Sampler(LongSupplier gauge, Duration every, double alpha) {
    Go.go(() -> {
      // OK(TickerNotStopped): try-with-resources
      try (Ticker t = Time.newTicker(every)) {
        // OK(GoroutineLeak): the labelled loop breaks when done is closed
        sampling:
        while (true) {
          switch (Select.<Integer>select().recv(t.c(), x -> 0).recv(done, x -> 1).run()) {
            case 0 -> {
              double prev = Double.longBitsToDouble(ewmaBits.get());
              ewmaBits.set(Double.doubleToLongBits(alpha * gauge.getAsLong() + (1 - alpha) * prev));
            }
            default -> {
              break sampling;
            }
          }
        }
      } finally {
        exited.send(Boolean.TRUE);
      }
    });
  }

  double average() {
    return Double.longBitsToDouble(ewmaBits.get());
  }

  @Override
  public void close() {
    // OK(ReceiverSideClose): done carries no values; its owner closes it to stop the sampler
    done.close();
    exited.receive();
  }
}
