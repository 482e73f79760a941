import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Collects per-user notifications and mails each user one digest per period. */
class DigestMailer {
  record Notification(String userId, String text) {}

  private final Chan<Notification> incoming = Chan.make(256);
  private final Map<String, List<String>> pending = new HashMap<>();
  private final BiConsumer<String, List<String>> mailer;

  DigestMailer(Duration period, BiConsumer<String, List<String>> mailer) {
    this.mailer = mailer;
    Go.go(() -> collect(period));
  }

  void notify(Notification n) {
    incoming.send(n);
  }

  private void collect(Duration period) {
    Ticker tick = Time.newTicker(period);
    // BUG(GoroutineLeak): the collector never ends: no return, no break, no done channel
    for (;;) {
      Select.<Void>select()
          .recv(incoming, n -> {
            pending.computeIfAbsent(n.userId(), u -> new ArrayList<>()).add(n.text());
            return null;
          })
          .recv(tick.c(), t -> {
            pending.forEach(mailer);
            pending.clear();
            return null;
          })
          .run();
    }
  }

  /** The stoppable variant. */
  static final class Stoppable implements AutoCloseable {
    private final Chan<Notification> incoming = Chan.make(256);
    private final Chan<Void> quit = Chan.make();
    private final Map<String, List<String>> pending = new HashMap<>();

    Stoppable(Duration period, BiConsumer<String, List<String>> mailer) {
      Go.go(() -> {
        try (Ticker tick = Time.newTicker(period)) {
          // OK(GoroutineLeak): quit's close ends the loop
          while (true) {
            boolean stop = Select.<Boolean>select()
                .recv(incoming, n -> {
                  pending.computeIfAbsent(n.userId(), u -> new ArrayList<>()).add(n.text());
                  return false;
                })
                .recv(tick.c(), t -> {
                  pending.forEach(mailer);
                  pending.clear();
                  return false;
                })
                .recv(quit, x -> true)
                .run();
            if (stop) {
              pending.forEach(mailer);
              return;
            }
          }
        }
      });
    }

    boolean notify(Notification n) {
      return incoming.trySend(n);
    }

    @Override
    public void close() {
      quit.close();
    }
  }
}
