import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Select;
import java.time.Duration;
import java.util.List;

/** Sends mobile push notifications through APNs/FCM, with per-priority deadlines and token revocation. */
class PushGateway {
  enum Priority { HIGH, NORMAL }

  record Device(String token, String platform, boolean revoked) {}

  record Push(String title, String body, Priority priority) {}

  interface Provider {
    void deliver(Context ctx, Device d, Push p);
  }

  private final Provider provider;

  PushGateway(Provider provider) {
    this.provider = provider;
  }

  int send(Context parent, List<Device> devices, Push push) {
    // BUG(LostCancel): the early return for an empty device list skips the cancel
    CancelContext ctx = switch (push.priority()) {
      case HIGH -> Context.withTimeout(parent, Duration.ofSeconds(1));
      case NORMAL -> Context.withTimeout(parent, Duration.ofSeconds(10));
    };
    if (devices.isEmpty()) {
      return 0;
    }
    devices.forEach(d -> provider.deliver(ctx, d, push));
    ctx.cancel();
    return devices.size();
  }

  int sendFixed(Context parent, List<Device> devices, Push push) {
    Duration deadline = switch (push.priority()) {
      case HIGH -> Duration.ofSeconds(1);
      case NORMAL -> Duration.ofSeconds(10);
    };
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withTimeout(parent, deadline)) {
      devices.forEach(d -> provider.deliver(ctx, d, push));
      return devices.size();
    }
  }

  /** Moves the tokens of a batch to the outbox, closing it early when a revoked token shows up. */
  static void enqueue(List<Device> devices, Chan<Device> outbox) {
    for (Device d : devices) {
      if (d.revoked()) {
        outbox.close();
      }
      // BUG(SendOnClosedChannel): on the revoked path the send follows the close in the same iteration
      outbox.send(d);
    }
  }

  static void enqueueFixed(List<Device> devices, Chan<Device> outbox) {
    for (Device d : devices) {
      if (d.revoked()) {
        break;
      }
      outbox.send(d);
    }
    // OK(SendOnClosedChannel): the close is after the loop; nothing is sent after it
    outbox.close();
  }

  /** A feedback listener for the provider's two feedback channels. */
  static void listenForFeedback(Chan<String> uninstalled, Chan<String> rateLimited, List<String> log) {
    Thread.ofVirtual().start(() -> {
      // BUG(GoroutineLeak): a select loop with no exit and no done channel: the listener outlives every caller
      while (true) {
        String event = Select.<String>select()
            .recv(uninstalled, t -> "uninstalled " + t)
            .recv(rateLimited, t -> "rate-limited " + t)
            .run();
        synchronized (log) {
          log.add(event);
        }
      }
    });
  }
}
