import dev.goconc.*;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A theatre's seat map service: fetches seat holds from the box office and renders SVG. */
public class SeatMapRenderer {
  public record Seat(String row, int number, boolean held) {}

  public interface BoxOffice {
    Optional<List<Seat>> seats(Context ctx, String performance);
  }

  private final BoxOffice office;

  public SeatMapRenderer(BoxOffice office) {
    this.office = office;
  }

  /** Retries until the box office answers. */
  public List<Seat> fetchBroken(Context ctx, String performance) throws InterruptedException {
    int attempt = 0;
    // BUG(IgnoredCancellation): the retry loop sleeps between attempts and never checks whether the request was cancelled
    while (true) {
      Optional<List<Seat>> seats = office.seats(ctx, performance);
      if (seats.isPresent()) {
        return seats.get();
      }
      Thread.sleep(Math.min(2000, 100L << Math.min(attempt++, 5)));
    }
  }

  public List<Seat> fetch(Context ctx, String performance) {
    int attempt = 0;
    do {
      Optional<List<Seat>> seats = office.seats(ctx, performance);
      if (seats.isPresent()) {
        return seats.get();
      }
      Duration backoff = Duration.ofMillis(Math.min(2000, 100L << Math.min(attempt++, 5)));
      // OK(IgnoredCancellation): the back-off waits on ctx.done() too
      Select.<Void>select().recv(Time.after(backoff), t -> null).recv(ctx.done(), d -> null).run();
    } while (ctx.err() == null);
    throw ctx.err();
  }

  public String svg(List<Seat> seats) {
    StringBuilder b = new StringBuilder("<svg>");
    for (Seat s : seats) {
      b.append("<rect data-seat='").append(s.row()).append(s.number()).append("' class='")
          .append(s.held() ? "held" : "free").append("'/>");
    }
    return b.append("</svg>").toString();
  }

  /** Live updates: pushes a fresh map every few seconds while the page is open. */
  public void live(Context page, String performance, SendChan<String> socket) {
    // OK(TickerNotStopped): try-with-resources
    try (Ticker t = Time.newTicker(Duration.ofSeconds(3))) {
      // OK(IgnoredCancellation): the ticker wait and the send both select on page.done()
      while (true) {
        boolean closed = Select.<Boolean>select().recv(t.c(), x -> false).recv(page.done(), d -> true).run();
        if (closed) {
          return;
        }
        String map = svg(fetch(page, performance));
        closed = Select.<Boolean>select().send(socket, map, () -> false).recv(page.done(), d -> true).run();
        if (closed) {
          return;
        }
      }
    }
  }
}
