// Program: leader lease renewal; a goroutine renews before expiry with a resettable Timer and reports loss on a buffered channel. Correct.
import dev.goconc.*;
import java.time.Duration;
import java.util.function.Predicate;

final class Lease {
  private final Predicate<Context> renew;
  private final Duration ttl;

  Lease(Predicate<Context> renew, Duration ttl) {
    this.renew = renew;
    this.ttl = ttl;
  }

  RecvChan<Boolean> hold(Context ctx) {
    // OK(GoroutineLeak): one slot for the one loss report
    Chan<Boolean> lost = Chan.make(1);
    Go.go(() -> {
      // OK(TickerNotStopped): try-with-resources stops the timer
      try (Timer t = Time.newTimer(ttl.dividedBy(2))) {
        while (true) {
          boolean renewDue = Select.<Boolean>select()
              .recv(t.c(), x -> true)
              .recv(ctx.done(), d -> false)
              .run();
          if (!renewDue) {
            return;
          }
          if (!renew.test(ctx)) {
            lost.send(true);
            return;
          }
          t.reset(ttl.dividedBy(2));
        }
      }
    });
    return lost.recvOnly();
  }
}
