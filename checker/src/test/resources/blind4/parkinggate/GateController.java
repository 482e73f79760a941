import dev.goconc.*;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Drives a parking garage's entry barrier from loop-sensor and ticket-reader events. */
public class GateController {
  public sealed interface Event permits CarArrived, TicketRead, CarPassed {}
  public record CarArrived(Instant at) implements Event {}
  public record TicketRead(String plate) implements Event {}
  public record CarPassed(Instant at) implements Event {}

  public interface Barrier {
    void raise();
    void lower();
  }

  private final Chan<Event> events = Chan.make(16);
  private final Barrier barrier;
  private final AtomicInteger free;

  /** Starts the event loop as soon as the controller exists. */
  public GateController(Barrier barrier, int capacity) {
    this.barrier = barrier;
    this.free = new AtomicInteger(capacity);
    Go.go(() -> {
      // BUG(GoroutineLeak): the event loop has no way out: no return, no done channel, no context
      while (true) {
        Event e = events.receive();
        handle(e);
      }
    });
  }

  void handle(Event e) {
    switch (e) {
      case CarArrived a -> System.out.println("car at " + a.at());
      case TicketRead t -> {
        if (free.get() > 0) {
          barrier.raise();
        }
      }
      case CarPassed p -> {
        barrier.lower();
        free.decrementAndGet();
      }
    }
  }

  public void post(Event e) {
    events.send(e);
  }

  /** The exit gate, written later, stops with its garage. */
  public static final class ExitGate implements AutoCloseable {
    private final Chan<Event> events = Chan.make(16);
    private final Chan<Void> quit = Chan.make();
    private final Barrier barrier;

    public ExitGate(Barrier barrier) {
      this.barrier = barrier;
      Go.go(this::loop);
    }

    private void loop() {
      // OK(GoroutineLeak): the loop returns when quit is closed
      while (true) {
        boolean stop = Select.<Boolean>select()
            .recv(events, e -> {
              if (e instanceof TicketRead) {
                barrier.raise();
              } else if (e instanceof CarPassed) {
                barrier.lower();
              }
              return false;
            })
            .recv(quit, q -> true)
            .run();
        if (stop) {
          return;
        }
      }
    }

    public void post(Event e) {
      events.send(e);
    }

    @Override
    public void close() {
      // OK(ReceiverSideClose): quit carries no values; closing it is the owner's stop signal
      quit.close();
    }
  }

  /** Flashes the barrier light until the given context ends. */
  static void blink(Context ctx, Barrier barrier) {
    // OK(TickerNotStopped): try-with-resources stops the ticker
    try (Ticker t = Time.newTicker(Duration.ofMillis(500))) {
      boolean up = false;
      while (ctx.err() == null) {
        t.c().receive();
        if (up) {
          barrier.lower();
        } else {
          barrier.raise();
        }
        up = !up;
      }
    }
  }
}
