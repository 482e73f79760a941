// Program: connection pool on a buffered channel of idle connections with a reaper; correct lifecycle.
import dev.goconc.*;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

final class ConnPool implements AutoCloseable {
  static final class Conn {
    Instant lastUsed = Instant.now();
    void close() {}
  }

  private final Chan<Conn> idle;
  private final Supplier<Conn> dialer;
  private final Chan<Void> closing = Chan.make();
  private final WaitGroup reaper = new WaitGroup();

  ConnPool(int size, Supplier<Conn> dialer) {
    this.idle = Chan.make(size);
    this.dialer = dialer;
    // OK(GoroutineLeak): the reaper leaves when closing is closed
    reaper.go(this::reap);
  }

  Conn get(Context ctx) {
    return Select.<Conn>select()
        .recv(idle, c -> c)
        .recv(ctx.done(), d -> { throw ctx.err(); })
        .otherwise(dialer::get)
        .run();
  }

  void put(Conn c) {
    c.lastUsed = Instant.now();
    if (!idle.trySend(c)) {
      c.close();
    }
  }

  private void reap() {
    // OK(TickerNotStopped): stopped by try-with-resources
    try (Ticker t = Time.newTicker(Duration.ofSeconds(30))) {
      while (true) {
        Boolean more = Select.<Boolean>select()
            .recv(t.c(), now -> {
              idle.tryReceive().ifPresent(r -> {
                Conn c = r.value();
                if (Duration.between(c.lastUsed, now).toMinutes() >= 5) {
                  c.close();
                } else {
                  idle.trySend(c);
                }
              });
              return true;
            })
            .recv(closing, x -> false)
            .run();
        if (!more) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    // OK(ReceiverSideClose): closing carries no value, it is the pool's shutdown signal
    closing.close();
    reaper.await();
  }
}
