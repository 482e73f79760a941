import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Received;
import java.util.ArrayList;
import java.util.List;

/** Collects alerts from monitors and pages the on-call engineer for critical ones. */
public final class AlertSink {
  public record Alert(String source, int severity, String text) {}

  private final List<Alert> paged = new ArrayList<>();

  public List<Alert> consume(Chan<Alert> alerts) {
    try {
      while (true) {
        Received<Alert> r = alerts.receiveOk();
        if (!r.ok()) {
          return paged;
        }
        if (r.value().severity() >= 3) {
          paged.add(r.value());
        }
      }
    } finally {
      // BUG(ReceiverSideClose): closes "to be safe" a channel it only receives from: monitors still sending will throw
      alerts.close();
    }
  }

  public static void monitor(String name, int checks, Chan<Alert> out) {
    Go.go(
        () -> {
          for (int i = 0; i < checks; i++) {
            out.send(new Alert(name, i % 4, "check " + i));
          }
        });
  }
}
