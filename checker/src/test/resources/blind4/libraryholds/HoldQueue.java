import dev.goconc.*;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** A library's hold queue: patrons queue for titles; returned copies go to the next patron. */
public class HoldQueue implements AutoCloseable {
  public record Hold(String patron, String isbn, LocalDate placed) {}
  public record Notice(String patron, String isbn) {}

  private sealed interface Cmd permits Place, Returned {}
  private record Place(Hold hold) implements Cmd {}
  private record Returned(String isbn) implements Cmd {}

  private final Chan<Cmd> cmds = Chan.make();
  private final Chan<Notice> notices;
  private final CancelFunc stop;
  private final Chan<Void> stopped = Chan.make();

  public HoldQueue(Context parent, Chan<Notice> notices) {
    this.notices = notices;
    CancelContext ctx = Context.withCancel(parent);
    // OK(LostCancel): the cancel function is kept in a field and called by close()
    this.stop = ctx.cancelFunc();
    Go.go(() -> loop(ctx));
  }

  private void loop(Context ctx) {
    Map<String, Deque<Hold>> queues = new HashMap<>();
    try {
      // OK(GoroutineLeak): returns when ctx is done
      while (true) {
        Cmd c = Select.<Cmd>select().recv(cmds, x -> x).recv(ctx.done(), d -> null).run();
        if (c == null) {
          return;
        }
        switch (c) {
          case Place p -> queues.computeIfAbsent(p.hold().isbn(), k -> new ArrayDeque<>()).add(p.hold());
          case Returned r -> {
            Hold next = queues.getOrDefault(r.isbn(), new ArrayDeque<>()).poll();
            if (next != null) {
              Select.<Void>select()
                  .send(notices, new Notice(next.patron(), next.isbn()), () -> null)
                  .recv(ctx.done(), d -> null)
                  .run();
            }
          }
        }
      }
    } finally {
      stopped.close();
    }
  }

  public boolean place(Context ctx, Hold h) {
    return Select.<Boolean>select()
        .send(cmds, new Place(h), () -> true)
        .recv(ctx.done(), d -> false)
        .run();
  }

  public void returned(String isbn) {
    cmds.send(new Returned(isbn));
  }

  /** Waits a little for a notice, for the desk's screen. */
  public static String nextNotice(RecvChan<Notice> notices) {
    // OK(TickerNotStopped): stopped in finally whichever case won
    Timer t = Time.newTimer(Duration.ofSeconds(2));
    try {
      return Select.<String>select()
          .recv(notices, n -> n.patron() + " may collect " + n.isbn())
          .recv(t.c(), x -> "no notices")
          .run();
    } finally {
      t.stop();
    }
  }

  @Override
  public void close() {
    stop.cancel();
    stopped.receive();
  }
}
