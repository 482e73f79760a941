import dev.goconc.*;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Sends appointment reminders by SMS, falling back to e-mail, for a dental practice. */
public class ReminderService {
  public record Appointment(String patient, String phone, String email, LocalDateTime at) {}
  public enum Channel { SMS, EMAIL }
  public record Delivery(Appointment appt, Optional<Channel> via) {}

  public interface Sender {
    boolean send(Context ctx, Channel ch, Appointment a);
  }

  private final Sender sender;

  public ReminderService(Sender sender) {
    this.sender = sender;
  }

  /** Tries SMS with a short timeout, then e-mail; the SMS goroutine never outlives the attempt. */
  Delivery remind(Context parent, Appointment a) {
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(5))) {
      // OK(GoroutineLeak): one slot for the single send
      Chan<Boolean> sms = Chan.make(1);
      Go.go(() -> sms.send(sender.send(ctx, Channel.SMS, a)));
      Boolean ok = Select.<Boolean>select().recv(sms, b -> b).recv(ctx.done(), d -> false).run();
      if (ok) {
        return new Delivery(a, Optional.of(Channel.SMS));
      }
    }
    return sender.send(parent, Channel.EMAIL, a)
        ? new Delivery(a, Optional.of(Channel.EMAIL))
        : new Delivery(a, Optional.empty());
  }

  /** Tomorrow's reminders, ten at a time, results streamed back in completion order. */
  public RecvChan<Delivery> remindAll(Context ctx, List<Appointment> tomorrow) {
    Chan<Delivery> out = Chan.make(tomorrow.size());
    ErrGroup g = ErrGroup.withContext(ctx);
    g.setLimit(10);
    Go.go(() -> {
      for (Appointment a : tomorrow) {
        g.go(() -> out.send(remind(g.context(), a)));
      }
      g.await();
      // OK(UnclosedChannel): closed once every reminder goroutine has finished
      out.close();
    });
    return out;
  }

  /** Summary for the front desk. */
  public static String summary(RecvChan<Delivery> deliveries) {
    int sms = 0, email = 0, failed = 0;
    for (Delivery d : deliveries) {
      switch (d.via().map(Enum::name).orElse("NONE")) {
        case "SMS" -> sms++;
        case "EMAIL" -> email++;
        default -> failed++;
      }
    }
    return "sms=" + sms + " email=" + email + " failed=" + failed;
  }
}
