import dev.goconc.Context;
import dev.goconc.ContextException;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Sends outgoing mail through an SMTP relay, retrying transient failures with backoff. */
class MailDispatcher {
  record Message(String to, String subject, String body) {}

  static final class TransientFailure extends RuntimeException {
    TransientFailure(String msg) {
      super(msg);
    }
  }

  interface Relay {
    void submit(Message m);
  }

  private final Relay relay;
  private final int maxAttempts;

  MailDispatcher(Relay relay, int maxAttempts) {
    this.relay = relay;
    this.maxAttempts = maxAttempts;
  }

  boolean deliver(Context ctx, Message m) {
    Duration backoff = Duration.ofMillis(200);
    int attempt = 0;
    // BUG(IgnoredCancellation): each retry blocks on a backoff timer and never looks at ctx
    do {
      try {
        relay.submit(m);
        return true;
      } catch (TransientFailure e) {
        attempt++;
        Time.after(backoff).receive();
        backoff = backoff.multipliedBy(2);
      }
    } while (attempt < maxAttempts);
    return false;
  }

  boolean deliverFixed(Context ctx, Message m) {
    Duration backoff = Duration.ofMillis(200);
    // OK(IgnoredCancellation): the backoff wait is a select that also ends on ctx.done()
    for (int attempt = 0; attempt < maxAttempts; attempt++) {
      try {
        relay.submit(m);
        return true;
      } catch (TransientFailure e) {
        boolean cancelled = Select.<Boolean>select()
            .recv(Time.after(backoff), t -> false)
            .recv(ctx.done(), x -> true)
            .run();
        if (cancelled) {
          return false;
        }
        backoff = backoff.multipliedBy(2);
      }
    }
    return false;
  }

  int drain(Context ctx, List<Message> outbox) {
    Deque<Message> pending = new ArrayDeque<>(outbox);
    int sent = 0;
    // OK(IgnoredCancellation): the loop checks ctx.err() before every message
    while (!pending.isEmpty()) {
      ContextException err = ctx.err();
      if (err != null) {
        break;
      }
      if (deliverFixed(ctx, pending.poll())) {
        sent++;
      }
    }
    return sent;
  }
}
